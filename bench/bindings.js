'use strict';
// What the Node binding costs on top of the C library: each row times the
// same work through the binding's wrapper and through a bare koffi call of
// the same C function (the baseline: C plus the minimum FFI cost), and for
// dates also plain JavaScript. Run against a built library:
//
//   TRIAD_LIBRARY=build/lib/libtriad.so.0 node bench/bindings.js

const path = require('node:path');
const fs = require('node:fs');
const triad = require('../bindings/node');

const GOOD = fs.readFileSync(path.join(__dirname, '..', 'tests', 'data', 'school', 'good.json'));

function perCall(fn, n) {
  fn();
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  return Number(process.hrtime.bigint() - t) / n / 1000;
}

function row(name, n, wrapper, baseline, js = null) {
  const w = perCall(wrapper, n);
  const b = perCall(baseline, n);
  const j = js ? perCall(js, n).toFixed(2).padStart(10) : '-'.padStart(10);
  console.log(`${name.padEnd(34)} ${w.toFixed(2).padStart(10)} ${b.toFixed(2).padStart(10)} ${j} ${(w / b).toFixed(2).padStart(8)}x`);
}

// Bare declarations: a second handle on the same C functions, without the wrappers.
// The binding's own koffi and library handle (koffi lives in bindings/node/node_modules).
const { lib } = require('../bindings/node/lib/ffi');
const bareParse = lib.func('triad_date_parse', 'int', ['_Out_ int32_t *', 'const char *']);
const bareWeekday = lib.func('int triad_date_weekday(int32_t date)');
const bareLoad = lib.func('int triad_roster_load(_Out_ triad_roster **out, const char *text, size_t len, const char *source, const triad_schooltypes *types)');
const bareFree = lib.func('void triad_roster_free(triad_roster *roster)');

console.log(`libtriad ${triad.version()} from Node (microseconds per call)`);
console.log(`${'operation'.padEnd(34)} ${'binding'.padStart(10)} ${'bare C'.padStart(10)} ${'JS'.padStart(10)} ${'ratio'.padStart(9)}`);
const out = [0];
row('parse a date', 200000, () => triad.date.parse('2026-11-26'), () => bareParse(out, '2026-11-26'),
  () => new Date('2026-11-26T00:00:00Z'));
row('weekday of a date', 200000, () => triad.date.weekday('2026-11-26'), () => bareWeekday(20418),
  () => new Date(Date.UTC(2026, 10, 26)).getUTCDay());
row('load good.json (3 students)', 5000, () => triad.Roster.load(GOOD).free(), () => {
  const o = [null];
  bareLoad(o, GOOD, GOOD.length, null, null);
  bareFree(o[0]);
});
const r = triad.Roster.load(GOOD);
row("read a student's name", 200000, () => r.student('s1').givenName, () => r.student('s1'));
r.free();
