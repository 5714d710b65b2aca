'use strict';
// Roster and age policy on tests/data/school/good.json (values read by hand;
// see bindings/python/tests/test_roster.py and test_policy.py for the
// reasoning): s1 born 2010-03-15, s2 2009-11-02, s3 2012-02-29.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const triad = require('..');

const { Roster, SchoolTypes, ErrorCode, RelationKind, InfoRights, StaffRole, Channel, policy } = triad;
const GOOD = path.resolve(__dirname, '..', '..', '..', 'tests', 'data', 'school', 'good.json');

function withRoster(fn) {
  const r = Roster.loadFile(GOOD);
  try {
    fn(r);
  } finally {
    r.free();
  }
}

test('records', () => withRoster((r) => {
  assert.equal(r.schoolName, 'Het Baken, Almere');
  assert.deepEqual(r.students.map((s) => s.id), ['s1', 's2', 's3']);
  assert.deepEqual(r.guardians.map((g) => g.id), ['m1', 'f1', 'sp1', 'm2', 'f2']);
  assert.deepEqual(r.households.map((h) => h.id), ['h1', 'h2', 'h3', 'h4']);
  assert.deepEqual(r.staffMembers.map((m) => m.id), ['t1', 't2', 't3']);
  assert.equal(r.relations.length, 7);
  assert.equal(r.consents.length, 7);
  const s3 = r.student('s3');
  assert.deepEqual([s3.givenName, s3.familyName, s3.schoolType, s3.bridgeClass, s3.year, s3.className, s3.mentorId],
    ['Lotte', 'Jansen', 'vwo', 'havo/vwo', 1, '1HV3', 't3']);
  assert.equal(triad.date.format(s3.birthDate), '2012-02-29');
  assert.equal(s3.age('2026-02-28'), 13);
  assert.equal(s3.age('2026-03-01'), 14);
  assert.ok(r.students[2].equals(s3) && !r.students[0].equals(s3));
  assert.equal(r.student('s1').bridgeClass, null);
  assert.equal(r.guardian('sp1').language, 'en-GB');
  assert.equal(r.guardian('m2').channel, Channel.PHONE);
  assert.equal(r.guardian('m1').householdId, 'h1');
  assert.equal(r.household('h2').address, null);
  assert.equal(r.staff('t3').roles, StaffRole.MENTOR | StaffRole.TEACHER | StaffRole.COORDINATOR);
  assert.equal(r.staff('t3').familyName, 'Yıldız');
  const sp = r.relation('s1', 'sp1');
  assert.deepEqual([sp.kind, sp.authority, sp.livesWith, sp.primaryContact, sp.contactPriority, sp.infoRights],
    [RelationKind.STEP_PARENT, false, true, false, 0, InfoRights.ON_REQUEST]);
  assert.equal(r.relation('s2', 'f2').infoRights, InfoRights.RESTRICTED);
  assert.match(r.relation('s2', 'f2').restrictionReason, /^Court order of 2023-06-12/);
  const m1 = r.relation('s1', 'm1');
  assert.ok(m1.adultInformed && m1.adultCosigns);
  const c = r.consents[2];
  assert.deepEqual([c.studentId, c.purpose, c.byId, c.given, triad.date.format(c.date)],
    ['s1', 'photos', 'f1', false, '2024-05-01']);
  assert.throws(() => r.relation('s2', 'm1'), { code: ErrorCode.ENOTFOUND });
}));

test('navigation', () => withRoster((r) => {
  assert.deepEqual(r.studentGuardians('s1'), ['m1', 'f1', 'sp1']);
  assert.deepEqual(r.studentHouseholds('s1'), ['h1', 'h2']);
  assert.deepEqual(r.guardianStudents('m1'), ['s1', 's3']);
  assert.deepEqual(r.householdGuardians('h1'), ['m1', 'sp1']);
  assert.deepEqual(r.householdStudents('h1'), ['s1', 's3']);
  assert.deepEqual(r.mentorStudents('t1'), ['s1', 's2']);
  assert.deepEqual(r.classStudents('3H2'), ['s1']);
  assert.deepEqual(r.classStudents('9Z'), []);
  assert.throws(() => r.studentGuardians('s9'), { code: ErrorCode.ENOTFOUND, message: /s9/ });
}));

