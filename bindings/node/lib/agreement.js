'use strict';
// The ouder-kind-schoolovereenkomst: the agreement between parents,
// student and school (triad/agreement.h). Reading gives snapshots (plain
// objects), so they stay valid when the agreement changes.

const { koffi, func, text, int } = require('./ffi');
const { check, checkPtr } = require('./error');
const { Handle } = require('./handle');
const date = require('./date');
const { Lang } = require('./common');
const policyMod = require('./policy'); // declares triad_roster and triad_policy_options

for (const n of ['triad_agreement', 'triad_agreement_version', 'triad_clause', 'triad_commitment',
  'triad_agreement_findings']) koffi.opaque(n);
for (const n of ['triad_agreement_state', 'triad_party_role', 'triad_agreement_section',
  'triad_commitment_kind', 'triad_period', 'triad_severity', 'triad_render_format']) koffi.alias(n, 'int');
koffi.struct('triad_agreement_start_options', {
  version: 'unsigned int', school_year: 'int', policy: 'const triad_policy_options *', with_catalogue: 'int',
});
koffi.struct('triad_agreement_check_options', {
  version: 'unsigned int', policy: 'const triad_policy_options *', types: 'const triad_schooltypes *',
  ownership_threshold: 'double',
});
koffi.struct('triad_render_options', {
  version: 'unsigned int', format: 'triad_render_format', lang: 'triad_lang', roster: 'const triad_roster *',
  policy: 'const triad_policy_options *', version_number: 'size_t',
});

const AgreementState = Object.freeze({ NONE: 0, DRAFT: 1, PROPOSED: 2, ACTIVE: 3, EXPIRED: 4, TERMINATED: 5 });
const PartyRole = Object.freeze({ NONE: 0, STUDENT: 1, GUARDIAN: 2, SCHOOL: 3, ALL: 4 });
const Section = Object.freeze({ NONE: 0, AIMS: 1, SCHOOL: 2, PARENTS: 3, STUDENT: 4, PROTOCOL: 5 });
const CommitmentKind = Object.freeze({ NONE: 0, MIN_COUNT: 1, MAX_INTERVAL: 2, RESPONSE_TIME: 3 });
const Period = Object.freeze({ NONE: 0, SCHOOL_WEEK: 1, MONTH: 2, REPORT_PERIOD: 3, SCHOOL_YEAR: 4 });
const Severity = Object.freeze({ NONE: 0, INFO: 1, WARNING: 2, ERROR: 3 });
const RenderFormat = Object.freeze({ NONE: 0, TEXT: 1, MARKDOWN: 2, HTML: 3 });

const A = 'triad_agreement *agreement';
const CA = 'const triad_agreement *agreement';
const V = 'const triad_agreement_version *v';
const C = 'const triad_clause *c';
const M = 'const triad_commitment *m';
const F = 'const triad_agreement_findings *findings';
const f = func;

