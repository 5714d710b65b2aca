'use strict';
// The age policy: who consents, who signs and who is informed on a date
// (triad/policy.h). Every query takes the as-of date: there is no hidden clock.

const { koffi, func, text, int } = require('./ffi');
const { check } = require('./error');
const date = require('./date');
const { takeList } = require('./strlist');
require('./roster'); // declares triad_roster

koffi.struct('triad_policy_options', {
  version: 'unsigned int',
  consent_age: 'int',
  majority_age: 'int',
});

const cOptionsInit = func('int triad_policy_options_init(_Out_ triad_policy_options *opts, unsigned int version)');
const cConsenters = func('int triad_policy_consenters(_Out_ triad_strlist **out, const triad_roster *roster, const triad_policy_options *opts, const char *student_id, triad_date on)');
const cSigners = func('int triad_policy_signers(_Out_ triad_strlist **out, const triad_roster *roster, const triad_policy_options *opts, const char *student_id, triad_date on)');
const cInformed = func('int triad_policy_informed(_Out_ triad_strlist **out_full, _Out_ triad_strlist **out_on_request, const triad_roster *roster, const triad_policy_options *opts, const char *student_id, triad_date on)');
const cConsentInForce = func('int triad_policy_consent_in_force(_Out_ int *out, const triad_roster *roster, const triad_policy_options *opts, const char *student_id, const char *purpose, triad_date on)');
const cIsAdult = func('int triad_policy_is_adult(_Out_ int *out, const triad_roster *roster, const triad_policy_options *opts, const char *student_id, triad_date on)');

/**
 * The policy options: the library's defaults (consent at 16, majority at
 * 18) with the given fields replaced, e.g. { majorityAge: 21 }.
 */
function options({ consentAge, majorityAge } = {}) {
  const o = {};
  check(cOptionsInit(o, 1));
  if (consentAge !== undefined) o.consent_age = int(consentAge, 'consentAge');
  if (majorityAge !== undefined) o.majority_age = int(majorityAge, 'majorityAge');
  return o;
}

const c = (opts) => (opts ? options(opts) : null);

/** Who must consent to processing the student's data on a date. */
function consenters(roster, studentId, on, opts = null) {
  const out = [null];
  check(cConsenters(out, roster._h, c(opts), text(studentId, 'studentId'), date.toDays(on)));
  return takeList(out[0]);
}

/** Who must sign an agreement for the student on a date (the student first). */
function signers(roster, studentId, on, opts = null) {
  const out = [null];
  check(cSigners(out, roster._h, c(opts), text(studentId, 'studentId'), date.toDays(on)));
  return takeList(out[0]);
}

/** { full, onRequest }: the guardians informed fully and on request. */
function informed(roster, studentId, on, opts = null) {
  const full = [null];
  const onRequest = [null];
  check(cInformed(full, onRequest, roster._h, c(opts), text(studentId, 'studentId'), date.toDays(on)));
  return { full: takeList(full[0]), onRequest: takeList(onRequest[0]) };
}

/** Whether consent for a purpose is in force on a date. */
function consentInForce(roster, studentId, purpose, on, opts = null) {
  const out = [0];
  check(cConsentInForce(out, roster._h, c(opts), text(studentId, 'studentId'),
    text(purpose, 'purpose'), date.toDays(on)));
  return out[0] !== 0;
}

/** Whether the student has reached the age of majority on a date. */
function isAdult(roster, studentId, on, opts = null) {
  const out = [0];
  check(cIsAdult(out, roster._h, c(opts), text(studentId, 'studentId'), date.toDays(on)));
  return out[0] !== 0;
}

module.exports = { options, consenters, signers, informed, consentInForce, isAdult };
