'use strict';
// A conference scheduled from Node: reading, solving with a progress
// callback and cancellation from it, checking, pins, exports. The instance
// is bindings/testdata/conference.json (see make_conference.py there).
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const triad = require('..');

const { Conference, SolvePhase, ErrorCode, conferenceExport } = triad;
const { Metric, Setting, Stat, Reason, Violation, Priority } = triad.conference;
const DATA = path.resolve(__dirname, '..', '..', 'testdata', 'conference.json');
const JSON_TEXT = fs.readFileSync(DATA, 'utf8');
const DOC = JSON.parse(JSON_TEXT);

function withConf(fn) {
  const c = Conference.load(JSON_TEXT, 'evening.json');
  try {
    return fn(c);
  } finally {
    c.free();
  }
}

test('reading the instance', () => withConf((c) => {
  assert.deepEqual(c.sessions.map((s) => s.id), ['mon', 'thu']);
  const mon = c.session('mon');
  assert.deepEqual([mon.start, mon.slots, mon.slotMinutes, mon.gapMinutes], [19 * 60, 14, 10, 0]);
  assert.deepEqual(mon.breaks, [[7, 8]]);
  assert.equal(triad.date.format(mon.date), '2026-11-16');
  assert.equal(c.session('thu').slotStart(3), 19 * 60); // 18:30 + 3 x 10 minutes
  assert.equal(c.teachers.length, 8);
  assert.equal(c.households.length, 40);
  assert.equal(c.requests.length, DOC.requests.length);
  const t8 = c.teacher('t8');
  assert.ok(t8.present('mon') && !t8.present('thu'));
  assert.equal(t8.room('mon'), 'r8');
  assert.equal(t8.room(c.session('thu')), null);
  assert.equal(c.rooms[0].name, 'Lokaal 101');
  assert.deepEqual(c.household('h5').students, ['Leerling 5a', 'Leerling 5b']);
  const q9 = c.request('q9');
  assert.equal(q9.slots, 2);
  assert.equal(q9.household.id, DOC.requests[8].household);
  assert.deepEqual(q9.teachers.map((t) => t.id), DOC.requests[8].teachers);
  assert.equal(q9.priority, Priority[DOC.requests[8].priority.toUpperCase()]);
  assert.equal(q9.pin, null);
  assert.throws(() => c.teacher('t99'), { code: ErrorCode.ENOTFOUND });
}));

test('settings and ids', () => withConf((c) => {
  assert.equal(c.setting(Setting.WEIGHT_UNSCHEDULED), 1000000);
  c.setSetting(Setting.WALKING_GAP, 1);
  assert.equal(c.setting(Setting.WALKING_GAP), 1);
  assert.throws(() => c.setSetting(Setting.WALKING_GAP, 10001), { code: ErrorCode.ERANGE });
  assert.equal(c.setting(Setting.WALKING_GAP), 1);
  assert.equal(triad.conference.settingId(Setting.WEIGHT_UNSCHEDULED), 'weight_unscheduled');
  assert.equal(triad.conference.metricId(Metric.COST), 'cost');
  assert.equal(triad.conference.reasonId(Reason.NO_COMMON_SLOT), 'no_common_slot');
  assert.equal(triad.conference.violationId(Violation.TEACHER_DOUBLE_BOOKED), 'teacher_double_booked');
  assert.equal(triad.conference.statId(Stat.CANCELED), 'canceled');
}));

test('solve with progress, check, determinism', () => withConf((c) => {
  const calls = [];
  const r = c.solve({ seed: 3, progressInterval: 50, progress: (p, cost, f) => { calls.push([p, cost, f]); } });
  try {
    assert.equal(calls[0][0], SolvePhase.BOUND);
    assert.equal(calls[calls.length - 1][0], SolvePhase.DONE);
    assert.ok(calls.some((x) => x[0] === SolvePhase.IMPROVE));
    const costs = calls.map((x) => x[1]).filter((x) => x >= 0);
    assert.deepEqual(costs, [...costs].sort((a, b) => b - a));
    assert.equal(costs[costs.length - 1], r.metric(Metric.COST));
    assert.equal(r.stat(Stat.CANCELED), 0);
    const m = r.metrics;
    assert.equal(m.cost, m.unscheduled_weight * 1000000 + m.extra_sessions * 10000 +
      m.household_wait_slots * 100 + m.teacher_idle_slots + m.preference_misses);
    assert.equal(m.scheduled_weight + m.unscheduled_weight, m.total_weight);
    assert.equal(c.bound(), m.schedulable_weight_bound);
    const met = new Set(r.meetings.map((x) => x.request));
    const missing = new Set(r.unscheduled.map((x) => x.request));
    assert.equal(met.size + missing.size, DOC.requests.length);
    const rep = c.check(r);
    assert.ok(rep.ok, JSON.stringify(rep.violations));
    assert.equal(rep.metric(Metric.COST), r.metric(Metric.COST));
    rep.free();
    for (const mt of r.teacherMeetings('t1')) assert.ok(mt.teachers.includes('t1') && mt.room === 'r1');
    const again = c.solve({ seed: 3 });
    assert.deepEqual(again.meetings, r.meetings);
    again.free();
  } finally {
    r.free();
  }
}));