const cStateId = f('const char *triad_agreement_state_id(triad_agreement_state state)');
const cRoleId = f('const char *triad_party_role_id(triad_party_role role)');
const cSectionId = f('const char *triad_agreement_section_id(triad_agreement_section section)');
const cSectionName = f('const char *triad_agreement_section_name(triad_agreement_section section, triad_lang lang)');
const cCommitmentKindId = f('const char *triad_commitment_kind_id(triad_commitment_kind kind)');
const cPeriodId = f('const char *triad_period_id(triad_period period)');
const cSeverityId = f('const char *triad_severity_id(triad_severity severity)');
const cCatCount = f('size_t triad_catalogue_count(void)');
const cCatIdAt = f('const char *triad_catalogue_id_at(size_t index)');
const cCatFind = f('int triad_catalogue_find(_Out_ size_t *out, const char *id)');
const cCatSection = f('triad_agreement_section triad_catalogue_section(size_t index)');
const cCatText = f('const char *triad_catalogue_text(size_t index, triad_lang lang)');
const cNew = f('int triad_agreement_new(_Out_ triad_agreement **out, const char *id)');
const cStartOptionsInit = f('int triad_agreement_start_options_init(_Out_ triad_agreement_start_options *opts, unsigned int version)');
const cStart = f('int triad_agreement_start(_Out_ triad_agreement **out, const char *id, const triad_roster *roster, const char *student_id, const char *staff_id, const triad_agreement_start_options *opts)');
const cFree = f('void triad_agreement_free(triad_agreement *agreement)');
const cLoad = f('int triad_agreement_load(_Out_ triad_agreement **out, const char *text, size_t len, const char *source)');
const cLoadFile = f('int triad_agreement_load_file(_Out_ triad_agreement **out, const char *filename)');
const cSave = f(`int triad_agreement_save(_Out_ triad_owned_str *out, ${CA})`);
const cSaveFile = f(`int triad_agreement_save_file(${CA}, const char *filename)`);
const cEqual = f('int triad_agreement_equal(const triad_agreement *a, const triad_agreement *b)');
const cSetSchoolYear = f(`int triad_agreement_set_school_year(${A}, int start_year)`);
const cSetValidity = f(`int triad_agreement_set_validity(${A}, triad_date from, triad_date to)`);
const cSetStudentYear = f(`int triad_agreement_set_student_year(${A}, const char *school_type, int year)`);
const cAddParty = f(`int triad_agreement_add_party(${A}, triad_party_role role, const char *id)`);
const cRemoveParty = f(`int triad_agreement_remove_party(${A}, const char *id)`);
const cAddClause = f(`int triad_agreement_add_clause(${A}, const char *id, triad_agreement_section section, triad_category category, triad_party_role from_role, const char *from_id, triad_party_role to_role, const char *to_id)`);
const cAddCatalogueClause = f(`int triad_agreement_add_catalogue_clause(${A}, const char *catalogue_id)`);
const cRemoveClause = f(`int triad_agreement_remove_clause(${A}, const char *clause_id)`);
const cClauseSetText = f(`int triad_agreement_clause_set_text(${A}, const char *clause_id, const char *text_nl, const char *text_en)`);
const cClauseSetFreeText = f(`int triad_agreement_clause_set_free_text(${A}, const char *clause_id, const char *text)`);
const cClauseSetParties = f(`int triad_agreement_clause_set_parties(${A}, const char *clause_id, triad_party_role from_role, const char *from_id, triad_party_role to_role, const char *to_id)`);
const cClauseAddVariant = f(`int triad_agreement_clause_add_variant(${A}, const char *clause_id, int year_from, int year_to, triad_party_role from_role, const char *from_id, const char *text_nl, const char *text_en)`);
const cClauseSetMinCount = f(`int triad_agreement_clause_set_min_count(${A}, const char *clause_id, triad_contact_kind kind, int count, triad_period period)`);
const cClauseSetMaxInterval = f(`int triad_agreement_clause_set_max_interval(${A}, const char *clause_id, triad_contact_kind kind, int weeks)`);
const cClauseSetResponseTime = f(`int triad_agreement_clause_set_response_time(${A}, const char *clause_id, triad_contact_kind kind, int days)`);
const cClauseClearCommitment = f(`int triad_agreement_clause_clear_commitment(${A}, const char *clause_id)`);
const cSetProtocol = f(`int triad_agreement_set_protocol(${A}, const char *subject, unsigned int staff_role, const char *staff_id, triad_channel channel, int response_days)`);
const cRemoveProtocol = f(`int triad_agreement_remove_protocol(${A}, const char *subject)`);
const cPropose = f(`int triad_agreement_propose(${A}, triad_date on)`);
const cWithdraw = f(`int triad_agreement_withdraw(${A})`);
const cSign = f(`int triad_agreement_sign(${A}, const char *signer_id, triad_date on)`);
const cActivate = f(`int triad_agreement_activate(${A}, const triad_roster *roster, const triad_policy_options *policy, triad_date on)`);
const cExpire = f(`int triad_agreement_expire(${A}, triad_date as_of)`);
const cTerminate = f(`int triad_agreement_terminate(${A}, triad_date on, const char *reason)`);
const cId = f(`const char *triad_agreement_id(${CA})`);
const cStateOf = f(`triad_agreement_state triad_agreement_state_of(${CA})`);
const cVersionCount = f(`size_t triad_agreement_version_count(${CA})`);
const cVersionAt = f(`const triad_agreement_version *triad_agreement_version_at(${CA}, size_t number)`);
const cLatest = f(`const triad_agreement_version *triad_agreement_latest(${CA})`);
const cInForce = f(`const triad_agreement_version *triad_agreement_in_force(${CA}, triad_date on)`);
const vNumber = f(`int triad_agreement_version_number(${V})`);
const vState = f(`triad_agreement_state triad_agreement_version_state(${V})`);
const vValidFrom = f(`triad_date triad_agreement_version_valid_from(${V})`);
const vValidTo = f(`triad_date triad_agreement_version_valid_to(${V})`);
const vHasValidity = f(`int triad_agreement_version_has_validity(${V})`);
const vSchoolType = f(`const char *triad_agreement_version_school_type(${V})`);
const vStudentYear = f(`int triad_agreement_version_student_year(${V})`);
const vDate = f(`int triad_agreement_version_date(_Out_ triad_date *out, ${V}, const char *which)`);
const vEndReason = f(`const char *triad_agreement_version_end_reason(${V})`);
const vPartyCount = f(`size_t triad_agreement_version_party_count(${V})`);
const vPartyRole = f(`triad_party_role triad_agreement_version_party_role(${V}, size_t index)`);
const vPartyId = f(`const char *triad_agreement_version_party_id(${V}, size_t index)`);
const vStudentId = f(`const char *triad_agreement_version_student_id(${V})`);
const vClauseCount = f(`size_t triad_agreement_version_clause_count(${V})`);
const vClauseAt = f(`const triad_clause *triad_agreement_version_clause_at(${V}, size_t index)`);
const vClause = f(`const triad_clause *triad_agreement_version_clause(${V}, const char *id)`);
const vProtocolCount = f(`size_t triad_agreement_version_protocol_count(${V})`);
const vProtocolSubject = f(`const char *triad_agreement_version_protocol_subject(${V}, size_t index)`);
const vProtocolStaffRole = f(`unsigned int triad_agreement_version_protocol_staff_role(${V}, size_t index)`);
const vProtocolStaffId = f(`const char *triad_agreement_version_protocol_staff_id(${V}, size_t index)`);
const vProtocolChannel = f(`triad_channel triad_agreement_version_protocol_channel(${V}, size_t index)`);
const vProtocolResponseDays = f(`int triad_agreement_version_protocol_response_days(${V}, size_t index)`);
const vSignatureCount = f(`size_t triad_agreement_version_signature_count(${V})`);
const vSignatureId = f(`const char *triad_agreement_version_signature_id(${V}, size_t index)`);
const vSignatureRole = f(`triad_party_role triad_agreement_version_signature_role(${V}, size_t index)`);
const vSignatureDate = f(`triad_date triad_agreement_version_signature_date(${V}, size_t index)`);
const kId = f(`const char *triad_clause_id(${C})`);
const kSection = f(`triad_agreement_section triad_clause_section(${C})`);
const kCategory = f(`triad_category triad_clause_category(${C})`);
const kFromRole = f(`triad_party_role triad_clause_from_role(${C})`);
const kFromId = f(`const char *triad_clause_from_id(${C})`);
const kToRole = f(`triad_party_role triad_clause_to_role(${C})`);
const kToId = f(`const char *triad_clause_to_id(${C})`);
const kText = f(`const char *triad_clause_text(${C}, triad_lang lang)`);
const kIsFreeText = f(`int triad_clause_is_free_text(${C})`);
const kVariantCount = f(`size_t triad_clause_variant_count(${C})`);
const kVariantYears = f(`int triad_clause_variant_years(_Out_ int *year_from, _Out_ int *year_to, ${C}, size_t index)`);
const kVariantFromRole = f(`triad_party_role triad_clause_variant_from_role(${C}, size_t index)`);
const kVariantFromId = f(`const char *triad_clause_variant_from_id(${C}, size_t index)`);
const kVariantText = f(`const char *triad_clause_variant_text(${C}, size_t index, triad_lang lang)`);
const kCommitment = f(`const triad_commitment *triad_clause_commitment(${C})`);
const vCommitmentCount = f(`size_t triad_agreement_version_commitment_count(${V})`);
const vCommitmentAt = f(`const triad_commitment *triad_agreement_version_commitment_at(${V}, size_t index)`);
const mClause = f(`const triad_clause *triad_commitment_clause(${M})`);
const mKind = f(`triad_commitment_kind triad_commitment_kind_of(${M})`);
const mContactKind = f(`triad_contact_kind triad_commitment_contact_kind(${M})`);
const mCount = f(`int triad_commitment_count(${M})`);
const mPeriod = f(`triad_period triad_commitment_period(${M})`);
const mWeeks = f(`int triad_commitment_weeks(${M})`);
const mDays = f(`int triad_commitment_days(${M})`);
const mFromRole = f(`triad_party_role triad_commitment_from_role(${M})`);
const mFromId = f(`const char *triad_commitment_from_id(${M})`);
const mToRole = f(`triad_party_role triad_commitment_to_role(${M})`);
const mToId = f(`const char *triad_commitment_to_id(${M})`);
const cCheckOptionsInit = f('int triad_agreement_check_options_init(_Out_ triad_agreement_check_options *opts, unsigned int version)');
const cValidate = f(`int triad_agreement_validate(_Out_ triad_agreement_findings **out, ${CA}, const triad_roster *roster, const triad_agreement_check_options *opts, triad_date as_of)`);
const cFindingsFree = f('void triad_agreement_findings_free(triad_agreement_findings *findings)');
const cFindingsCount = f(`size_t triad_agreement_findings_count(${F})`);
const cFindingsCountAtLeast = f(`size_t triad_agreement_findings_count_at_least(${F}, triad_severity severity)`);
const cFindingSeverity = f(`triad_severity triad_agreement_finding_severity(${F}, size_t index)`);
const cFindingCode = f(`const char *triad_agreement_finding_code(${F}, size_t index)`);
const cFindingLocation = f(`const char *triad_agreement_finding_location(${F}, size_t index)`);
const cFindingMessage = f(`const char *triad_agreement_finding_message(${F}, size_t index, triad_lang lang)`);
const cRenew = f(`int triad_agreement_renew(_Out_ triad_agreement **out, ${CA}, const char *id, const triad_roster *roster, int school_year, const triad_policy_options *policy)`);
const cRenderOptionsInit = f('int triad_render_options_init(_Out_ triad_render_options *opts, unsigned int version)');
const cRender = f(`int triad_agreement_render(_Out_ triad_owned_str *out, ${CA}, const triad_render_options *opts)`);

