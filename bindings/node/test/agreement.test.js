'use strict';
// The parent–child–school agreement on tests/data/school/good.json (see
// bindings/python/tests/test_agreement.py for the reasoning): started,
// signed, activated, saved and loaded back, validated and rendered.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const triad = require('..');

const { Agreement, Roster, ErrorCode, ContactKind, Category, policy } = triad;
const { AgreementState, PartyRole, Section, CommitmentKind, Period, Severity, RenderFormat } = triad.agreement;
const GOOD = path.resolve(__dirname, '..', '..', '..', 'tests', 'data', 'school', 'good.json');
const iso = (d) => (d ? triad.date.format(d) : null);

test('agreement round trip', () => {
  const r = Roster.loadFile(GOOD);
  const a = Agreement.start('agr-s1-2026', r, 's1', 't1', { schoolYear: 2026 });
  try {
    const v = a.latest;
    assert.deepEqual([a.id, a.state, v.number], ['agr-s1-2026', AgreementState.DRAFT, 1]);
    assert.deepEqual(v.parties.map((p) => [p.role, p.id]), [[PartyRole.STUDENT, 's1'], [PartyRole.GUARDIAN, 'm1'],
      [PartyRole.GUARDIAN, 'f1'], [PartyRole.SCHOOL, 't1']]);
    assert.deepEqual([iso(v.validFrom), iso(v.validTo), v.schoolType, v.studentYear], ['2026-08-01', '2027-07-31', 'havo', 3]);
    assert.deepEqual(v.clauses.map((c) => c.id), triad.agreement.catalogue().map((c) => c.id));
    assert.equal(a.clause('school.positive_contact').commitment.kind, CommitmentKind.MIN_COUNT);
    a.addClause({ id: 'parents.read_along', section: Section.PARENTS, category: Category.INVOLVEMENT_HOME,
      fromRole: PartyRole.GUARDIAN, toRole: PartyRole.SCHOOL, toId: 't1' });
    a.setClauseText('parents.read_along', 'Wij lezen mee.', 'We read along.');
    a.addClauseVariant('parents.read_along', { yearFrom: 4, yearTo: 6, fromRole: PartyRole.STUDENT,
      textNl: 'Ik lees zelf.', textEn: 'I read myself.' });
    a.setMinCount('parents.read_along', ContactKind.CONFERENCE, 2, Period.SCHOOL_YEAR);
    const c = a.clause('parents.read_along');
    assert.deepEqual([c.textEn, c.variants[0].yearFrom, c.commitment.count], ['We read along.', 4, 2]);
    a.propose('2026-09-01');
    assert.throws(() => a.removeClause('parents.read_along'), { code: ErrorCode.ESTATE });
    const signers = policy.signers(r, 's1', '2026-09-01');
    assert.deepEqual(signers, ['s1', 'm1', 'f1']);
    a.sign('s1', '2026-09-02');
    a.sign('m1', '2026-09-02');
    assert.throws(() => a.activate(r, '2026-09-03'), { code: ErrorCode.ESTATE, message: /f1/ });
    a.sign('f1', '2026-09-02');
    a.sign('t1', '2026-09-02');
    assert.throws(() => a.sign('t1', '2026-09-02'), { code: ErrorCode.EEXISTS });
    a.activate(r, '2026-09-03');
    assert.equal(a.state, AgreementState.ACTIVE);
    assert.equal(iso(a.latest.activated), '2026-09-03');
    assert.equal(a.inForce('2026-10-01').number, 1);
    assert.equal(a.inForce('2026-09-02'), null);
    const json = a.save();
    const back = Agreement.load(json, 'agr.json');
    assert.ok(back.equals(a));
    assert.equal(back.save(), json);
    assert.deepEqual(back.latest, a.latest);
    back.free();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triad-'));
    try {
      a.saveFile(path.join(dir, 'agr.json'));
      const again = Agreement.loadFile(path.join(dir, 'agr.json'));
      assert.ok(again.equals(a));
      again.free();
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
    a.terminate('2027-01-15', 'the student changed schools');
    assert.equal(a.state, AgreementState.TERMINATED);
    assert.equal(a.latest.endReason, 'the student changed schools');
  } finally {
    a.free();
    r.free();
  }
});

test('agreement validation, rendering, errors', () => {
  const r = Roster.loadFile(GOOD);
  const a = Agreement.start('agr-s1-2026', r, 's1', 't1', { schoolYear: 2026 });
  try {
    assert.deepEqual(a.validate(r, '2026-09-01'), []);
    a.removeParty('f1');
    const findings = a.validate(r, '2026-09-01');
    assert.ok(findings.length > 0 && findings.some((x) => /f1/.test(x.message)));
    assert.equal(findings.atLeast(Severity.INFO), findings.length);
    const txt = a.render({ format: RenderFormat.TEXT, lang: triad.Lang.EN, roster: r });
    assert.match(txt, /Emma Jansen \(s1\)/);
    assert.match(a.render({ format: RenderFormat.HTML }), /^\s*<!doctype html>/i);
    assert.equal(triad.agreement.agreementState.id(AgreementState.TERMINATED), 'terminated');
    assert.equal(triad.agreement.partyRole.id(PartyRole.ALL), 'all');
    assert.ok(triad.agreement.section.name(Section.PARENTS, triad.Lang.EN).length > 0);
    assert.throws(() => triad.agreement.catalogueClause('school.nonsense'), { code: ErrorCode.ENOTFOUND });
    assert.throws(() => Agreement.start('a', r, 's99', 't1', { schoolYear: 2026 }), { code: ErrorCode.ENOTFOUND });
  } finally {
    a.free();
    r.free();
  }
  assert.throws(() => Agreement.load('{"format": "triad.agreement/1",\n "id": }', 'a.json'),
    { code: ErrorCode.EPARSE, line: 2, source: 'a.json' });
  assert.throws(() => Agreement.load('{"format": "triad.agreement/1", "id": 7}'), { code: ErrorCode.EFORMAT, path: 'id' });
  assert.throws(() => Agreement.load('{"format": "triad.agreement/2"}'), { code: ErrorCode.EVERSION });
});

test('yearly renewal and compliance with the log', () => {
  const r = Roster.loadFile(GOOD);
  const a = Agreement.start('agr-s1-2026', r, 's1', 't1', { schoolYear: 2026 });
  try {
    const next = a.renew('agr-s1-2027', r, 2027);
    assert.deepEqual([next.id, next.state, next.latest.studentYear, iso(next.latest.validFrom)],
      ['agr-s1-2027', AgreementState.DRAFT, 4, '2027-08-01']);
    assert.equal(a.latest.studentYear, 3);
    next.free();
    a.addClause({ id: 'school.monthly_call', section: Section.SCHOOL, category: Category.INVOLVEMENT_SCHOOL,
      fromRole: PartyRole.SCHOOL, toRole: PartyRole.GUARDIAN });
    a.setClauseText('school.monthly_call', 'Elke maand belt de mentor.', 'The mentor calls every month.');
    a.setMinCount('school.monthly_call', ContactKind.MENTOR_CALL, 1, Period.MONTH);
    const log = new triad.ContactLog();
    log.add({ id: 'c1', date: '2026-09-10', kind: ContactKind.MENTOR_CALL, channel: triad.Channel.PHONE,
      initiator: triad.Initiator.SCHOOL, tone: triad.Tone.NEUTRAL, household: 'h1', students: ['s1'] });
    const rep = triad.compliance.check(a, log, '2026-10-01');
    log.free();
    assert.equal(rep.checked, a.latest.commitments.length);
    const monthly = rep.findings.filter((x) => x.clause === 'school.monthly_call');
    assert.deepEqual(monthly.map((x) => [x.kind, iso(x.from), iso(x.to), x.expected, x.actual]),
      [[CommitmentKind.MIN_COUNT, '2026-08-01', '2026-08-31', 1, 0]]);
    assert.match(rep.json, /school\.monthly_call/);
    assert.ok(!rep.kept && rep.textEn.length > 0);
  } finally {
    a.free();
    r.free();
  }
});
