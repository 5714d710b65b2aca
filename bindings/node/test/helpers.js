'use strict';
// Shared test helpers: the version script's symbols, the deliberate
// omissions, forced garbage collection and the resident set size.

const fs = require('node:fs');
const path = require('node:path');
const v8 = require('node:v8');
const vm = require('node:vm');

const root = path.resolve(__dirname, '..', '..', '..');

function mapSymbols() {
  const file = process.env.TRIAD_MAP || path.join(root, 'lib', 'libtriad.map');
  const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const names = new Set();
  for (const block of text.matchAll(/global:([\s\S]*?)(?:local:|\})/g)) {
    for (const m of block[1].matchAll(/([A-Za-z_][A-Za-z0-9_]*)\s*;/g)) names.add(m[1]);
  }
  return names;
}

function omissions() {
  const text = fs.readFileSync(path.join(root, 'bindings', 'omissions.txt'), 'utf8');
  const names = new Set();
  for (const line of text.split('\n')) {
    const name = line.split('#')[0].trim().split(/\s+/)[0];
    if (name) names.add(name);
  }
  return names;
}

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

/** Collect garbage and let FinalizationRegistry callbacks run. */
async function collect() {
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

module.exports = { mapSymbols, omissions, collect, rss: () => process.memoryUsage().rss };