const opt = (v, what) => (v === null || v === undefined ? null : text(v, what));
const ids = (cfn) => Object.freeze({ id: (v) => checkPtr(cfn(int(v, 'value'))) });
function out1(cfn, ...args) {
  const o = [null];
  check(cfn(o, ...args));
  return o[0];
}
const range = (n) => Array.from({ length: Number(n) }, (_, i) => i);

function catalogueEntry(i) {
  return { id: checkPtr(cCatIdAt(i)), section: cCatSection(i), textNl: checkPtr(cCatText(i, Lang.NL)),
    textEn: checkPtr(cCatText(i, Lang.EN)) };
}
/** Every standard clause of the catalogue. */
const catalogue = () => range(cCatCount()).map(catalogueEntry);
/** A standard clause by id; TriadError ENOTFOUND when unknown. */
const catalogueClause = (id) => catalogueEntry(Number(out1(cCatFind, text(id, 'id'))));

function commitmentOf(m) {
  return { clauseId: checkPtr(kId(checkPtr(mClause(m)))), kind: mKind(m), contactKind: mContactKind(m),
    count: mCount(m), period: mPeriod(m), weeks: mWeeks(m), days: mDays(m), fromRole: mFromRole(m),
    fromId: mFromId(m), toRole: mToRole(m), toId: mToId(m) };
}

