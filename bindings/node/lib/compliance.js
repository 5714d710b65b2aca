'use strict';
// Whether the measurable commitments of an agreement are kept, according to
// the contact log (triad/compliance.h). The library's result borrows from the
// agreement version, whose handle lives only until the agreement changes, so
// check() copies everything out at once and returns a plain object.

const { koffi, func } = require('./ffi');
const { check: ok } = require('./error');
const date = require('./date');
const { Lang } = require('./common');
const agreement = require('./agreement');
require('./contactlog');
require('./calendar');

koffi.opaque('triad_compliance');
const cCheck = func('int triad_compliance_check(_Out_ triad_compliance **out, const triad_agreement_version *version, const triad_contactlog *log, const triad_calendar *calendar, triad_date as_of)');
const cFree = func('void triad_compliance_free(triad_compliance *result)');
const cChecked = func('size_t triad_compliance_checked(const triad_compliance *result)');
const cCount = func('size_t triad_compliance_count(const triad_compliance *result)');
const cAt = func('int triad_compliance_at(const triad_compliance *result, size_t index, _Out_ const char **clause, _Out_ triad_commitment_kind *kind, _Out_ triad_date *from, _Out_ triad_date *to, _Out_ int32_t *expected, _Out_ int32_t *actual, _Out_ const char **entry, _Out_ int *answered)');
const cText = func('int triad_compliance_text(_Out_ triad_owned_str *out, const triad_compliance *result, triad_lang lang)');
const cJson = func('int triad_compliance_json(_Out_ triad_owned_str *out, const triad_compliance *result)');

function out1(cfn, ...args) {
  const o = [null];
  ok(cfn(o, ...args));
  return o[0];
}

/**
 * Check the commitments of one agreement version (by number; by default the
 * one in force on asOf, else the latest) against the log:
 * { checked, findings: [{ clause, kind, from, to, expected, actual, entry, answered }],
 *   textNl, textEn, json, kept }.
 */
function check(agr, log, asOf, { calendar = null, version = null } = {}) {
  const v = agreement._versionHandle(agr, asOf, version);
  const r = out1(cCheck, v, log._h, calendar ? calendar._h : null, date.toDays(asOf));
  try {
    const findings = Array.from({ length: Number(cCount(r)) }, (_, i) => {
      const o = Array.from({ length: 8 }, () => [null]);
      ok(cAt(r, i, ...o));
      return { clause: o[0][0], kind: o[1][0], from: date.fromDays(o[2][0]), to: date.fromDays(o[3][0]),
        expected: o[4][0], actual: o[5][0], entry: o[6][0], answered: o[7][0] !== 0 };
    });
    return { checked: Number(cChecked(r)), findings, kept: findings.length === 0,
      textNl: out1(cText, r, Lang.NL), textEn: out1(cText, r, Lang.EN), json: out1(cJson, r) };
  } finally {
    cFree(r);
  }
}

module.exports = { check };

