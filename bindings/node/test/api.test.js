'use strict';
// The binding wraps every symbol of lib/libtriad.map except the deliberate
// omissions of bindings/omissions.txt, and declares nothing else.
const test = require('node:test');
const assert = require('node:assert/strict');
const triad = require('..');
const { mapSymbols, omissions } = require('./helpers');

test('every exported symbol is bound', () => {
  const exported = mapSymbols();
  assert.ok(exported.size > 50);
  const declared = triad.declaredFunctions();
  const om = omissions();
  const missing = [...exported].filter((n) => !declared.has(n) && !om.has(n)).sort();
  assert.deepEqual(missing, [], `not bound in Node: ${missing.join(', ')}`);
});

test('the binding declares only exported symbols', () => {
  const exported = mapSymbols();
  const extra = [...triad.declaredFunctions()].filter((n) => !exported.has(n)).sort();
  assert.deepEqual(extra, [], `bound but not exported: ${extra.join(', ')}`);
});

test('omissions are exported and not bound', () => {
  const exported = mapSymbols();
  const declared = triad.declaredFunctions();
  for (const n of omissions()) {
    assert.ok(exported.has(n), `${n} is listed as omitted but not exported`);
    assert.ok(!declared.has(n), `${n} is listed as omitted but bound`);
  }
});
