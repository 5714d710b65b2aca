'use strict';
// Read-only string lists that queries hand to the caller (triad/strlist.h).

const { koffi, func, text } = require('./ffi');
const { checkPtr } = require('./error');
const { Handle } = require('./handle');

koffi.opaque('triad_strlist');
const cCount = func('size_t triad_strlist_count(const triad_strlist *list)');
const cAt = func('const char *triad_strlist_at(const triad_strlist *list, size_t index)');
const cContains = func('int triad_strlist_contains(const triad_strlist *list, const char *s)');
const cFree = func('void triad_strlist_free(triad_strlist *list)');

/** An immutable list of strings; free() it, or let the collector do so. */
class StrList extends Handle {
  constructor(ptr) {
    super(ptr, cFree, 'string list');
  }

  /** Number of strings. */
  get length() {
    return Number(cCount(this._h));
  }

  /** The string at an index (negative counts from the end); undefined out of range. */
  at(index) {
    const n = this.length;
    const i = index < 0 ? index + n : index;
    if (!Number.isInteger(i) || i < 0 || i >= n) return undefined;
    return checkPtr(cAt(this._h, i));
  }

  /** Whether the list holds a string. */
  includes(s) {
    if (typeof s !== 'string' || s.includes('\0') || !s.isWellFormed()) return false;
    return cContains(this._h, text(s, 's')) !== 0;
  }

  * [Symbol.iterator]() {
    const n = this.length;
    for (let i = 0; i < n; i++) yield this.at(i);
  }

  /** The strings as an array (copies; they outlive the list). */
  toArray() {
    return [...this];
  }
}

/** Copy a caller-owned triad_strlist into an array and free it. */
function takeList(ptr) {
  const l = new StrList(ptr);
  try {
    return l.toArray();
  } finally {
    l.free();
  }
}

module.exports = { StrList, takeList };
