'use strict';
// Importing parents' evening requests and households from a CSV export into
// a conference instance (triad/csvimport.h). Errors name the row (line) and
// column.

const { koffi, func, text, int } = require('./ffi');
const { check, checkPtr } = require('./error');
const { Conference } = require('./conference');

koffi.alias('triad_csv_column', 'int');
koffi.struct('triad_csvimport_options', {
  version: 'unsigned int',
  delimiter: 'char',
  ignore_unknown_columns: 'int',
  headers: koffi.array('const char *', 32, 'Array'),
});

const CsvColumn = Object.freeze({
  NONE: 0, HOUSEHOLD: 1, HOUSEHOLD_NAME: 2, PARENT: 3, STUDENT: 4, TEACHER: 5, JOINT_TEACHER: 6,
  PRIORITY: 7, SLOTS: 8, PREFERENCE: 9, SESSIONS: 10, MAX_SESSIONS: 11,
});

const cOptionsInit = func('int triad_csvimport_options_init(_Out_ triad_csvimport_options *opts, unsigned int version)');
const cColumnId = func('const char *triad_csv_column_id(triad_csv_column column)');
const cImport = func('int triad_conference_import_csv(_Out_ triad_conference **out, const triad_conference *base, const char *text, size_t len, const char *source, const triad_csvimport_options *options)');
const cImportFile = func('int triad_conference_import_csv_file(_Out_ triad_conference **out, const triad_conference *base, const char *filename, const triad_csvimport_options *options)');

function options({ delimiter = null, ignoreUnknownColumns = false, headers = {} } = {}) {
  const o = {};
  check(cOptionsInit(o, 1));
  if (delimiter !== null) o.delimiter = text(delimiter, 'delimiter').charCodeAt(0);
  o.ignore_unknown_columns = ignoreUnknownColumns ? 1 : 0;
  const h = Array.from(o.headers || new Array(32).fill(null));
  for (const [col, name] of Object.entries(headers)) h[int(Number(col), 'column', 1, 31)] = text(name, 'header');
  o.headers = h;
  return o;
}

/** A new instance: base plus the households and requests of the CSV text. */
function importCsv(base, csv, source = null, opts = {}) {
  const buf = Buffer.isBuffer(csv) ? csv : Buffer.from(text(csv, 'text'), 'utf8');
  const out = [null];
  check(cImport(out, base._h, buf, buf.length, source === null ? null : text(source, 'source'), options(opts)));
  return new Conference(out[0]);
}

/** As importCsv(), reading a file. */
function importCsvFile(base, filename, opts = {}) {
  const out = [null];
  check(cImportFile(out, base._h, text(filename, 'filename'), options(opts)));
  return new Conference(out[0]);
}

const csvColumn = Object.freeze({ id: (c) => checkPtr(cColumnId(int(c, 'column'))) });

module.exports = { CsvColumn, csvColumn, importCsv, importCsvFile };
