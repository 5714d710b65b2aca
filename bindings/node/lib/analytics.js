'use strict';
// Contact analytics: reach per school, class and mentor, proactive share,
// households never contacted or hard to reach (triad/analytics.h).

const { koffi, func, text, int } = require('./ffi');
const { check, checkPtr } = require('./error');
const { Handle } = require('./handle');
const date = require('./date');
const { Lang } = require('./common');
// Declares triad_contactlog, triad_audience and triad_calendar:
require('./contactlog');
require('./contactplan');
require('./calendar');

koffi.opaque('triad_reach_report');
koffi.alias('triad_reach_group', 'int');
koffi.struct('triad_reach_options', {
  version: 'unsigned int',
  has_window: 'int',
  window_from: 'triad_date',
  window_to: 'triad_date',
  hard_weeks: 'int32_t',
  hard_failed: 'int32_t',
  calendar: 'const triad_calendar *',
});
koffi.struct('triad_reach_figures', {
  version: 'unsigned int',
  households: 'size_t',
  reached: 'size_t',
  contacts: 'size_t',
  proactive: 'size_t',
  failed: 'size_t',
  never_contacted: 'size_t',
  hard_to_reach: 'size_t',
  reach: 'double',
  proactive_share: 'double',
});

const ReachGroup = Object.freeze({ NONE: 0, SCHOOL: 1, CLASS: 2, MENTOR: 3 });
const HardReason = Object.freeze({ NO_CONTACT_IN_WEEKS: 1, FAILED_IN_ROW: 2 });

const cOptionsInit = func('int triad_reach_options_init(_Out_ triad_reach_options *opts, unsigned int version)');
const cNew = func('int triad_reach_report_new(_Out_ triad_reach_report **out, const triad_contactlog *log, const triad_audience *aud, triad_date as_of, const triad_reach_options *opts)');
const cFree = func('void triad_reach_report_free(triad_reach_report *report)');
const cWindow = func('void triad_reach_report_window(const triad_reach_report *report, _Out_ triad_date *from, _Out_ triad_date *to)');
const cGroupCount = func('size_t triad_reach_report_group_count(const triad_reach_report *report)');
const cGroup = func('int triad_reach_report_group(const triad_reach_report *report, size_t index, _Out_ triad_reach_group *type, _Out_ const char **name, _Inout_ triad_reach_figures *out)');
const cNeverCount = func('size_t triad_reach_report_never_count(const triad_reach_report *report)');
const cNeverAt = func('int triad_reach_report_never_at(const triad_reach_report *report, size_t index, _Out_ const char **household, _Out_ size_t *attempts, _Out_ triad_date *last_attempt)');
const cHardCount = func('size_t triad_reach_report_hard_count(const triad_reach_report *report)');
const cHardAt = func('int triad_reach_report_hard_at(const triad_reach_report *report, size_t index, _Out_ const char **household, _Out_ unsigned int *reasons, _Out_ size_t *failed_in_row, _Out_ int *has_contact, _Out_ triad_date *last_contact)');
const cText = func('int triad_reach_report_text(_Out_ triad_owned_str *out, const triad_reach_report *report, triad_lang lang)');
const cJson = func('int triad_reach_report_json(_Out_ triad_owned_str *out, const triad_reach_report *report)');

/** Options { window: [from, to], hardWeeks, hardFailed, calendar } over the defaults. */
function options({ window, hardWeeks, hardFailed, calendar } = {}) {
  const o = {};
  check(cOptionsInit(o, 1));
  if (window) {
    o.has_window = 1;
    o.window_from = date.toDays(window[0]);
    o.window_to = date.toDays(window[1]);
  }
  if (hardWeeks !== undefined) o.hard_weeks = int(hardWeeks, 'hardWeeks');
  if (hardFailed !== undefined) o.hard_failed = int(hardFailed, 'hardFailed');
  if (calendar) o.calendar = calendar._h;
  return o;
}

/** Reach of the school's contacts on a date. */
class ReachReport extends Handle {
  constructor(log, audience, asOf, opts = null) {
    const out = [null];
    check(cNew(out, log._h, audience._h, date.toDays(asOf), opts ? options(opts) : null));
    super(out[0], cFree, 'reach report');
  }

  /** [from, to] of the window used. */
  get window() {
    const f = [0]; const t = [0];
    cWindow(this._h, f, t);
    return [date.fromDays(f[0]), date.fromDays(t[0])];
  }

  /** [{ type, name, figures }]: the school, then every class, then every mentor. */
  get groups() {
    return Array.from({ length: Number(cGroupCount(this._h)) }, (_, i) => {
      const t = [0]; const n = [null]; const f = { version: 1 };
      check(cGroup(this._h, i, t, n, f));
      const figures = {
        households: Number(f.households), reached: Number(f.reached), contacts: Number(f.contacts),
        proactive: Number(f.proactive), failed: Number(f.failed), neverContacted: Number(f.never_contacted),
        hardToReach: Number(f.hard_to_reach), reach: f.reach, proactiveShare: f.proactive_share,
      };
      return { type: t[0], name: n[0] || '', figures };
    });
  }

