'use strict';
// The Dutch school calendar: holidays per region (also from the
// government's open data), days off, report periods, school-day and
// school-week arithmetic (triad/calendar.h).

const { koffi, func, text, int } = require('./ffi');
const { check, checkPtr } = require('./error');
const { Handle } = require('./handle');
const date = require('./date');

koffi.opaque('triad_calendar');
koffi.alias('triad_region', 'int');

const Region = Object.freeze({ NONE: 0, NOORD: 1, MIDDEN: 2, ZUID: 3 });

const cRegionId = func('const char *triad_region_id(triad_region region)');
const cRegionFromId = func('int triad_region_from_id(_Out_ triad_region *out, const char *id)');
const cSchoolYearOf = func('int triad_school_year_of(_Out_ int *out, triad_date date)');
const cNew = func('int triad_calendar_new(_Out_ triad_calendar **out, int start_year, triad_region region)');
const cFree = func('void triad_calendar_free(triad_calendar *cal)');
const cSetPeriod = func('int triad_calendar_set_period(triad_calendar *cal, triad_date first_day, triad_date last_day)');
const cFirstDay = func('triad_date triad_calendar_first_day(const triad_calendar *cal)');
const cLastDay = func('triad_date triad_calendar_last_day(const triad_calendar *cal)');
const cStartYear = func('int triad_calendar_start_year(const triad_calendar *cal)');
const cRegion = func('triad_region triad_calendar_region(const triad_calendar *cal)');
const cAddHoliday = func('int triad_calendar_add_holiday(triad_calendar *cal, const char *name, triad_date first, triad_date last, int compulsory)');
const cHolidayCount = func('size_t triad_calendar_holiday_count(const triad_calendar *cal)');
const cHolidayAt = func('int triad_calendar_holiday_at(const triad_calendar *cal, size_t index, _Out_ const char **name, _Out_ triad_date *first, _Out_ triad_date *last, _Out_ int *compulsory)');
const cAddDayOff = func('int triad_calendar_add_day_off(triad_calendar *cal, triad_date day, const char *reason)');
const cDayOffCount = func('size_t triad_calendar_day_off_count(const triad_calendar *cal)');
const cDayOffAt = func('int triad_calendar_day_off_at(const triad_calendar *cal, size_t index, _Out_ triad_date *day, _Out_ const char **reason)');
const cAddReportPeriod = func('int triad_calendar_add_report_period(triad_calendar *cal, const char *id, const char *name, triad_date first, triad_date last)');
const cReportPeriodCount = func('size_t triad_calendar_report_period_count(const triad_calendar *cal)');
const cReportPeriodAt = func('int triad_calendar_report_period_at(const triad_calendar *cal, size_t index, _Out_ const char **id, _Out_ const char **name, _Out_ triad_date *first, _Out_ triad_date *last)');
const cReportPeriodFind = func('int triad_calendar_report_period_find(_Out_ size_t *out, const triad_calendar *cal, const char *id)');
const cIsSchoolDay = func('int triad_calendar_is_school_day(_Out_ int *out, const triad_calendar *cal, triad_date date)');
const cSchoolDayCount = func('int32_t triad_calendar_school_day_count(const triad_calendar *cal)');
const cSchoolDaysAfter = func('int triad_calendar_school_days_after(_Out_ triad_date *out, const triad_calendar *cal, triad_date date, int32_t n)');
const cSchoolDaysBetween = func('int triad_calendar_school_days_between(_Out_ int32_t *out, const triad_calendar *cal, triad_date from, triad_date to)');
const cSchoolWeekCount = func('int32_t triad_calendar_school_week_count(const triad_calendar *cal)');
const cSchoolWeek = func('int triad_calendar_school_week(_Out_ int32_t *out, _Out_ int *in_school_week, const triad_calendar *cal, triad_date date)');
const cSchoolWeekAt = func('int triad_calendar_school_week_at(const triad_calendar *cal, int32_t index, _Out_ triad_date *monday, _Out_ triad_date *first_school_day, _Out_ triad_date *last_school_day)');
const cSchoolWeeksBetween = func('int triad_calendar_school_weeks_between(_Out_ int32_t *out, const triad_calendar *cal, triad_date from, triad_date to)');
const cLoad = func('int triad_calendar_load(_Out_ triad_calendar **out, const char *text, size_t len, const char *source)');
const cLoadFile = func('int triad_calendar_load_file(_Out_ triad_calendar **out, const char *filename)');
const cSave = func('int triad_calendar_save(_Out_ triad_owned_str *out, const triad_calendar *cal)');
const cSaveFile = func('int triad_calendar_save_file(const triad_calendar *cal, const char *filename)');
const cLoadOpendata = func('int triad_calendar_load_opendata(_Out_ triad_calendar **out, const char *text, size_t len, const char *source, const char *schoolyear, triad_region region)');
const cLoadOpendataFile = func('int triad_calendar_load_opendata_file(_Out_ triad_calendar **out, const char *filename, const char *schoolyear, triad_region region)');

const opt = (v, what) => (v === null || v === undefined ? null : text(v, what));
const buf = (json) => (Buffer.isBuffer(json) ? json : Buffer.from(text(json, 'text'), 'utf8'));
const d = (v) => date.toDays(v);
const D = (n) => date.fromDays(n);
function out1(cfn, ...args) {
  const o = [0];
  check(cfn(o, ...args));
  return o[0];
}

