'use strict';
// index.d.ts declares every export of index.js and nothing else.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const triad = require('..');

// Classes declared for typing only (instances come from other calls).
const TYPE_ONLY = ['Handle', 'ConferenceResult', 'ConferenceReport', 'Expected'];

test('index.d.ts matches the exports', () => {
  const dts = fs.readFileSync(path.join(__dirname, '..', 'index.d.ts'), 'utf8');
  const declared = new Set([...dts.matchAll(/^export declare (?:const|function|class) (\w+)/gm)]
    .map((m) => m[1]));
  const exported = new Set(Object.keys(triad));
  assert.deepEqual([...exported].filter((n) => !declared.has(n)).sort(), []);
  // Handle is a type-only base class; everything else must be exported.
  assert.deepEqual([...declared].filter((n) => !exported.has(n) && !TYPE_ONLY.includes(n)).sort(), []);
});
