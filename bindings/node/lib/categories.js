'use strict';
// The taxonomy of parental involvement, Epstein's six types and the Dutch
// intensity scale (triad/categories.h).

const { func, text, int } = require('./ffi');
const { check, checkPtr } = require('./error');
const { Lang } = require('./common');

/** triad_category: an involvement category; the tree is in triad/categories.h. */
const Category = Object.freeze({
  NONE: 0,
  PARTICIPATION: 1,
  PARTICIPATION_INFORMAL: 2,
  PARTICIPATION_FORMAL: 3,
  PARTICIPATION_FORMAL_PARENT_COUNCIL: 4,
  PARTICIPATION_FORMAL_PARTICIPATION_COUNCIL: 5,
  RESPONSIBILITY: 6,
  INVOLVEMENT: 7,
  INVOLVEMENT_HOME: 8,
  INVOLVEMENT_SCHOOL: 9,
  INVOLVEMENT_DEVELOPMENT_SUPPORT: 10,
  PARTNERSHIP: 11,
  PARTNERSHIP_PEDAGOGICAL: 12,
  PARTNERSHIP_DIDACTIC: 13,
  OWNERSHIP: 14,
});

/** triad_epstein: Epstein's six types of involvement. */
const Epstein = Object.freeze({
  NONE: 0,
  PARENTING: 1,
  COMMUNICATING: 2,
  VOLUNTEERING: 3,
  LEARNING_AT_HOME: 4,
  DECISION_MAKING: 5,
  COLLABORATING_WITH_COMMUNITY: 6,
});

/** triad_intensity: the Dutch intensity scale of participation. */
const Intensity = Object.freeze({
  NONE: 0,
  MEELEVEN: 1,
  MEEHELPEN: 2,
  MEEDENKEN: 3,
  MEEBESLISSEN: 4,
});

const cCategoryCount = func('size_t triad_category_count(void)');
const cCategoryAt = func('triad_category triad_category_at(size_t index)');
const cCategoryValid = func('int triad_category_valid(triad_category category)');
const cCategoryId = func('const char *triad_category_id(triad_category category)');
const cCategoryFromId = func('int triad_category_from_id(_Out_ triad_category *out, const char *id)');
const cCategoryName = func('const char *triad_category_name(triad_category category, triad_lang lang)');
const cCategoryDescription = func('const char *triad_category_description(triad_category category, triad_lang lang)');
const cCategoryParent = func('triad_category triad_category_parent(triad_category category)');
const cCategoryChildren = func('int triad_category_children(triad_category category, int *out, size_t cap)');
const cCategoryIsA = func('int triad_category_is_a(triad_category category, triad_category ancestor)');
const cCategoryEpstein = func('int triad_category_epstein(triad_category category, int *out, size_t cap)');
const cEpsteinCategories = func('int triad_epstein_categories(triad_epstein type, int *out, size_t cap)');
const cCategoryIntensity = func('triad_intensity triad_category_intensity(triad_category category)');
const cEpsteinValid = func('int triad_epstein_valid(triad_epstein type)');
const cEpsteinId = func('const char *triad_epstein_id(triad_epstein type)');
const cEpsteinFromId = func('int triad_epstein_from_id(_Out_ triad_epstein *out, const char *id)');
const cEpsteinName = func('const char *triad_epstein_name(triad_epstein type, triad_lang lang)');
const cIntensityValid = func('int triad_intensity_valid(triad_intensity level)');
const cIntensityId = func('const char *triad_intensity_id(triad_intensity level)');
const cIntensityFromId = func('int triad_intensity_from_id(_Out_ triad_intensity *out, const char *id)');
const cIntensityName = func('const char *triad_intensity_name(triad_intensity level, triad_lang lang)');

/**
 * Call a C function of the form n = f(out, cap) that reports how many items
 * exist (possibly more than cap), growing the buffer until all fit.
 */
function fillArray(call) {
  let cap = 16;
  for (;;) {
    const buf = new Int32Array(cap);
    const n = check(call(buf, cap));
    if (n <= cap) return Array.from(buf.subarray(0, n));
    cap = n;
  }
}

function lookup(cfn, id) {
  const out = [0];
  check(cfn(out, text(id, 'id')));
  return out[0];
}

const e32 = (v, what) => int(v, what);

/** Functions on categories (values of Category). */
const category = Object.freeze({
  /** Number of categories (14). */
  count: () => Number(cCategoryCount()),
  /** Every category in the documented tree order (pre-order). */
  all: () => Array.from({ length: Number(cCategoryCount()) }, (_, i) => cCategoryAt(i)),
  /** The category at a position of the tree order; NONE out of range. */
  at: (index) => cCategoryAt(int(index, 'index', 0, Number.MAX_SAFE_INTEGER)),
  /** Whether a number is a valid category. */
  valid: (c) => Number.isInteger(c) && cCategoryValid(e32(c, 'category')) !== 0,
  /** The stable string id, e.g. "involvement.home". */
  id: (c) => checkPtr(cCategoryId(e32(c, 'category'))),
  /** Look a category up by its id; TriadError ENOTFOUND when unknown. */
  fromId: (id) => lookup(cCategoryFromId, id),
  /** The name in a language, e.g. "thuisbetrokkenheid". */
  name: (c, lang = Lang.NL) => checkPtr(cCategoryName(e32(c, 'category'), e32(lang, 'lang'))),
  /** A one-paragraph description in a language. */
  description: (c, lang = Lang.NL) =>
    checkPtr(cCategoryDescription(e32(c, 'category'), e32(lang, 'lang'))),
  /** The parent in the tree; NONE for a root. */
  parent: (c) => cCategoryParent(e32(c, 'category')),
  /** The direct children, in tree order. */
  children: (c) => fillArray((b, n) => cCategoryChildren(e32(c, 'category'), b, n)),
  /** Whether a category is `ancestor` or lies below it. */
  isA: (c, ancestor) => cCategoryIsA(e32(c, 'category'), e32(ancestor, 'ancestor')) !== 0,
  /** Epstein's types the category corresponds to (ascending). */
  epstein: (c) => fillArray((b, n) => cCategoryEpstein(e32(c, 'category'), b, n)),
  /** The highest intensity of participation the category typically asks. */
  intensity: (c) => cCategoryIntensity(e32(c, 'category')),
});

/** Functions on Epstein's types (values of Epstein). */
const epstein = Object.freeze({
  valid: (t) => Number.isInteger(t) && cEpsteinValid(e32(t, 'type')) !== 0,
  id: (t) => checkPtr(cEpsteinId(e32(t, 'type'))),
  fromId: (id) => lookup(cEpsteinFromId, id),
  name: (t, lang = Lang.NL) => checkPtr(cEpsteinName(e32(t, 'type'), e32(lang, 'lang'))),
  /** The categories that correspond to a type, in tree order. */
  categories: (t) => fillArray((b, n) => cEpsteinCategories(e32(t, 'type'), b, n)),
});

/** Functions on the intensity scale (values of Intensity). */
const intensity = Object.freeze({
  valid: (l) => Number.isInteger(l) && cIntensityValid(e32(l, 'level')) !== 0,
  id: (l) => checkPtr(cIntensityId(e32(l, 'level'))),
  /** Look a level up by id; "meedoen" is accepted for MEEHELPEN. */
  fromId: (id) => lookup(cIntensityFromId, id),
  name: (l, lang = Lang.NL) => checkPtr(cIntensityName(e32(l, 'level'), e32(lang, 'lang'))),
});

module.exports = { Category, Epstein, Intensity, category, epstein, intensity, fillArray };
