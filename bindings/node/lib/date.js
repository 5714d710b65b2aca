'use strict';
// Calendar dates (triad/date.h).
//
// The C library counts dates as days since 1970-01-01 (proleptic Gregorian).
// In JavaScript a date is a Date at midnight UTC; every function also takes
// an ISO "YYYY-MM-DD" string wherever a date goes in. A Date is read in UTC
// (its getUTC* parts), so pass strings when local time zones could confuse.

const { func, text, int } = require('./ffi');
const { check } = require('./error');

const BUFSIZE = 11;

const cFromYmd = func('int triad_date_from_ymd(_Out_ triad_date *out, int year, int month, int day)');
const cToYmd = func('int triad_date_to_ymd(triad_date date, _Out_ int *year, _Out_ int *month, _Out_ int *day)');
const cParse = func('int triad_date_parse(_Out_ triad_date *out, const char *text)');
const cFormat = func('int triad_date_format(triad_date date, _Out_ uint8_t *buf)');
const cWeekday = func('int triad_date_weekday(triad_date date)');
const cIsoWeek = func('int triad_date_iso_week(triad_date date, _Out_ int *iso_year, _Out_ int *iso_week)');
const cAge = func('int triad_date_age(_Out_ int *out, triad_date birth, triad_date on)');

/** A Date or "YYYY-MM-DD" string as the library's day number. */
function toDays(value) {
  if (typeof value === 'string') {
    const out = [0];
    check(cParse(out, text(value, 'date')));
    return out[0];
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError('invalid Date');
    const out = [0];
    check(cFromYmd(out, value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()));
    return out[0];
  }
  throw new TypeError(`expected a Date or a "YYYY-MM-DD" string, not ${typeof value}`);
}

// Day numbers of 0001-01-01 and 9999-12-31, the library's range.
const MIN_DAY = -719162;
const MAX_DAY = 2932896;

/**
 * The library's day number as a Date at midnight UTC. Inside years 1..9999
 * JavaScript's proleptic Gregorian time value gives the same calendar (the
 * tests check it), so the conversion stays in JavaScript; outside,
 * triad_date_to_ymd reports the library's error.
 */
function fromDays(days) {
  int(days, 'day number');
  if (days >= MIN_DAY && days <= MAX_DAY) return new Date(days * 86400000);
  const { year, month, day } = ymdOf(days);
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year); // Date.UTC maps years 0..99 to 1900..1999
  return d;
}

function ymdOf(days) {
  const y = [0]; const m = [0]; const d = [0];
  check(cToYmd(days, y, m, d));
  return { year: y[0], month: m[0], day: d[0] };
}

/** A date from its parts; TriadError EINVAL for a day that does not exist. */
function fromYmd(year, month, day) {
  const out = [0];
  check(cFromYmd(out, int(year, 'year'), int(month, 'month'), int(day, 'day')));
  return fromDays(out[0]);
}

/** A date's parts: { year, month, day }. */
function toYmd(value) {
  return ymdOf(toDays(value));
}

/** Parse "YYYY-MM-DD"; TriadError EPARSE for other text or a day that does not exist. */
function parse(value) {
  return fromDays(toDays(text(value, 'date')));
}

/** A date as "YYYY-MM-DD". */
function format(value) {
  const buf = Buffer.alloc(BUFSIZE);
  check(cFormat(toDays(value), buf));
  return buf.toString('utf8', 0, BUFSIZE - 1);
}

/** ISO weekday: 1 for Monday through 7 for Sunday. */
function weekday(value) {
  return cWeekday(toDays(value));
}

/** ISO 8601 week: { year, week }. */
function isoWeek(value) {
  const y = [0]; const w = [0];
  check(cIsoWeek(toDays(value), y, w));
  return { year: y[0], week: w[0] };
}

/** Age in whole years on a date; TriadError EINVAL when `on` is before `birth`. */
function age(birth, on) {
  const out = [0];
  check(cAge(out, toDays(birth), toDays(on)));
  return out[0];
}

module.exports = { toDays, fromDays, fromYmd, toYmd, parse, format, weekday, isoWeek, age, BUFSIZE };
