'use strict';
// Contact plans, audiences and the expected contacts of a school year
// (triad/contactplan.h).

const { koffi, func, text, int } = require('./ffi');
const { check, checkPtr } = require('./error');
const { Handle } = require('./handle');
const date = require('./date');
// Declares triad_roster, triad_policy_options and triad_calendar:
require('./roster');
require('./policy');
require('./calendar');

for (const n of ['triad_contactplan', 'triad_audience', 'triad_expected']) koffi.opaque(n);
for (const n of ['triad_plan_with', 'triad_plan_timing', 'triad_plan_per', 'triad_plan_access']) koffi.alias(n, 'int');

const CRule = koffi.struct('triad_plan_rule', {
  version: 'unsigned int',
  id: 'const char *',
  kind: 'triad_contact_kind',
  channel: 'triad_channel',
  with: 'triad_plan_with',
  per: 'triad_plan_per',
  timing: 'triad_plan_timing',
  n: 'int32_t',
  limit: 'int32_t',
  has_deadline: 'int',
  deadline: 'triad_date',
  years: 'const int32_t *',
  year_count: 'size_t',
  school_types: 'const char **',
  school_type_count: 'size_t',
  classes: 'const char **',
  class_count: 'size_t',
  report_periods: 'const char **',
  report_period_count: 'size_t',
  note: 'const char *',
});

const PlanWith = Object.freeze({ NONE: 0, MENTOR: 1, TEACHER: 2, COORDINATOR: 3, SCHOOL_LEADER: 4 });
const PlanTiming = Object.freeze({ NONE: 0, FIRST_WEEKS: 1, AFTER_REPORT: 2, EVERY_WEEKS: 3, ONCE_A_YEAR: 4 });
const PlanPer = Object.freeze({ NONE: 0, HOUSEHOLD: 1, STUDENT: 2 });
const PlanAccess = Object.freeze({ NONE: 0, FULL: 1, ON_REQUEST: 2, RESTRICTED: 3, NOT_CHOSEN: 4 });

const cWithId = func('const char *triad_plan_with_id(triad_plan_with with)');
const cTimingId = func('const char *triad_plan_timing_id(triad_plan_timing timing)');
const cAccessId = func('const char *triad_plan_access_id(triad_plan_access access)');
const cRuleInit = func('int triad_plan_rule_init(_Out_ triad_plan_rule *rule, unsigned int version)');
const cNew = func('int triad_contactplan_new(_Out_ triad_contactplan **out)');
const cDefault = func('int triad_contactplan_default(_Out_ triad_contactplan **out)');
const cFree = func('void triad_contactplan_free(triad_contactplan *plan)');
const cAddRule = func('int triad_contactplan_add_rule(triad_contactplan *plan, const triad_plan_rule *rule)');
const cRemoveRule = func('int triad_contactplan_remove_rule(triad_contactplan *plan, const char *id)');
const cRuleCount = func('size_t triad_contactplan_rule_count(const triad_contactplan *plan)');
const cRuleAt = func('int triad_contactplan_rule_at(const triad_contactplan *plan, size_t index, _Inout_ triad_plan_rule *out)');
const cFindRule = func('int triad_contactplan_find_rule(_Out_ size_t *out, const triad_contactplan *plan, const char *id)');
const cLoad = func('int triad_contactplan_load(_Out_ triad_contactplan **out, const char *text, size_t len, const char *source)');
const cLoadFile = func('int triad_contactplan_load_file(_Out_ triad_contactplan **out, const char *filename)');
const cSave = func('int triad_contactplan_save(_Out_ triad_owned_str *out, const triad_contactplan *plan)');
const cSaveFile = func('int triad_contactplan_save_file(const triad_contactplan *plan, const char *filename)');
const cAudNew = func('int triad_audience_new(_Out_ triad_audience **out)');
const cAudFree = func('void triad_audience_free(triad_audience *aud)');
const cAudAdd = func('int triad_audience_add(triad_audience *aud, const char *household_id, const char *student_id, const char *school_type, int year, const char *class_name, const char *mentor_id, triad_plan_access access)');
const cAudCount = func('size_t triad_audience_count(const triad_audience *aud)');
const cAudAt = func('int triad_audience_at(const triad_audience *aud, size_t index, _Out_ const char **household_id, _Out_ const char **student_id, _Out_ const char **school_type, _Out_ int *year, _Out_ const char **class_name, _Out_ const char **mentor_id, _Out_ triad_plan_access *access)');
const cAudFromRoster = func('int triad_audience_from_roster(_Out_ triad_audience **out, const triad_roster *roster, const triad_policy_options *opts, triad_date as_of)');
const cGenerate = func('int triad_contactplan_generate(_Out_ triad_expected **out, const triad_contactplan *plan, const triad_calendar *cal, const triad_audience *aud)');
const cExpFree = func('void triad_expected_free(triad_expected *list)');
const cExpCount = func('size_t triad_expected_count(const triad_expected *list)');
const cExp = {};
for (const k of ['household', 'rule', 'staff', 'report_period']) {
  cExp[k] = func(`const char *triad_expected_${k}(const triad_expected *list, size_t i)`);
}
const cExpStudentCount = func('size_t triad_expected_student_count(const triad_expected *list, size_t i)');
const cExpStudentAt = func('const char *triad_expected_student_at(const triad_expected *list, size_t i, size_t j)');
const cExpKind = func('triad_contact_kind triad_expected_kind(const triad_expected *list, size_t i)');
const cExpChannel = func('triad_channel triad_expected_channel(const triad_expected *list, size_t i)');
const cExpWith = func('triad_plan_with triad_expected_with(const triad_expected *list, size_t i)');
const cExpEarliest = func('triad_date triad_expected_earliest(const triad_expected *list, size_t i)');
const cExpDue = func('triad_date triad_expected_due(const triad_expected *list, size_t i)');
const cExpOccurrence = func('int32_t triad_expected_occurrence(const triad_expected *list, size_t i)');
const cExpSkippedCount = func('size_t triad_expected_skipped_count(const triad_expected *list)');
const cExpSkippedAt = func('int triad_expected_skipped_at(const triad_expected *list, size_t index, _Out_ const char **household, _Out_ const char **student, _Out_ triad_plan_access *access)');