function clauseOf(c) {
  const m = kCommitment(c);
  return {
    id: checkPtr(kId(c)), section: kSection(c), category: kCategory(c), fromRole: kFromRole(c), fromId: kFromId(c),
    toRole: kToRole(c), toId: kToId(c), textNl: kText(c, Lang.NL), textEn: kText(c, Lang.EN),
    freeText: kIsFreeText(c) !== 0,
    variants: range(kVariantCount(c)).map((i) => {
      const yf = [0]; const yt = [0];
      check(kVariantYears(yf, yt, c, i));
      return { yearFrom: yf[0], yearTo: yt[0], fromRole: kVariantFromRole(c, i), fromId: kVariantFromId(c, i),
        textNl: kVariantText(c, i, Lang.NL), textEn: kVariantText(c, i, Lang.EN) };
    }),
    commitment: m ? commitmentOf(m) : null,
  };
}

function versionOf(v) {
  const when = (which) => {
    const o = [0];
    const rc = vDate(o, v, which);
    if (rc === -3) return null; // TRIAD_ENOTFOUND: no such date (yet)
    check(rc);
    return date.fromDays(o[0]);
  };
  const has = vHasValidity(v) !== 0;
  return {
    number: vNumber(v), state: vState(v),
    validFrom: has ? date.fromDays(vValidFrom(v)) : null, validTo: has ? date.fromDays(vValidTo(v)) : null,
    schoolType: vSchoolType(v), studentYear: vStudentYear(v), studentId: vStudentId(v),
    proposed: when('proposed'), activated: when('activated'), ended: when('ended'), endReason: vEndReason(v),
    parties: range(vPartyCount(v)).map((i) => ({ role: vPartyRole(v, i), id: checkPtr(vPartyId(v, i)) })),
    clauses: range(vClauseCount(v)).map((i) => clauseOf(checkPtr(vClauseAt(v, i)))),
    protocol: range(vProtocolCount(v)).map((i) => ({ subject: checkPtr(vProtocolSubject(v, i)),
      staffRole: vProtocolStaffRole(v, i), staffId: vProtocolStaffId(v, i), channel: vProtocolChannel(v, i),
      responseDays: vProtocolResponseDays(v, i) })),
    signatures: range(vSignatureCount(v)).map((i) => ({ id: checkPtr(vSignatureId(v, i)),
      role: vSignatureRole(v, i), date: date.fromDays(vSignatureDate(v, i)) })),
    commitments: range(vCommitmentCount(v)).map((i) => commitmentOf(checkPtr(vCommitmentAt(v, i)))),
  };
}

