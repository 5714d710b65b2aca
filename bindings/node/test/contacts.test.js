'use strict';
// Calendar, contact plans, contact log and analytics on tests/data (values
// worked out by hand; see bindings/python/tests/test_calendar.py and
// test_contacts.py for the reasoning).
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const triad = require('..');

const { ErrorCode, Calendar, Region, ContactPlan, Audience, ContactLog, ContactReader, ContactWriter,
  Initiator, Tone, ReachReport, PlanStatus, ContactKind, Channel, Roster } = triad;
const { PlanTiming, PlanWith, PlanPer, PlanAccess } = triad.contactplan;
const { ExpectedState, ReachGroup } = triad.analytics;
const DATA = path.resolve(__dirname, '..', '..', '..', 'tests', 'data');
const iso = (d) => triad.date.format(d);

function tmpdir(fn) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triad-'));
  try {
    return fn(dir);
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
}

test('calendar', () => {
  const cal = Calendar.loadFile(path.join(DATA, 'calendar', 'school-2025.json'));
  try {
    assert.deepEqual([cal.startYear, cal.region, iso(cal.firstDay), iso(cal.lastDay)],
      [2025, Region.MIDDEN, '2025-08-01', '2026-07-31']);
    assert.equal(cal.holidays[1].name, 'Herfstvakantie');
    assert.deepEqual([iso(cal.daysOff[0].day), cal.daysOff[0].reason], ['2025-11-12', 'studiedag']);
    assert.equal(iso(cal.reportPeriod('p2').first), '2025-11-24');
    assert.throws(() => cal.reportPeriod('p9'), { code: ErrorCode.ENOTFOUND });
    assert.ok(cal.isSchoolDay('2025-08-25') && !cal.isSchoolDay('2025-10-20') && !cal.isSchoolDay('2025-11-12'));
    assert.equal(cal.schoolDaysBetween('2025-08-25', '2025-08-29'), 4);
    assert.equal(iso(cal.schoolDaysAfter('2025-10-17', 1)), '2025-10-27');
    assert.deepEqual(cal.schoolWeek('2025-10-22'), { index: 8, inSchoolWeek: false });
    const w1 = cal.schoolWeekAt(1);
    assert.deepEqual([iso(w1.monday), iso(w1.lastSchoolDay)], ['2025-08-25', '2025-08-29']);
    assert.equal(cal.schoolWeeksBetween('2025-08-25', '2025-10-27'), 8);
    assert.throws(() => cal.isSchoolDay('2026-08-03'), { code: ErrorCode.ERANGE });
    const back = Calendar.load(cal.save(), 'c.json');
    assert.equal(back.schoolDayCount, cal.schoolDayCount);
    assert.equal(back.schoolWeekCount, cal.schoolWeekCount);
    back.free();
  } finally {
    cal.free();
  }
  assert.equal(triad.calendar.schoolYearOf('2026-07-31'), 2025);
  assert.equal(triad.calendar.region.fromId('noord'), Region.NOORD);
  const z = Calendar.loadOpendataFile(path.join(DATA, 'calendar', 'opendata.json'), Region.ZUID, '2025-2026');
  const autumn = z.holidays.find((h) => h.name === 'Herfstvakantie');
  assert.deepEqual([iso(autumn.first), iso(autumn.last)], ['2025-10-11', '2025-10-19']);
  z.free();
  const text = fs.readFileSync(path.join(DATA, 'calendar', 'opendata.json'));
  assert.throws(() => Calendar.loadOpendata(text, Region.ZUID, '2030-2031'), { code: ErrorCode.ENOTFOUND, message: /2030-2031/ });
  const c = new Calendar(2026, Region.NOORD);
  c.addHoliday('Herfstvakantie', '2026-10-17', '2026-10-25');
  c.addDayOff('2026-09-30', 'studiedag');
  c.addReportPeriod('p1', 'Periode 1', '2026-08-24', '2026-11-20');
  assert.throws(() => c.addHoliday('Omgekeerd', '2026-12-01', '2026-11-01'), { code: ErrorCode.EINVAL });
  c.setPeriod('2026-08-03', '2027-07-30');
  assert.equal(iso(c.firstDay), '2026-08-03');
  tmpdir((dir) => {
    c.saveFile(path.join(dir, 'c.json'));
    const again = Calendar.loadFile(path.join(dir, 'c.json'));
    assert.deepEqual(again.reportPeriods.map((p) => p.id), ['p1']);
    again.free();
  });
  c.free();
});