const planWith = Object.freeze({ id: (w) => checkPtr(cWithId(int(w, 'with'))) });
const planTiming = Object.freeze({ id: (t) => checkPtr(cTimingId(int(t, 'timing'))) });
const planAccess = Object.freeze({ id: (a) => checkPtr(cAccessId(int(a, 'access'))) });
const opt = (v, what) => (v === null || v === undefined ? null : text(v, what));
function out1(cfn, ...args) {
  const o = [null];
  check(cfn(o, ...args));
  return o[0];
}

/**
 * A rule as a plain object: { id, kind, timing, n?, with?, per?, channel?,
 * limit?, deadline?, years?, schoolTypes?, classes?, reportPeriods?, note? }.
 */
function ruleToC(rule) {
  const r = {};
  check(cRuleInit(r, 1));
  const strs = (a, what) => (a || []).map((s) => text(s, what));
  r.id = text(rule.id, 'id');
  r.kind = int(rule.kind, 'kind');
  r.timing = int(rule.timing, 'timing');
  r.n = int(rule.n || 0, 'n');
  r.with = int(rule.with === undefined ? PlanWith.MENTOR : rule.with, 'with');
  r.per = int(rule.per === undefined ? PlanPer.HOUSEHOLD : rule.per, 'per');
  r.channel = int(rule.channel || 0, 'channel');
  r.limit = int(rule.limit || 0, 'limit');
  if (rule.deadline) {
    r.has_deadline = 1;
    r.deadline = date.toDays(rule.deadline);
  }
  const years = Int32Array.from(rule.years || []);
  r.years = years.length ? years : null;
  r.year_count = years.length;
  for (const [field, count, key] of [['school_types', 'school_type_count', 'schoolTypes'],
    ['classes', 'class_count', 'classes'], ['report_periods', 'report_period_count', 'reportPeriods']]) {
    const a = strs(rule[key], key);
    r[field] = a.length ? a : null;
    r[count] = a.length;
  }
  r.note = opt(rule.note, 'note');
  return r;
}

function ruleFromC(r) {
  // An array of n C strings (decoding 'const char *' with a length would read one string).
  const strs = (p, n) => (n ? koffi.decode(p, koffi.array('const char *', Number(n), 'Array')) : []);
  return {
    id: r.id,
    kind: r.kind,
    timing: r.timing,
    n: r.n,
    with: r.with,
    per: r.per,
    channel: r.channel,
    limit: r.limit,
    deadline: r.has_deadline ? date.fromDays(r.deadline) : null,
    years: r.year_count ? Array.from(koffi.decode(r.years, 'int32_t', Number(r.year_count))) : [],
    schoolTypes: strs(r.school_types, r.school_type_count),
    classes: strs(r.classes, r.class_count),
    reportPeriods: strs(r.report_periods, r.report_period_count),
    note: r.note,
  };
}

