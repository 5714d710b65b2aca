'use strict';
// The example in bindings/node/README.md runs as printed.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

test('README example runs', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  const m = /```js\n([\s\S]*?)```/.exec(readme);
  assert.ok(m, 'README.md has no js example');
  const lines = [];
  const log = (...args) => lines.push(args.join(' '));
  // require('triad') in the example means this package.
  const req = (name) => require(name === 'triad' ? '..' : name);
  new Function('require', 'console', m[1])(req, { log });
  const out = lines.join('\n');
  // Born 2009-02-28: 17 on 2026-08-01, so the parents with authority sign too.
  assert.match(out, /signers on 1 September 2026: s1 m1 f1/);
  assert.match(out, /age on 1 August 2026: 17/);
  assert.match(out, /reach: 50%/);
  assert.match(out, /hard constraints kept: true/);
  assert.equal(out.split(' with t').length - 1, 3); // all three requests met
  assert.match(out, /EFORMAT students\[0\]\.id/);
});
