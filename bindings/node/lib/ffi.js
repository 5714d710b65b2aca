'use strict';
// Loading libtriad through koffi and declaring its functions.
//
// The library is found through the TRIAD_LIBRARY environment variable (a
// path; the test suite sets it to the freshly built library) or else by its
// SONAME, libtriad.so.0, through the dynamic loader's usual search.
//
// Every module declares the C functions it wraps with func(); the registry
// lets the API-coverage test compare the binding with lib/libtriad.map.

const koffi = require('koffi');

const SONAME = 'libtriad.so.0';

function load() {
  const path = process.env.TRIAD_LIBRARY || SONAME;
  try {
    return koffi.load(path);
  } catch (err) {
    throw new Error(`triad: cannot load the C library ${path} (${err.message}); ` +
      `install libtriad or set TRIAD_LIBRARY to the path of ${SONAME}`);
  }
}

const lib = load();
const declaredNames = new Set();

// Enumerations travel as int; the aliases keep the prototypes readable.
for (const name of ['triad_lang', 'triad_category', 'triad_epstein',
  'triad_intensity', 'triad_contact_kind', 'triad_channel']) {
  koffi.alias(name, 'int');
}
koffi.alias('triad_date', 'int32_t');

// A C string the caller owns: koffi copies it into a JS string, then this
// disposable type hands the pointer to triad_free.
const tfree = lib.func('void triad_free(void *ptr)');
declaredNames.add('triad_free');
koffi.disposable('triad_owned_str', 'str', tfree);

/** Declare a C function from its prototype; returns the callable. */
function func(prototype) {
  const m = /([A-Za-z_][A-Za-z0-9_]*)\s*\(/.exec(prototype);
  const f = lib.func(prototype);
  declaredNames.add(m[1]);
  return f;
}

/** The names of every C function the binding declares. */
function declared() {
  return new Set(declaredNames);
}

/**
 * Check a string for the C API: it must be a string without NUL characters
 * (C would silently cut it there) and well-formed Unicode (no lone
 * surrogates, which have no UTF-8 form).
 */
function text(value, what) {
  if (typeof value !== 'string') {
    throw new TypeError(`${what} must be a string, not ${value === null ? 'null' : typeof value}`);
  }
  if (value.includes('\0')) throw new RangeError(`${what} contains a NUL character`);
  if (!value.isWellFormed()) throw new RangeError(`${what} is not well-formed Unicode text`);
  return value;
}

/** Check an integer argument against the range of the C type. */
function int(value, what, min = -2147483648, max = 2147483647) {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${what} must be an integer in ${min}..${max}, not ${value}`);
  }
  return value;
}

module.exports = { koffi, lib, func, declared, text, int, tfree, SONAME };
