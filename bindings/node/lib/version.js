'use strict';
// Version of the loaded libtriad (triad/version.h).

const { func } = require('./ffi');

const cVersion = func('const char *triad_version(void)');
const cVersionNumber = func('uint32_t triad_version_number(void)');

/** The loaded library's version, "MAJOR.MINOR.PATCH". */
function version() {
  return cVersion();
}

/** The loaded library's version as (MAJOR << 16) | (MINOR << 8) | PATCH. */
function versionNumber() {
  return cVersionNumber();
}

module.exports = { version, versionNumber };
