'use strict';
// Error codes, the thread-local last error and the TriadError class
// (triad/error.h).

const { koffi, func } = require('./ffi');

/** triad_error_code: 0 on success, negative on failure. */
const ErrorCode = Object.freeze({
  OK: 0, EINVAL: -1, ENOMEM: -2, ENOTFOUND: -3, EPARSE: -4, ESTATE: -5,
  EFORMAT: -6, EVERSION: -7, EEXISTS: -8, EIO: -9, ECANCELED: -10,
  ERANGE: -11, EINTERNAL: -12,
});
const codeNames = new Map(Object.entries(ErrorCode).map(([k, v]) => [v, k]));

const CError = koffi.struct('triad_error', {
  code: 'int',
  message: 'const char *',
  source: 'const char *',
  line: 'int32_t',
  column: 'int32_t',
  path: 'const char *',
});

const errorLast = func('const triad_error *triad_error_last(void)');
const errorClear = func('void triad_error_clear(void)');
const cStrerror = func('const char *triad_strerror(int code)');

/**
 * A libtriad call failed. `code` is the negative TRIAD_E* code and `codeName`
 * its name ("ENOTFOUND"); `source`, `line`, `column` and `path` locate the
 * problem in a document ("" and 0 when unknown).
 */
class TriadError extends Error {
  constructor(code, message, { source = '', line = 0, column = 0, path = '' } = {}) {
    super(message);
    this.name = 'TriadError';
    this.code = code;
    this.codeName = codeNames.get(code) || String(code);
    this.source = source;
    this.line = line;
    this.column = column;
    this.path = path;
  }
}

/** A copy of the calling thread's last error (the C strings are short-lived). */
function lastError() {
  const e = koffi.decode(errorLast(), CError);
  return {
    code: e.code,
    message: e.message || '',
    source: e.source || '',
    line: e.line,
    column: e.column,
    path: e.path || '',
  };
}

/** Forget the calling thread's last error. */
function clearError() {
  errorClear();
}

/** A short English description of an error code. */
function strerror(code) {
  return cStrerror(code);
}

/** Throw the last error; `rc` (the returned code) wins over a stale record. */
function throwLast(rc) {
  const e = lastError();
  let code = rc === undefined || e.code === rc ? e.code : rc;
  if (code === 0) code = ErrorCode.EINTERNAL;
  const message = e.code === code && e.message ? e.message : strerror(code);
  throw new TriadError(code, message, e);
}

/** Throw for a negative return code; return the code otherwise. */
function check(rc) {
  if (rc < 0) throwLast(rc);
  return rc;
}

/** Throw the last error when a call returned NULL. */
function checkPtr(value) {
  if (value === null || value === undefined) throwLast();
  return value;
}

module.exports = { ErrorCode, TriadError, lastError, clearError, strerror, check, checkPtr, throwLast };