test('contact plans and expected contacts', () => {
  const p = ContactPlan.default();
  const r = Roster.loadFile(path.join(DATA, 'school', 'good.json'));
  const cal = Calendar.loadFile(path.join(DATA, 'calendar', 'school-2025.json'));
  try {
    assert.deepEqual(p.rules.map((x) => x.id), ['intake', 'positive', 'triangle', 'conference']);
    const rule = { id: 'note-y12', kind: ContactKind.POSITIVE_NOTE, timing: PlanTiming.EVERY_WEEKS, n: 6,
      channel: Channel.EMAIL, per: PlanPer.STUDENT, years: [1, 2], schoolTypes: ['havo', 'vwo'],
      classes: ['1A'], deadline: '2026-06-01', note: 'Elke zes weken iets positiefs' };
    p.addRule(rule);
    const back = p.rule('note-y12');
    assert.deepEqual([back.years, back.schoolTypes, back.classes, iso(back.deadline), back.with],
      [[1, 2], ['havo', 'vwo'], ['1A'], '2026-06-01', PlanWith.MENTOR]);
    assert.throws(() => p.addRule(rule), { code: ErrorCode.EEXISTS });
    p.removeRule('positive');
    const copy = ContactPlan.load(p.save(), 'plan.json');
    assert.deepEqual(copy.rules, p.rules);
    copy.free();
    const aud = Audience.fromRoster(r, '2025-09-01');
    const exp = p.generate(cal, aud);
    assert.deepEqual(exp.skipped, [{ household: 'h4', student: 's2', access: PlanAccess.RESTRICTED }]);
    const intakes = exp.toArray().filter((e) => e.rule === 'intake');
    assert.deepEqual(intakes.map((e) => `${e.household}/${e.staff}`).sort(), ['h1/t1', 'h1/t3', 'h2/t1', 'h2/t3', 'h3/t1']);
    assert.ok(intakes.every((e) => iso(e.due) === '2025-09-19' && iso(e.earliest) === '2025-08-25'));
    exp.free();
    aud.free();
    assert.equal(triad.contactplan.planTiming.id(PlanTiming.AFTER_REPORT), 'after_report');
    const custom = ContactPlan.loadFile(path.join(DATA, 'contactplan', 'custom.json'));
    assert.deepEqual(custom.rule('havo-call').classes, ['2a']);
    custom.free();
  } finally {
    p.free();
    r.free();
    cal.free();
  }
});

const intake = (id, date, household, extra = {}) => ({ id, date, kind: ContactKind.INTAKE, channel: Channel.IN_PERSON,
  initiator: Initiator.SCHOOL, tone: Tone.POSITIVE, household, ...extra });

test('contact log', () => tmpdir((dir) => {
  const log = new ContactLog();
  log.add(intake('c1', '2025-09-03', 'h1', { minute: 600, staff: 't1', guardians: ['m1'], students: ['s1'], studentPresent: true }));
  log.add({ id: 'c2', date: '2025-09-05', kind: ContactKind.MENTOR_CALL, channel: Channel.PHONE,
    initiator: Initiator.SCHOOL, tone: Tone.NEUTRAL, household: 'h3', reached: false });
  assert.equal(log.length, 2);
  assert.equal(log.find('c2'), 1);
  assert.deepEqual([log.at(0).guardians, log.at(0).minute, log.at(0).studentPresent], [['m1'], 600, true]);
  assert.throws(() => log.add(intake('c3', '2025-09-03', 'h1', { minute: 1440 })), { code: ErrorCode.EINVAL, message: /minute/ });
  assert.throws(() => triad.contactlog.validate(intake('c3', '2025-09-03', '')), { code: ErrorCode.EINVAL });
  log.correct(intake('c2', '2025-09-05', 'h3'));
  assert.equal(log.get('c2').reached, true);
  log.add({ id: 'c4', date: '2025-09-08', kind: ContactKind.CONCERN, channel: Channel.EMAIL,
    initiator: Initiator.PARENT, tone: Tone.CONCERN, household: 'h3', answers: 'c2' });
  assert.throws(() => log.remove('c2'), { code: ErrorCode.ESTATE });
  const copy = ContactLog.load(log.toJson(), 'log.json');
  assert.deepEqual([...copy], [...log]);
  copy.free();
  log.saveJsonl(path.join(dir, 'log.jsonl'));
  const reader = new ContactReader(path.join(dir, 'log.jsonl'));
  assert.deepEqual([...reader].map((e) => e.id), ['c1', 'c2', 'c4']);
  assert.equal(reader.line, 4);
  reader.free();
  const w = new ContactWriter(path.join(dir, 'w.jsonl'));
  for (const e of log) w.write(e);
  w.commit();
  const back = ContactLog.loadJsonl(path.join(dir, 'w.jsonl'));
  assert.deepEqual([...back], [...log]);
  back.free();
  const abandoned = new ContactWriter(path.join(dir, 'gone.jsonl'));
  abandoned.write(log.at(0));
  abandoned.free();
  assert.ok(!fs.existsSync(path.join(dir, 'gone.jsonl')));
  fs.writeFileSync(path.join(dir, 'bad.jsonl'), '{"format":"triad.contact-log/1"}\n{"id": "c2", \n');
  assert.throws(() => ContactLog.loadJsonl(path.join(dir, 'bad.jsonl')), { code: ErrorCode.EPARSE, line: 2 });
  const key = Buffer.from('0123456789abcdef');
  const p = triad.contactlog.pseudonym('h1', key);
  assert.match(p, /^p[0-9a-f]{24}$/);
  const pl = log.pseudonymize(key);
  assert.equal(pl.at(0).household, p);
  pl.free();
  assert.throws(() => triad.contactlog.pseudonym('h1', Buffer.from('short')), { code: ErrorCode.EINVAL });
  const h3 = log.forHousehold('h3');
  assert.deepEqual([...h3].map((e) => e.id), ['c2', 'c4']);
  h3.free();
  assert.deepEqual(log.erase('h3'), { removed: ['c2', 'c4'], changed: 0 });
  assert.equal(log.retain('2031-09-01', 1), 1);
  assert.equal(log.length, 0);
  log.free();
}));

