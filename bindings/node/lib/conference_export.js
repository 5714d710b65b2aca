'use strict';
// Publishing a conference schedule: iCalendar per household and per
// teacher, an HTML view, a letter per household (triad/conference_export.h).

const { koffi, func, text, int } = require('./ffi');
const { check } = require('./error');
const { Lang } = require('./common');
require('./conference'); // declares the conference types

koffi.struct('triad_conference_export_options', {
  version: 'unsigned int',
  lang: 'triad_lang',
  school_name: 'const char *',
  uid_domain: 'const char *',
  stamp: 'int64_t',
});

const cOptionsInit = func('int triad_conference_export_options_init(_Out_ triad_conference_export_options *opts, unsigned int version)');
const cHouseholdIcs = func('int triad_conference_export_household_ics(_Out_ triad_owned_str *out, const triad_conference *conf, const triad_conference_result *result, const char *household_id, const triad_conference_export_options *options)');
const cTeacherIcs = func('int triad_conference_export_teacher_ics(_Out_ triad_owned_str *out, const triad_conference *conf, const triad_conference_result *result, const char *teacher_id, const triad_conference_export_options *options)');
const cHtml = func('int triad_conference_export_html(_Out_ triad_owned_str *out, const triad_conference *conf, const triad_conference_result *result, const triad_conference_export_options *options)');
const cLetter = func('int triad_conference_export_letter(_Out_ triad_owned_str *out, const triad_conference *conf, const triad_conference_result *result, const char *household_id, const triad_conference_export_options *options)');

/**
 * Export options: { lang, schoolName, uidDomain, stamp } over the library's
 * defaults; stamp is a Date or seconds since 1970 UTC (0: reproducible).
 */
function options({ lang, schoolName, uidDomain, stamp } = {}) {
  const o = {};
  check(cOptionsInit(o, 1));
  if (lang !== undefined) o.lang = int(lang, 'lang');
  if (schoolName !== undefined) o.school_name = schoolName === null ? null : text(schoolName, 'schoolName');
  if (uidDomain !== undefined) o.uid_domain = uidDomain === null ? null : text(uidDomain, 'uidDomain');
  if (stamp !== undefined) {
    o.stamp = stamp instanceof Date ? Math.floor(stamp.getTime() / 1000) : int(stamp, 'stamp', -(2 ** 53), 2 ** 53);
  }
  return o;
}

function run(cfn, ...args) {
  const out = [null];
  check(cfn(out, ...args));
  return out[0];
}

const o = (opts) => (opts ? options(opts) : null);

module.exports = {
  options,
  householdIcs: (conf, result, householdId, opts = null) =>
    run(cHouseholdIcs, conf._h, result._h, text(householdId, 'householdId'), o(opts)),
  teacherIcs: (conf, result, teacherId, opts = null) =>
    run(cTeacherIcs, conf._h, result._h, text(teacherId, 'teacherId'), o(opts)),
  html: (conf, result, opts = null) => run(cHtml, conf._h, result._h, o(opts)),
  letter: (conf, result, householdId, opts = null) =>
    run(cLetter, conf._h, result._h, text(householdId, 'householdId'), o(opts)),
  Lang,
};