const pol = (p) => (p ? policyMod.options(p) : null);

/** An agreement (triad.agreement/1) with all its versions. */
class Agreement extends Handle {
  constructor(id, ptr = null) {
    super(ptr === null ? out1(cNew, text(id, 'id')) : ptr, cFree, 'agreement');
  }

  /** A draft for a student of the roster: { schoolYear, policy?, withCatalogue? }. */
  static start(id, roster, studentId, staffId, { schoolYear, policy = null, withCatalogue = true }) {
    const o = {};
    check(cStartOptionsInit(o, 1));
    o.school_year = int(schoolYear, 'schoolYear');
    o.policy = pol(policy);
    o.with_catalogue = withCatalogue ? 1 : 0;
    return new Agreement(null, out1(cStart, text(id, 'id'), roster._h, text(studentId, 'studentId'),
      text(staffId, 'staffId'), o));
  }

  /** Next year's agreement (the yearly review); this one is unchanged. */
  renew(id, roster, schoolYear, policy = null) {
    return new Agreement(null, out1(cRenew, this._h, text(id, 'id'), roster._h, int(schoolYear, 'schoolYear'), pol(policy)));
  }

  static load(json, source = null) {
    const b = Buffer.isBuffer(json) ? json : Buffer.from(text(json, 'text'), 'utf8');
    return new Agreement(null, out1(cLoad, b, b.length, opt(source, 'source')));
  }