/** The expected contacts of a year (copies are returned by at() and the iterator). */
class Expected extends Handle {
  constructor(ptr) { super(ptr, cExpFree, 'expected-contact list'); }
  get length() { return Number(cExpCount(this._h)); }
  at(i) {
    const h = this._h;
    if (!Number.isInteger(i) || i < 0 || i >= this.length) return undefined;
    return {
      household: checkPtr(cExp.household(h, i)),
      students: Array.from({ length: Number(cExpStudentCount(h, i)) }, (_, j) => checkPtr(cExpStudentAt(h, i, j))),
      rule: checkPtr(cExp.rule(h, i)),
      kind: cExpKind(h, i),
      channel: cExpChannel(h, i),
      with: cExpWith(h, i),
      staff: checkPtr(cExp.staff(h, i)),
      earliest: date.fromDays(cExpEarliest(h, i)),
      due: date.fromDays(cExpDue(h, i)),
      occurrence: cExpOccurrence(h, i),
      reportPeriod: checkPtr(cExp.report_period(h, i)),
    };
  }

  * [Symbol.iterator]() { for (let i = 0; i < this.length; i++) yield this.at(i); }
  toArray() { return [...this]; }
  /** [{ household, student, access }] left out (restricted or on request). */
  get skipped() {
    return Array.from({ length: Number(cExpSkippedCount(this._h)) }, (_, i) => {
      const h = [null]; const s = [null]; const a = [0];
      check(cExpSkippedAt(this._h, i, h, s, a));
      return { household: h[0], student: s[0], access: a[0] };
    });
  }
}

/** The (household, student) pairs a plan applies to. */
class Audience extends Handle {
  constructor(ptr = null) { super(ptr === null ? out1(cAudNew) : ptr, cAudFree, 'audience'); }

  /** Households and access by the age policy on a date; opts like policy.options(). */
  static fromRoster(roster, asOf, opts = null) {
    const policy = require('./policy');
    return new Audience(out1(cAudFromRoster, roster._h, opts ? policy.options(opts) : null, date.toDays(asOf)));
  }

  add({ householdId, studentId, schoolType, year, className = null, mentorId = null, access = PlanAccess.FULL }) {
    check(cAudAdd(this._h, text(householdId, 'householdId'), text(studentId, 'studentId'),
      text(schoolType, 'schoolType'), int(year, 'year'), opt(className, 'className'),
      opt(mentorId, 'mentorId'), int(access, 'access')));
  }

  get length() { return Number(cAudCount(this._h)); }
  at(i) {
    if (!Number.isInteger(i) || i < 0 || i >= this.length) return undefined;
    const o = Array.from({ length: 7 }, () => [null]);
    check(cAudAt(this._h, i, ...o));
    return { householdId: o[0][0], studentId: o[1][0], schoolType: o[2][0], year: o[3][0],
      className: o[4][0], mentorId: o[5][0], access: o[6][0] };
  }

  * [Symbol.iterator]() { for (let i = 0; i < this.length; i++) yield this.at(i); }
}

/** A contact plan (triad.contact-plan/1). */
class ContactPlan extends Handle {
  constructor(ptr = null) { super(ptr === null ? out1(cNew) : ptr, cFree, 'contact plan'); }
  /** The built-in default plan for Dutch secondary schools. */
  static default() { return new ContactPlan(out1(cDefault)); }
  static load(json, source = null) {
    const b = Buffer.isBuffer(json) ? json : Buffer.from(text(json, 'text'), 'utf8');
    return new ContactPlan(out1(cLoad, b, b.length, opt(source, 'source')));
  }

  static loadFile(filename) { return new ContactPlan(out1(cLoadFile, text(filename, 'filename'))); }
  save() { return out1(cSave, this._h); }
  saveFile(filename) { check(cSaveFile(this._h, text(filename, 'filename'))); }
  addRule(rule) { check(cAddRule(this._h, ruleToC(rule))); }
  removeRule(id) { check(cRemoveRule(this._h, text(id, 'id'))); }
  _rule(i) {
    const r = {};
    check(cRuleInit(r, 1));
    check(cRuleAt(this._h, i, r));
    return ruleFromC(r);
  }

  get rules() { return Array.from({ length: Number(cRuleCount(this._h)) }, (_, i) => this._rule(i)); }
  rule(id) {
    const o = [0];
    check(cFindRule(o, this._h, text(id, 'id')));
    return this._rule(Number(o[0]));
  }

  /** The contacts each household should get in the calendar's year. */
  generate(calendar, audience) { return new Expected(out1(cGenerate, this._h, calendar._h, audience._h)); }
}

module.exports = {
  PlanWith, PlanTiming, PlanPer, PlanAccess, planWith, planTiming, planAccess,
  ContactPlan, Audience, Expected, CRule,
};
