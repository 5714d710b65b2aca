'use strict';
// Dutch secondary school types, their years and the ownership curve
// (triad/schooltypes.h).

const { koffi, func, text, int } = require('./ffi');
const { check, checkPtr } = require('./error');
const { Handle } = require('./handle');
const { Lang } = require('./common');

const MAX_YEARS = 12;

koffi.opaque('triad_schooltypes');
const cNew = func('int triad_schooltypes_new(_Out_ triad_schooltypes **out)');
const cFree = func('void triad_schooltypes_free(triad_schooltypes *types)');
const cAdd = func('int triad_schooltypes_add(triad_schooltypes *types, const char *id, const char *name_nl, const char *name_en, int years)');
const cCount = func('size_t triad_schooltypes_count(const triad_schooltypes *types)');
const cIdAt = func('const char *triad_schooltypes_id_at(const triad_schooltypes *types, size_t index)');
const cYears = func('int triad_schooltypes_years(const triad_schooltypes *types, const char *id, _Out_ int *out)');
const cName = func('const char *triad_schooltypes_name(const triad_schooltypes *types, const char *id, triad_lang lang)');
const cSetOwnership = func('int triad_schooltypes_set_ownership(triad_schooltypes *types, const char *id, const double *shares, size_t count)');
const cOwnership = func('int triad_schooltypes_ownership(const triad_schooltypes *types, const char *id, int year, _Out_ double *out)');

/**
 * A set of school types (the built-ins first, then the school's own) with
 * their years and ownership curves. Iterating yields the ids. Call free()
 * when done (or rely on the garbage collector).
 */
class SchoolTypes extends Handle {
  constructor() {
    const out = [null];
    check(cNew(out));
    super(out[0], cFree, 'school type set');
  }

  /** Add a school type of the school's own. */
  add(id, nameNl, nameEn, years) {
    check(cAdd(this._h, text(id, 'id'), text(nameNl, 'nameNl'), text(nameEn, 'nameEn'),
      int(years, 'years')));
  }

  /** Number of school types. */
  get size() {
    return Number(cCount(this._h));
  }

  /** The ids, built-ins first. */
  ids() {
    return Array.from({ length: this.size }, (_, i) => checkPtr(cIdAt(this._h, i)));
  }

  [Symbol.iterator]() {
    return this.ids()[Symbol.iterator]();
  }

  /** Whether a school type exists. */
  has(id) {
    return this.ids().includes(id);
  }

  /** Number of years of a type; TriadError ENOTFOUND for an unknown id. */
  years(id) {
    const out = [0];
    check(cYears(this._h, text(id, 'id'), out));
    return out[0];
  }

  /** The name of a type in a language. */
  name(id, lang = Lang.NL) {
    return checkPtr(cName(this._h, text(id, 'id'), int(lang, 'lang')));
  }

  /** Replace a type's curve: one share in [0, 1] per year, never decreasing. */
  setOwnership(id, shares) {
    const arr = Float64Array.from(shares);
    check(cSetOwnership(this._h, text(id, 'id'), arr, arr.length));
  }

  /** The share (0..1) the student holds in a school year; ERANGE outside the type. */
  ownership(id, year) {
    const out = [0];
    check(cOwnership(this._h, text(id, 'id'), int(year, 'year'), out));
    return out[0];
  }

  /** The whole curve of a type, year 1 first. */
  curve(id) {
    return Array.from({ length: this.years(id) }, (_, i) => this.ownership(id, i + 1));
  }
}

module.exports = { SchoolTypes, MAX_YEARS };