  static loadFile(filename) { return new Agreement(null, out1(cLoadFile, text(filename, 'filename'))); }
  save() { return out1(cSave, this._h); }
  saveFile(filename) { check(cSaveFile(this._h, text(filename, 'filename'))); }
  equals(other) { return other instanceof Agreement && cEqual(this._h, other._h) !== 0; }

  setSchoolYear(y) { check(cSetSchoolYear(this._h, int(y, 'startYear'))); }
  setValidity(from, to) { check(cSetValidity(this._h, date.toDays(from), date.toDays(to))); }
  setStudentYear(schoolType, year) { check(cSetStudentYear(this._h, text(schoolType, 'schoolType'), int(year, 'year'))); }
  addParty(role, id) { check(cAddParty(this._h, int(role, 'role'), text(id, 'id'))); }
  removeParty(id) { check(cRemoveParty(this._h, text(id, 'id'))); }
  /** c: { id, section, category, fromRole, fromId?, toRole, toId? } */
  addClause(c) {
    check(cAddClause(this._h, text(c.id, 'id'), int(c.section, 'section'), int(c.category, 'category'),
      int(c.fromRole, 'fromRole'), opt(c.fromId, 'fromId'), int(c.toRole, 'toRole'), opt(c.toId, 'toId')));
  }

  addCatalogueClause(id) { check(cAddCatalogueClause(this._h, text(id, 'catalogueId'))); }
  removeClause(id) { check(cRemoveClause(this._h, text(id, 'clauseId'))); }
  setClauseText(id, textNl, textEn) { check(cClauseSetText(this._h, text(id, 'clauseId'), opt(textNl, 'textNl'), opt(textEn, 'textEn'))); }
  setClauseFreeText(id, t) { check(cClauseSetFreeText(this._h, text(id, 'clauseId'), text(t, 'text'))); }
  setClauseParties(id, { fromRole, fromId = null, toRole, toId = null }) {
    check(cClauseSetParties(this._h, text(id, 'clauseId'), int(fromRole, 'fromRole'), opt(fromId, 'fromId'),
      int(toRole, 'toRole'), opt(toId, 'toId')));
  }

  addClauseVariant(id, { yearFrom, yearTo, fromRole, fromId = null, textNl = null, textEn = null }) {
    check(cClauseAddVariant(this._h, text(id, 'clauseId'), int(yearFrom, 'yearFrom'), int(yearTo, 'yearTo'),
      int(fromRole, 'fromRole'), opt(fromId, 'fromId'), opt(textNl, 'textNl'), opt(textEn, 'textEn')));
  }

  setMinCount(id, kind, count, period) {
    check(cClauseSetMinCount(this._h, text(id, 'clauseId'), int(kind, 'kind'), int(count, 'count'), int(period, 'period')));
  }

  setMaxInterval(id, kind, weeks) { check(cClauseSetMaxInterval(this._h, text(id, 'clauseId'), int(kind, 'kind'), int(weeks, 'weeks'))); }
  setResponseTime(id, kind, days) { check(cClauseSetResponseTime(this._h, text(id, 'clauseId'), int(kind, 'kind'), int(days, 'days'))); }
  clearCommitment(id) { check(cClauseClearCommitment(this._h, text(id, 'clauseId'))); }
  /** p: { subject, channel, responseDays, staffRole?, staffId? } */
  setProtocol({ subject, channel, responseDays, staffRole = 0, staffId = null }) {
    check(cSetProtocol(this._h, text(subject, 'subject'), int(staffRole, 'staffRole', 0, 0xffffffff),
      opt(staffId, 'staffId'), int(channel, 'channel'), int(responseDays, 'responseDays')));
  }

