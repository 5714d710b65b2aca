'use strict';
// Creating and freeing 100,000 objects must not grow the process: each
// wrapper frees its C object through free() or through its finalizer.
const test = require('node:test');
const assert = require('node:assert/strict');
const triad = require('..');
const { collect, rss } = require('./helpers');

// A leaked SchoolTypes holds 7 types with 3 strings each, about 1 KiB, so a
// leak of 100,000 would be some 100 MiB: far above this slack.
const SLACK = 16 * 1024 * 1024;

function churn(n, free) {
  for (let i = 0; i < n; i++) {
    const st = new triad.SchoolTypes();
    st.add('own-type', 'eigen type', 'own type', 1 + (i % 12));
    if (st.years('own-type') !== 1 + (i % 12)) throw new Error('wrong years');
    if (free) st.free();
  }
}

test('100,000 objects created and freed', async () => {
  churn(20000, true);
  await collect();
  const before = rss();
  churn(100000, true);
  await collect();
  const grown = rss() - before;
  assert.ok(grown < SLACK, `RSS grew by ${grown} bytes`);
});

test('100,000 objects released by the finalizer', async () => {
  // Warm up with the same pattern: the first rounds grow the JS heap and
  // the registry's own tables, later ones reuse them.
  for (let i = 0; i < 5; i++) {
    churn(10000, false);
    await collect();
  }
  const before = rss();
  for (let i = 0; i < 10; i++) {
    churn(10000, false);
    await collect();
  }
  const grown = rss() - before;
  assert.ok(grown < SLACK, `RSS grew by ${grown} bytes`);
});

test('100,000 rosters borrowing one set of school types', async () => {
  const types = new triad.SchoolTypes();
  const churnRosters = (n) => {
    for (let i = 0; i < n; i++) {
      const r = new triad.Roster(types);
      r.addStaff('t1', 'Anna', 'Smit', triad.StaffRole.MENTOR);
      r.addStudent({ id: 's1', givenName: 'Emma', familyName: 'Jansen', birthDate: '2010-03-15',
        schoolType: 'havo', year: 1 + (i % 5), mentorId: 't1' });
      if (r.mentorStudents('t1')[0] !== 's1') throw new Error('wrong mentor list');
      if (i % 2) r.free(); // the other half is left to the finalizer
    }
  };
  for (let i = 0; i < 3; i++) {
    churnRosters(10000);
    await collect();
  }
  const before = rss();
  for (let i = 0; i < 10; i++) {
    churnRosters(10000);
    await collect();
  }
  const grown = rss() - before;
  assert.ok(grown < SLACK, `RSS grew by ${grown} bytes`);
  // Dead borrowers are pruned: the table stays small.
  assert.ok(types._borrowers.size < 20000, `${types._borrowers.size} borrower entries`);
  types.free();
});
