'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const triad = require('..');

const { TriadError, ErrorCode } = triad;

test('version string and number agree', () => {
  const v = triad.version();
  assert.match(v, /^\d+\.\d+\.\d+$/);
  const [ma, mi, pa] = v.split('.').map(Number);
  assert.equal(triad.versionNumber(), (ma << 16) | (mi << 8) | pa);
  assert.equal(require('../package.json').version, v);
});

test('strerror covers every code', () => {
  assert.equal(triad.strerror(0), 'success');
  assert.equal(triad.strerror(ErrorCode.ENOTFOUND), 'not found');
  assert.equal(triad.strerror(ErrorCode.ECANCELED), 'canceled');
  assert.equal(triad.strerror(ErrorCode.EINTERNAL), 'internal error');
  assert.equal(triad.strerror(-999), 'unknown error');
  for (const code of Object.values(ErrorCode)) {
    assert.notEqual(triad.strerror(code), 'unknown error');
  }
});

test('failures throw TriadError with code and message; lastError/clearError', () => {
  assert.throws(() => triad.category.fromId('involvement.garden'), (e) => {
    assert.ok(e instanceof TriadError && e instanceof Error);
    assert.equal(e.code, ErrorCode.ENOTFOUND);
    assert.equal(e.codeName, 'ENOTFOUND');
    assert.match(e.message, /involvement\.garden/);
    assert.deepEqual([e.source, e.line, e.column, e.path], ['', 0, 0, '']);
    return true;
  });
  assert.throws(() => triad.date.parse('1 March 2025'), { code: ErrorCode.EPARSE });
  const last = triad.lastError();
  assert.equal(last.code, ErrorCode.EPARSE);
  assert.equal(last.message, '"1 March 2025" is not a date of the form YYYY-MM-DD');
  triad.clearError();
  assert.deepEqual(triad.lastError(), { code: 0, message: '', source: '', line: 0, column: 0, path: '' });
});

test('dates', () => {
  const { date } = triad;
  // 2000-03-01: 10957 days to 2000-01-01 plus 31 + 29 = 11017.
  assert.equal(date.toDays('2000-03-01'), 11017);
  assert.equal(date.toDays(new Date(Date.UTC(2000, 2, 1, 23, 59))), 11017);
  assert.equal(date.fromDays(0).toISOString(), '1970-01-01T00:00:00.000Z');
  assert.equal(date.fromDays(-1).toISOString(), '1969-12-31T00:00:00.000Z');
  assert.equal(date.format(date.fromYmd(7, 3, 9)), '0007-03-09');
  assert.deepEqual(date.toYmd('2024-02-29'), { year: 2024, month: 2, day: 29 });
  assert.throws(() => date.fromYmd(2025, 2, 29), { code: ErrorCode.EINVAL });
  assert.throws(() => date.parse('2026-02-30'),
    { code: ErrorCode.EPARSE, message: 'the date 2026-02-30 does not exist' });
  assert.throws(() => date.parse('2026-02-01\0junk'), RangeError);
  assert.throws(() => date.toDays(20260201), TypeError);
  assert.throws(() => date.toDays(new Date(NaN)), RangeError);
  assert.throws(() => date.fromDays(2 ** 40), RangeError);
  // 2026-11-26 is a Thursday; 2021-01-03 is in ISO week 53 of 2020.
  assert.equal(date.weekday('2026-11-26'), 4);
  assert.deepEqual(date.isoWeek('2021-01-03'), { year: 2020, week: 53 });
  assert.deepEqual(date.isoWeek('2024-12-30'), { year: 2025, week: 1 });
  assert.equal(date.age('2008-02-29', '2026-02-28'), 17);
  assert.equal(date.age('2008-02-29', '2026-03-01'), 18);
  assert.throws(() => date.age('2010-01-01', '2009-12-31'), /before the birth date/);
  // Sampled agreement with JavaScript's own calendar, years 1..9999.
  for (let d = -719162; d < 2932896; d += 9973) {
    const js = new Date(d * 86400000);
    assert.equal(date.fromDays(d).getTime(), js.getTime());
    assert.equal(date.toDays(js), d);
    // The C calendar (triad_date_to_ymd) against JavaScript's.
    assert.deepEqual(date.toYmd(js), { year: js.getUTCFullYear(), month: js.getUTCMonth() + 1, day: js.getUTCDate() });
  }
  assert.throws(() => date.fromDays(-719163), { code: ErrorCode.EINVAL }); // 0000-12-31
});