test('round trip through text and file', () => withRoster((r) => {
  const json = r.save();
  assert.match(json, /"format": "triad.school\/1"/);
  const copy = Roster.load(json, 'copy');
  assert.ok(copy.equals(r));
  copy.schoolName = 'Het Baken, Almere-Haven';
  assert.ok(!copy.equals(r));
  copy.free();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triad-'));
  try {
    const file = path.join(dir, 'school.json');
    r.saveFile(file);
    const again = Roster.loadFile(file);
    assert.ok(again.equals(r));
    again.free();
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
}));

test('errors carry their location', () => {
  assert.throws(() => Roster.load('{"format": "triad.school/1",\n  "students": [,]}', 'bad.json'), (e) => {
    assert.equal(e.code, ErrorCode.EPARSE);
    assert.deepEqual([e.source, e.line, e.column], ['bad.json', 2, 16]);
    return true;
  });
  assert.throws(() => Roster.load('{"format": "triad.school/1", "students": [{"id": 5}]}', 's.json'),
    { code: ErrorCode.EFORMAT, path: 'students[0].id', source: 's.json', message: /expected a string/ });
  assert.throws(() => Roster.load('{"format": "triad.school/2"}'), { code: ErrorCode.EVERSION });
  assert.throws(() => Roster.loadFile('/nonexistent/school.json'), { code: ErrorCode.EIO });
});

test('building and refusing', () => {
  const r = new Roster();
  try {
    assert.equal(r.schoolName, null);
    r.schoolName = 'De Meent';
    r.addHousehold('h1', 'Familie Yılmaz', 'Hoofdstraat 1');
    r.addStaff('t1', 'Anna', 'Smit', StaffRole.MENTOR | StaffRole.TEACHER);
    const s = r.addStudent({ id: 's1', givenName: 'Elif', familyName: 'Yılmaz', birthDate: '2011-05-20',
      schoolType: 'vmbo-tl', year: 2, className: '2T1', mentorId: 't1' });
    assert.equal(s.mentorId, 't1');
    r.addGuardian({ id: 'g1', givenName: 'Ayşe', familyName: 'Yılmaz', householdId: 'h1', language: 'tr',
      channel: Channel.PHONE });
    const rel = r.addRelation({ studentId: 's1', guardianId: 'g1', kind: RelationKind.MOTHER,
      authority: true, livesWith: true, primaryContact: true, contactPriority: 1 });
    assert.equal(rel.infoRights, InfoRights.FULL);
    r.addConsent('s1', 'photos', 'g1', true, '2024-09-01');
    r.setAdultChoice('s1', 'g1', { informed: true, cosigns: false });
    assert.ok(r.relation('s1', 'g1').adultInformed);
    assert.throws(() => r.addStaff('t1', 'B', 'C', StaffRole.TEACHER), { code: ErrorCode.EEXISTS });
    assert.throws(() => r.addGuardian({ id: 's1', givenName: 'X', familyName: 'Y' }), { code: ErrorCode.EEXISTS });
    assert.throws(() => r.addStudent({ id: 's2', givenName: 'A', familyName: 'B', birthDate: '2011-01-01',
      schoolType: 'havo', year: 6 }), { code: ErrorCode.ERANGE });
    assert.throws(() => r.addStudent({ id: 's2', givenName: 'A', familyName: 'B', birthDate: '2011-01-01',
      schoolType: 'havo', year: 1, mentorId: 't9' }), { code: ErrorCode.ENOTFOUND });
    r.addGuardian({ id: 'g2', givenName: 'Mehmet', familyName: 'Yılmaz' });
    assert.throws(() => r.addRelation({ studentId: 's1', guardianId: 'g2', kind: RelationKind.FATHER,
      infoRights: InfoRights.RESTRICTED }), { code: ErrorCode.EINVAL, message: /reason/ });
    assert.equal(r.students.length, 1);
  } finally {
    r.free();
  }
});

test('school types are pinned by the rosters that borrow them', () => {
  const types = new SchoolTypes();
  types.add('isk', 'internationale schakelklas', 'international transition class', 2);
  const r = new Roster(types);
  r.addStudent({ id: 's1', givenName: 'Amir', familyName: 'Haddad', birthDate: '2012-01-01', schoolType: 'isk', year: 2 });
  const s = r.student('s1');
  types.free();
  assert.ok(r.freed);
  assert.throws(() => s.id, /was freed/);
  assert.throws(() => new Roster(types), /was freed/);
});

test('enumeration ids', () => {
  assert.equal(triad.relationKind.id(RelationKind.STEP_PARENT), 'step_parent');
  assert.equal(triad.relationKind.fromId('foster_parent'), RelationKind.FOSTER_PARENT);
  assert.equal(triad.infoRights.fromId('on_request'), InfoRights.ON_REQUEST);
  assert.equal(triad.staffRole.fromId('school_leader'), StaffRole.SCHOOL_LEADER);
  assert.equal(triad.staffRole.id(StaffRole.TEACHER), 'teacher');
  assert.throws(() => triad.staffRole.id(StaffRole.MENTOR | StaffRole.TEACHER), { code: ErrorCode.EINVAL });
  assert.throws(() => triad.relationKind.fromId('aunt'), { code: ErrorCode.ENOTFOUND });
});

test('age policy', () => withRoster((r) => {
  assert.deepEqual(policy.consenters(r, 's1', '2026-03-14'), ['m1', 'f1']);
  assert.deepEqual(policy.consenters(r, 's1', '2026-03-15'), ['s1']);
  assert.deepEqual(policy.signers(r, 's1', '2026-09-01'), ['s1', 'm1', 'f1']);
  assert.deepEqual(policy.signers(r, 's1', '2028-03-15'), ['s1', 'm1']);
  assert.deepEqual(policy.informed(r, 's1', '2026-09-01'), { full: ['m1', 'f1'], onRequest: ['sp1'] });
  assert.deepEqual(policy.informed(r, 's2', '2027-11-02'), { full: [], onRequest: [] });
  assert.ok(!policy.consentInForce(r, 's1', 'photos', '2024-06-01'));
  assert.ok(policy.consentInForce(r, 's1', 'photos', '2024-09-02'));
  assert.ok(!policy.consentInForce(r, 's1', 'photos', '2026-03-15'));
  assert.ok(policy.consentInForce(r, 's1', 'photos', '2026-04-01'));
  assert.ok(!policy.isAdult(r, 's2', '2027-11-01'));
  assert.ok(policy.isAdult(r, 's2', '2027-11-02'));
  assert.ok(policy.isAdult(r, 's1', '2026-03-15', { majorityAge: 16 }));
  assert.deepEqual(policy.options(), { version: 1, consent_age: 16, majority_age: 18 });
  assert.throws(() => policy.isAdult(r, 's1', '2026-03-15', { consentAge: 17, majorityAge: 16 }),
    { code: ErrorCode.EINVAL });
  assert.throws(() => policy.signers(r, 's9', '2026-01-01'), { code: ErrorCode.ENOTFOUND });
}));

test('StrList wrapper over a raw list', () => withRoster((r) => {
  // Queries copy their lists out; a raw list wrapped in StrList is a
  // read-only, iterable sequence that frees itself once.
  const { func } = require('../lib/ffi');
  const raw = func('int triad_roster_student_guardians(_Out_ triad_strlist **out, const triad_roster *roster, const char *id)');
  const out = [null];
  assert.equal(raw(out, r._h, 's1'), 0);
  const l = new triad.StrList(out[0]);
  assert.equal(l.length, 3);
  assert.deepEqual([l.at(0), l.at(-1), l.at(3)], ['m1', 'sp1', undefined]);
  assert.ok(l.includes('f1') && !l.includes('x') && !l.includes(5) && !l.includes('a\0b'));
  assert.deepEqual([...l], ['m1', 'f1', 'sp1']);
  l.free();
  l.free();
  assert.throws(() => l.length, /was freed/);
}));