  /** [{ household, attempts, lastAttempt }] never contacted. */
  get neverContacted() {
    return Array.from({ length: Number(cNeverCount(this._h)) }, (_, i) => {
      const h = [null]; const a = [0]; const d = [0];
      check(cNeverAt(this._h, i, h, a, d));
      return { household: h[0], attempts: Number(a[0]), lastAttempt: Number(a[0]) ? date.fromDays(d[0]) : null };
    });
  }

  /** [{ household, reasons (HardReason bits), failedInRow, lastContact }]. */
  get hardToReach() {
    return Array.from({ length: Number(cHardCount(this._h)) }, (_, i) => {
      const h = [null]; const r = [0]; const f = [0]; const has = [0]; const d = [0];
      check(cHardAt(this._h, i, h, r, f, has, d));
      return { household: h[0], reasons: r[0], failedInRow: Number(f[0]), lastContact: has[0] ? date.fromDays(d[0]) : null };
    });
  }

  text(lang = Lang.NL) {
    const o = [null];
    check(cText(o, this._h, int(lang, 'lang')));
    return o[0];
  }

  toJson() {
    const o = [null];
    check(cJson(o, this._h));
    return o[0];
  }
}

// ---- the plan against the log ----------------------------------------------

koffi.opaque('triad_plan_status');
koffi.alias('triad_expected_state', 'int');
const ExpectedState = Object.freeze({ NONE: 0, UPCOMING: 1, OPEN: 2, DONE: 3, DONE_LATE: 4, OVERDUE: 5 });
const cStateId = func('const char *triad_expected_state_id(triad_expected_state state)');
const cStatusNew = func('int triad_plan_status_new(_Out_ triad_plan_status **out, const triad_expected *expected, const triad_contactlog *log, triad_date as_of)');
const cStatusFree = func('void triad_plan_status_free(triad_plan_status *status)');
const cStatusCount = func('size_t triad_plan_status_count(const triad_plan_status *status)');
const cStatusAt = func('int triad_plan_status_at(const triad_plan_status *status, size_t index, _Out_ triad_expected_state *state, _Out_ const char **entry)');
const cStatusHousehold = func('int triad_plan_status_household(const triad_plan_status *status, const char *household, _Out_ size_t *done, _Out_ size_t *done_late, _Out_ size_t *overdue, _Out_ size_t *open, _Out_ size_t *upcoming, _Out_ size_t *next)');
const cStatusText = func('int triad_plan_status_text(_Out_ triad_owned_str *out, const triad_plan_status *status, const char *household, triad_lang lang)');

const expectedState = Object.freeze({ id: (s) => checkPtr(cStateId(int(s, 'state'))) });
const SIZE_MAX = 2n ** 64n - 1n;

/**
 * The expected contacts held against the log on a date. It borrows the
 * expected-contact list and the log: freeing either frees the status first
 * (and the log must not change while the status lives).
 */
class PlanStatus extends Handle {
  constructor(expected, log, asOf) {
    const out = [null];
    check(cStatusNew(out, expected._h, log._h, date.toDays(asOf)));
    super(out[0], cStatusFree, 'plan status');
    this._pin(expected, log);
  }

  get length() { return Number(cStatusCount(this._h)); }
  /** { state, entry } of expected contact i (entry: the log entry that did it, or null). */
  at(i) {
    if (!Number.isInteger(i) || i < 0 || i >= this.length) return undefined;
    const st = [0]; const e = [null];
    check(cStatusAt(this._h, i, st, e));
    return { state: st[0], entry: e[0] };
  }

  * [Symbol.iterator]() { for (let i = 0; i < this.length; i++) yield this.at(i); }
  /** { done, doneLate, overdue, open, upcoming, next } of a household; next is null when none. */
  household(id) {
    const v = Array.from({ length: 6 }, () => [0]);
    check(cStatusHousehold(this._h, text(id, 'household'), ...v));
    const next = v[5][0];
    return { done: Number(v[0][0]), doneLate: Number(v[1][0]), overdue: Number(v[2][0]), open: Number(v[3][0]),
      upcoming: Number(v[4][0]), next: BigInt(next) === SIZE_MAX ? null : Number(next) };
  }

  /** The status as text, for one household or (null) every household. */
  text(household = null, lang = Lang.NL) {
    const o = [null];
    check(cStatusText(o, this._h, household === null ? null : text(household, 'household'), int(lang, 'lang')));
    return o[0];
  }
}

module.exports = { ReachGroup, HardReason, options, ReachReport, ExpectedState, expectedState, PlanStatus };