test('categories, Epstein, intensity', () => {
  const { category, epstein, intensity, Category, Epstein, Intensity, Lang } = triad;
  assert.deepEqual(category.all().map(category.id), [
    'participation', 'participation.informal', 'participation.formal',
    'participation.formal.parent_council', 'participation.formal.participation_council',
    'responsibility', 'involvement', 'involvement.home', 'involvement.school',
    'involvement.development_support', 'partnership', 'partnership.pedagogical',
    'partnership.didactic', 'ownership']);
  assert.equal(category.count(), 14);
  assert.equal(category.at(0), Category.PARTICIPATION);
  assert.equal(category.at(99), Category.NONE);
  assert.equal(category.fromId('partnership.didactic'), Category.PARTNERSHIP_DIDACTIC);
  assert.equal(category.name(Category.INVOLVEMENT_HOME), 'thuisbetrokkenheid');
  assert.equal(category.name(Category.INVOLVEMENT_HOME, Lang.EN), 'involvement at home');
  assert.match(category.description(Category.PARTICIPATION_FORMAL, Lang.NL), /medezeggenschapsraad/);
  assert.equal(category.parent(Category.PARTICIPATION_FORMAL_PARENT_COUNCIL), Category.PARTICIPATION_FORMAL);
  assert.deepEqual(category.children(Category.INVOLVEMENT), [8, 9, 10]);
  assert.deepEqual(category.children(Category.OWNERSHIP), []);
  assert.ok(category.isA(Category.PARTICIPATION_FORMAL_PARTICIPATION_COUNCIL, Category.PARTICIPATION));
  assert.ok(!category.isA(Category.PARTNERSHIP, Category.PARTNERSHIP_DIDACTIC));
  assert.deepEqual(category.epstein(Category.PARTICIPATION), [Epstein.VOLUNTEERING, Epstein.DECISION_MAKING]);
  assert.deepEqual(epstein.categories(Epstein.VOLUNTEERING), [Category.PARTICIPATION, Category.PARTICIPATION_INFORMAL]);
  assert.equal(category.intensity(Category.PARTICIPATION_INFORMAL), Intensity.MEEHELPEN);
  assert.ok(category.valid(14) && !category.valid(15) && !category.valid(0) && !category.valid(1.5));
  assert.throws(() => category.name(Category.INVOLVEMENT, 3), { code: ErrorCode.EINVAL });
  assert.throws(() => category.id(Category.NONE), { code: ErrorCode.EINVAL });
  assert.equal(epstein.id(Epstein.DECISION_MAKING), 'decision_making');
  assert.equal(epstein.fromId('learning_at_home'), Epstein.LEARNING_AT_HOME);
  assert.ok(epstein.name(Epstein.PARENTING, Lang.EN).length > 0);
  assert.ok(epstein.valid(6) && !epstein.valid(7));
  assert.throws(() => epstein.fromId('gardening'), { code: ErrorCode.ENOTFOUND });
  assert.equal(intensity.fromId('meedoen'), Intensity.MEEHELPEN);
  assert.equal(intensity.id(Intensity.MEEDENKEN), 'meedenken');
  assert.ok(intensity.name(Intensity.MEELEVEN).length > 0);
  assert.ok(intensity.valid(4) && !intensity.valid(5));
});

test('contact kinds and channels', () => {
  const { contactKind, channel, ContactKind, Channel, Category, Lang } = triad;
  assert.deepEqual(contactKind.all().map(contactKind.id), [
    'intake', 'triangle', 'conference', 'mentor_call', 'home_visit',
    'theme_evening', 'information_evening', 'positive_note', 'concern']);
  assert.equal(contactKind.count(), 9);
  assert.equal(contactKind.fromId('mentor_call'), ContactKind.MENTOR_CALL);
  assert.equal(contactKind.name(ContactKind.CONFERENCE, Lang.NL), 'tienminutengesprek');
  assert.equal(contactKind.category(ContactKind.TRIANGLE), Category.OWNERSHIP);
  assert.equal(contactKind.defaultChannel(ContactKind.POSITIVE_NOTE), Channel.MESSAGE);
  assert.ok(contactKind.valid(9) && !contactKind.valid(10));
  assert.throws(() => contactKind.fromId('coffee'), /"coffee" is not a contact kind id/);
  assert.deepEqual(channel.all().map(channel.id), ['in_person', 'phone', 'video', 'email', 'message', 'letter']);
  assert.equal(channel.count(), 6);
  assert.equal(channel.fromId('letter'), Channel.LETTER);
  assert.equal(channel.name(Channel.IN_PERSON, Lang.NL), 'persoonlijk');
  assert.ok(channel.valid(6) && !channel.valid(0));
  assert.throws(() => channel.fromId('pigeon'), { code: ErrorCode.ENOTFOUND });
});

test('school types', () => {
  const st = new triad.SchoolTypes();
  try {
    assert.deepEqual([...st], ['vmbo-b', 'vmbo-k', 'vmbo-gl', 'vmbo-tl', 'havo', 'vwo', 'praktijkonderwijs']);
    assert.equal(st.size, 7);
    assert.ok(st.has('havo') && !st.has('gymnasium'));
    assert.equal(st.years('vwo'), 6);
    // 0.25 + 0.75 (y - 1) / 4 for havo's five years
    assert.deepEqual(st.curve('havo'), [0.25, 0.4375, 0.625, 0.8125, 1]);
    assert.equal(st.name('havo', triad.Lang.EN), 'havo (senior general secondary)');
    st.add('isk', 'internationale schakelklas', 'international transition class', 1);
    assert.equal(st.ownership('isk', 1), 1);
    st.setOwnership('vmbo-tl', [0.1, 0.2, 0.6, 0.9]);
    assert.deepEqual(st.curve('vmbo-tl'), [0.1, 0.2, 0.6, 0.9]);
    assert.throws(() => st.add('havo', 'x', 'y', 5), { code: ErrorCode.EEXISTS });
    assert.throws(() => st.add('Bad Id', 'x', 'y', 5), { code: ErrorCode.EINVAL });
    assert.throws(() => st.setOwnership('vmbo-tl', [0.1, 0.5, 0.4, 0.9]),
      (e) => e.code === ErrorCode.EINVAL && /year 3/.test(e.message));
    assert.deepEqual(st.curve('vmbo-tl'), [0.1, 0.2, 0.6, 0.9]);
    assert.throws(() => st.ownership('havo', 6), { code: ErrorCode.ERANGE });
    assert.throws(() => st.years('gymnasium'), { code: ErrorCode.ENOTFOUND, message: /gymnasium/ });
    assert.throws(() => st.add('a\0b', 'x', 'y', 4), RangeError);
    assert.throws(() => st.add('x', 'x', 'y', 2 ** 33), RangeError);
  } finally {
    st.free();
  }
  st.free(); // twice is harmless
  assert.ok(st.freed);
  assert.throws(() => st.years('havo'), /was freed/);
});