  removeProtocol(subject) { check(cRemoveProtocol(this._h, text(subject, 'subject'))); }
  propose(on) { check(cPropose(this._h, date.toDays(on))); }
  withdraw() { check(cWithdraw(this._h)); }
  sign(signerId, on) { check(cSign(this._h, text(signerId, 'signerId'), date.toDays(on))); }
  /** Make the proposed version active; ESTATE names who has not signed. */
  activate(roster, on, policy = null) { check(cActivate(this._h, roster._h, pol(policy), date.toDays(on))); }
  expire(asOf) { check(cExpire(this._h, date.toDays(asOf))); }
  terminate(on, reason) { check(cTerminate(this._h, date.toDays(on), text(reason, 'reason'))); }

  get id() { return checkPtr(cId(this._h)); }
  get state() { return cStateOf(this._h); }
  /** Snapshots of every version, number 1 first. */
  get versions() { return range(cVersionCount(this._h)).map((i) => versionOf(checkPtr(cVersionAt(this._h, i + 1)))); }
  get latest() { return versionOf(checkPtr(cLatest(this._h))); }
  /** The version in force on a date, or null. */
  inForce(on) {
    const v = cInForce(this._h, date.toDays(on));
    return v ? versionOf(v) : null;
  }

  /** A clause of the latest version by id. */
  clause(id) { return clauseOf(checkPtr(vClause(checkPtr(cLatest(this._h)), text(id, 'id')))); }

  /** Findings [{ severity, code, location, message }] with atLeast(severity) counts. */
  validate(roster, asOf, { policy = null, types = null, ownershipThreshold, lang = Lang.EN } = {}) {
    const o = {};
    check(cCheckOptionsInit(o, 1));
    o.policy = pol(policy);
    o.types = types ? types._h : null;
    if (ownershipThreshold !== undefined) o.ownership_threshold = ownershipThreshold;
    const fp = out1(cValidate, this._h, roster._h, o, date.toDays(asOf));
    try {
      const list = range(cFindingsCount(fp)).map((i) => ({ severity: cFindingSeverity(fp, i),
        code: checkPtr(cFindingCode(fp, i)), location: checkPtr(cFindingLocation(fp, i)),
        message: checkPtr(cFindingMessage(fp, i, int(lang, 'lang'))) }));
      const counts = {};
      for (const s of [Severity.INFO, Severity.WARNING, Severity.ERROR]) counts[s] = Number(cFindingsCountAtLeast(fp, s));
      Object.defineProperty(list, 'atLeast', { value: (s) => counts[s] }); // not enumerable
      return list;
    } finally {
      cFindingsFree(fp);
    }
  }

  /** The agreement as text, Markdown or HTML: { format, lang, roster, policy, version }. */
  render({ format = RenderFormat.TEXT, lang = Lang.NL, roster = null, policy = null, version = 0 } = {}) {
    const o = {};
    check(cRenderOptionsInit(o, 1));
    o.format = int(format, 'format');
    o.lang = int(lang, 'lang');
    o.roster = roster ? roster._h : null;
    o.policy = pol(policy);
    o.version_number = int(version, 'version', 0, Number.MAX_SAFE_INTEGER);
    return out1(cRender, this._h, o);
  }
}

module.exports = {
  AgreementState, PartyRole, Section, CommitmentKind, Period, Severity, RenderFormat,
  agreementState: ids(cStateId), partyRole: ids(cRoleId), commitmentKind: ids(cCommitmentKindId),
  period: ids(cPeriodId), severity: ids(cSeverityId),
  section: Object.freeze({ id: (s) => checkPtr(cSectionId(int(s, 'section'))),
    name: (s, lang = Lang.NL) => checkPtr(cSectionName(int(s, 'section'), int(lang, 'lang'))) }),
  catalogue, catalogueClause, Agreement,
  // For triad/compliance.h, which checks one version handle:
  _versionHandle(a, asOf, number) {
    if (number !== undefined && number !== null) return checkPtr(cVersionAt(a._h, int(number, 'version')));
    return cInForce(a._h, date.toDays(asOf)) || checkPtr(cLatest(a._h));
  },
};