const region = Object.freeze({
  id: (r) => checkPtr(cRegionId(int(r, 'region'))),
  fromId: (id) => out1(cRegionFromId, text(id, 'id')),
});

/** The year in which the school year of a date starts (1 August boundary). */
function schoolYearOf(day) { return out1(cSchoolYearOf, d(day)); }

/** A school year's calendar (triad.calendar/1). */
class Calendar extends Handle {
  constructor(startYear, reg = Region.NONE, ptr = null) {
    let p = ptr;
    if (p === null) {
      const o = [null];
      check(cNew(o, int(startYear, 'startYear'), int(reg, 'region')));
      p = o[0];
    }
    super(p, cFree, 'calendar');
  }

  static _wrap(p) { return new Calendar(0, 0, p); }

  static load(json, source = null) {
    const b = buf(json);
    return Calendar._wrap(out1(cLoad, b, b.length, opt(source, 'source')));
  }

  static loadFile(filename) { return Calendar._wrap(out1(cLoadFile, text(filename, 'filename'))); }

  /** From the government's school-holiday open data, for one region and school year ("2025-2026"). */
  static loadOpendata(json, reg, schoolyear = null, source = null) {
    const b = buf(json);
    return Calendar._wrap(out1(cLoadOpendata, b, b.length, opt(source, 'source'),
      opt(schoolyear, 'schoolyear'), int(reg, 'region')));
  }

  static loadOpendataFile(filename, reg, schoolyear = null) {
    return Calendar._wrap(out1(cLoadOpendataFile, text(filename, 'filename'), opt(schoolyear, 'schoolyear'),
      int(reg, 'region')));
  }

  save() { return out1(cSave, this._h); }
  saveFile(filename) { check(cSaveFile(this._h, text(filename, 'filename'))); }
  setPeriod(firstDay, lastDay) { check(cSetPeriod(this._h, d(firstDay), d(lastDay))); }
  get firstDay() { return D(cFirstDay(this._h)); }
  get lastDay() { return D(cLastDay(this._h)); }
  get startYear() { return cStartYear(this._h); }
  get region() { return cRegion(this._h); }

  addHoliday(name, first, last, compulsory = false) {
    check(cAddHoliday(this._h, text(name, 'name'), d(first), d(last), compulsory ? 1 : 0));
  }

  get holidays() {
    return Array.from({ length: Number(cHolidayCount(this._h)) }, (_, i) => {
      const n = [null]; const f = [0]; const l = [0]; const c = [0];
      check(cHolidayAt(this._h, i, n, f, l, c));
      return { name: n[0], first: D(f[0]), last: D(l[0]), compulsory: c[0] !== 0 };
    });
  }

  addDayOff(day, reason) { check(cAddDayOff(this._h, d(day), text(reason, 'reason'))); }

  get daysOff() {
    return Array.from({ length: Number(cDayOffCount(this._h)) }, (_, i) => {
      const dd = [0]; const r = [null];
      check(cDayOffAt(this._h, i, dd, r));
      return { day: D(dd[0]), reason: r[0] || '' };
    });
  }

  addReportPeriod(id, name, first, last) {
    check(cAddReportPeriod(this._h, text(id, 'id'), text(name, 'name'), d(first), d(last)));
  }

  _reportPeriod(i) {
    const id = [null]; const n = [null]; const f = [0]; const l = [0];
    check(cReportPeriodAt(this._h, i, id, n, f, l));
    return { id: id[0], name: n[0], first: D(f[0]), last: D(l[0]) };
  }

  get reportPeriods() {
    return Array.from({ length: Number(cReportPeriodCount(this._h)) }, (_, i) => this._reportPeriod(i));
  }

  /** A report period by id; TriadError ENOTFOUND when there is none. */
  reportPeriod(id) { return this._reportPeriod(Number(out1(cReportPeriodFind, this._h, text(id, 'id')))); }
  isSchoolDay(day) { return out1(cIsSchoolDay, this._h, d(day)) !== 0; }
  get schoolDayCount() { return check(cSchoolDayCount(this._h)); }
  /** The date n school days after (n < 0: before) a date. */
  schoolDaysAfter(day, n) { return D(out1(cSchoolDaysAfter, this._h, d(day), int(n, 'n'))); }
  /** School days x with from < x <= to (negative when to is earlier). */
  schoolDaysBetween(from, to) { return out1(cSchoolDaysBetween, this._h, d(from), d(to)); }
  get schoolWeekCount() { return check(cSchoolWeekCount(this._h)); }
  /** { index, inSchoolWeek } of a date. */
  schoolWeek(day) {
    const o = [0]; const w = [0];
    check(cSchoolWeek(o, w, this._h, d(day)));
    return { index: o[0], inSchoolWeek: w[0] !== 0 };
  }

  /** The school week with a 1-based index: { monday, firstSchoolDay, lastSchoolDay }. */
  schoolWeekAt(index) {
    const m = [0]; const f = [0]; const l = [0];
    check(cSchoolWeekAt(this._h, int(index, 'index'), m, f, l));
    return { monday: D(m[0]), firstSchoolDay: D(f[0]), lastSchoolDay: D(l[0]) };
  }

  schoolWeeksBetween(from, to) { return out1(cSchoolWeeksBetween, this._h, d(from), d(to)); }
}

module.exports = { Region, region, schoolYearOf, Calendar };
