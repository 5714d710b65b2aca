'use strict';
// CSV import of parents' evening requests (tests/data/csv); see
// bindings/python/tests/test_csvimport.py.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const triad = require('..');

const { Conference, ErrorCode, csvimport } = triad;
const CSV = path.resolve(__dirname, '..', '..', '..', 'tests', 'data', 'csv');

test('csv import', () => {
  const base = Conference.loadFile(path.join(CSV, 'base.json'));
  try {
    const conf = csvimport.importCsvFile(base, path.join(CSV, 'comma.csv'));
    const q = conf.request('csv-2');
    assert.deepEqual([q.household.id, q.teachers.map((t) => t.id), q.priority], ['g-17', ['BAK'], triad.conference.Priority.INVITED]);
    conf.free();
    const semi = csvimport.importCsv(base, fs.readFileSync(path.join(CSV, 'semicolon.csv')), 'semicolon.csv', { delimiter: ';' });
    assert.ok(semi.requests.length > 0);
    semi.free();
    assert.throws(() => csvimport.importCsvFile(base, path.join(CSV, 'err-empty-cell.csv')),
      { code: ErrorCode.EFORMAT, line: 3, column: 2 });
    const lenient = csvimport.importCsvFile(base, path.join(CSV, 'err-unknown-header.csv'), { ignoreUnknownColumns: true });
    assert.ok(lenient.requests.length > 0);
    lenient.free();
    assert.equal(csvimport.csvColumn.id(csvimport.CsvColumn.JOINT_TEACHER), 'joint_teacher');
  } finally {
    base.free();
  }
});