test('cancel from the callback; exceptions are rethrown', () => withConf((c) => {
  let improve = 0;
  const r = c.solve({ seed: 1, maxIterations: 100000, progressInterval: 10,
    progress: (p) => { if (p === SolvePhase.IMPROVE) improve++; return improve < 3; } });
  assert.equal(r.stat(Stat.CANCELED), 1);
  assert.ok(r.stat(Stat.ITERATIONS) < 100000);
  assert.ok(r.meetings.length > 0);
  const rep = c.check(r);
  assert.ok(rep.ok);
  rep.free();
  r.free();
  assert.throws(() => c.solve({ progressInterval: 10,
    progress: (p) => { if (p === SolvePhase.IMPROVE) throw new RangeError('stop here'); } }),
  { name: 'RangeError', message: 'stop here' });
}));

test('hand-made schedule with violations', () => withConf((c) => {
  const t = c.request('q1').teachers[0].id;
  const other = c.requests.find((r) => r.teachers[0].id === t && r.id !== 'q1');
  const hand = c.resultFromMeetings([['q1', 'mon', 0], [other.id, 'mon', 0]]);
  assert.equal(hand.meetings.length, 2);
  assert.ok(hand.unscheduled.every((u) => u.reason === Reason.NOT_PLACED));
  const rep = c.check(hand);
  const v = rep.violations.find((x) => x.kind === Violation.TEACHER_DOUBLE_BOOKED);
  assert.equal(v.teacher, t);
  assert.deepEqual(new Set([v.request, v.otherRequest]), new Set(['q1', other.id]));
  rep.free();
  hand.free();
  assert.throws(() => c.resultFromMeetings([['q9999', 'mon', 0]]), { code: ErrorCode.ENOTFOUND, message: /q9999/ });
  assert.throws(() => c.resultFromMeetings([['q1', 'mon', 14]]), { code: ErrorCode.ERANGE });
}));

test('pins and result round trip', () => withConf((c) => {
  c.pin('q1', 'thu', 5);
  assert.equal(c.request('q1').pin.session.id, 'thu');
  assert.equal(c.request('q1').pin.slot, 5);
  const r = c.solve({ seed: 2, maxIterations: 200 });
  const m = r.meetings.find((x) => x.request === 'q1');
  assert.deepEqual([m.session, m.slot, m.pinned], ['thu', 5, true]);
  const json = r.save();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triad-'));
  try {
    const file = path.join(dir, 'result.json');
    r.saveFile(file);
    const back = c.loadResult(json, 'r.json');
    const back2 = c.loadResultFile(file);
    assert.equal(back.save(), json);
    assert.equal(back2.save(), json);
    back.free();
    back2.free();
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
  c.unpin('q1');
  assert.equal(c.request('q1').pin, null);
  const again = c.solve({ seed: 9, maxIterations: 200, previous: r });
  assert.ok(again.metric(Metric.MOVED_MEETINGS) >= 0);
  again.free();
  c.pinResult(r);
  assert.ok(r.meetings.every((x) => c.request(x.request).pin !== null));
  r.free();
  const copy = Conference.load(c.save());
  assert.notEqual(copy.request('q1').pin, null);
  copy.free();
}));

test('load errors carry their location', () => {
  assert.throws(() => Conference.load('{"format": "triad.conference/1",\n "sessions": [}', 'bad.json'),
    { code: ErrorCode.EPARSE, line: 2, column: 15, source: 'bad.json' });
  const bad = JSON.parse(JSON_TEXT);
  bad.requests[2].teachers = ['t42'];
  assert.throws(() => Conference.load(JSON.stringify(bad), 'bad.json'),
    { code: ErrorCode.EFORMAT, path: 'requests[2].teachers[0]' });
  assert.throws(() => Conference.load('{"format": "triad.conference/9"}'), { code: ErrorCode.EVERSION });
  assert.throws(() => Conference.loadFile('/nonexistent/c.json'), { code: ErrorCode.EIO });
  const c = Conference.loadFile(DATA);
  assert.equal(c.requests.length, DOC.requests.length);
  c.free();
});

test('exports', () => withConf((c) => {
  const r = c.solve({ seed: 4, maxIterations: 300 });
  try {
    const opts = { lang: triad.Lang.EN, schoolName: 'Het Baken', uidDomain: 'hetbaken.example' };
    const h = r.meetings[0].household;
    const ics = conferenceExport.householdIcs(c, r, h, opts);
    assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\n'));
    assert.equal(ics.split('BEGIN:VEVENT').length - 1, r.householdMeetings(h).length);
    assert.match(ics, /@hetbaken\.example/);
    const t = r.meetings[0].teachers[0];
    assert.equal(conferenceExport.teacherIcs(c, r, t).split('BEGIN:VEVENT').length - 1, r.teacherMeetings(t).length);
    assert.match(conferenceExport.html(c, r, opts), /Het Baken/);
    assert.match(conferenceExport.letter(c, r, h, opts), /Het Baken/);
    assert.throws(() => conferenceExport.letter(c, r, 'h999'), { code: ErrorCode.ENOTFOUND });
    assert.throws(() => conferenceExport.html(c, r, { uidDomain: 'not a domain!' }), { code: ErrorCode.EINVAL });
  } finally {
    r.free();
  }
}));
