'use strict';
// The expected and planned contacts of one household or one staff member
// as an iCalendar file for a calendar app (triad/contactics.h).

const { func, text, int } = require('./ffi');
const { check } = require('./error');
const date = require('./date');
const { Lang } = require('./common');
require('./analytics'); // declares triad_expected, triad_plan_status and triad_contactlog

const cToIcs = func('int triad_contacts_to_ics(_Out_ triad_owned_str *out, const triad_expected *expected, const triad_plan_status *status, const triad_contactlog *log, const char *household, const char *staff, triad_date as_of, triad_lang lang)');

/**
 * iCalendar text (CRLF line ends) for exactly one of household and staff:
 * { household?, staff?, expected?, status?, log?, lang? }.
 */
function toIcs(asOf, { household = null, staff = null, expected = null, status = null, log = null, lang = Lang.NL } = {}) {
  const out = [null];
  check(cToIcs(out, expected ? expected._h : null, status ? status._h : null, log ? log._h : null,
    household === null ? null : text(household, 'household'), staff === null ? null : text(staff, 'staff'),
    date.toDays(asOf), int(lang, 'lang')));
  return out[0];
}

module.exports = { toIcs };