test('reach report and plan status', () => {
  const r = Roster.loadFile(path.join(DATA, 'school', 'good.json'));
  const cal = Calendar.loadFile(path.join(DATA, 'calendar', 'school-2025.json'));
  const log = new ContactLog();
  const aud = Audience.fromRoster(r, '2025-09-01');
  try {
    log.add(intake('c1', '2025-09-03', 'h1', { students: ['s1'] }));
    log.add({ id: 'c2', date: '2025-09-05', kind: ContactKind.MENTOR_CALL, channel: Channel.PHONE,
      initiator: Initiator.SCHOOL, tone: Tone.NEUTRAL, household: 'h3', reached: false });
    const rep = new ReachReport(log, aud, '2025-10-01', { calendar: cal });
    const g = rep.groups[0];
    assert.deepEqual([g.type, g.name], [ReachGroup.SCHOOL, '']);
    const f = g.figures;
    assert.deepEqual([f.households, f.reached, f.contacts, f.proactive, f.failed, f.neverContacted], [3, 1, 1, 1, 1, 2]);
    assert.ok(Math.abs(f.reach - 1 / 3) < 1e-12);
    assert.deepEqual(rep.neverContacted.map((n) => [n.household, n.attempts]), [['h2', 0], ['h3', 1]]);
    assert.equal(iso(rep.window[1]), '2025-10-01');
    assert.match(rep.text(triad.Lang.EN), /h3/);
    assert.match(JSON.parse(rep.toJson()).format, /^triad\.reach-report\//);
    rep.free();
    assert.throws(() => new ReachReport(log, aud, '2025-10-01', { window: ['2025-10-01', '2025-09-01'] }), { code: ErrorCode.EINVAL });
    const plan = ContactPlan.default();
    const exp = plan.generate(cal, aud);
    const status = new PlanStatus(exp, log, '2025-10-01');
    const all = exp.toArray();
    const i = all.findIndex((e) => e.rule === 'intake' && e.household === 'h1' && e.staff === 't1');
    assert.deepEqual(status.at(i), { state: ExpectedState.DONE, entry: 'c1' });
    const j = all.findIndex((e) => e.rule === 'intake' && e.household === 'h3');
    assert.deepEqual(status.at(j), { state: ExpectedState.OVERDUE, entry: null });
    assert.equal(status.household('h1').done, 1);
    assert.match(status.text(null, triad.Lang.EN), /h2/);
    assert.equal(triad.analytics.expectedState.id(ExpectedState.DONE_LATE), 'done_late');
    const ics = triad.contactics.toIcs('2025-10-01', { household: 'h1', expected: exp, status, log, lang: triad.Lang.EN });
    assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\n'));
    assert.equal(ics.split('BEGIN:VTODO').length - 1, all.filter((e) => e.household === 'h1').length);
    assert.match(ics, /STATUS:COMPLETED/);
    assert.throws(() => triad.contactics.toIcs('2025-10-01', { household: 'h1', staff: 't1', expected: exp }), { code: ErrorCode.EINVAL });
    exp.free(); // frees the status that borrows it
    assert.ok(status.freed);
    plan.free();
  } finally {
    aud.free();
    log.free();
    cal.free();
    r.free();
  }
});
