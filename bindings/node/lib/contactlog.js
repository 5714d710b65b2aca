'use strict';
// The contact log: what happened between home and school, as a JSON
// document or JSON Lines streamed entry by entry, with privacy tools
// (triad/contactlog.h). Entries are plain objects:
// { id, date, minute?, kind, channel, initiator, tone, reached?, household,
//   staff?, answers?, studentPresent?, guardians?, students? }.

const { koffi, func, text, int } = require('./ffi');
const { check, checkPtr } = require('./error');
const { Handle } = require('./handle');
const date = require('./date');
const { takeList } = require('./strlist');

for (const n of ['triad_contactlog', 'triad_contact_reader', 'triad_contact_writer']) koffi.opaque(n);
koffi.alias('triad_initiator', 'int');
koffi.alias('triad_tone', 'int');
koffi.struct('triad_contact', {
  version: 'unsigned int',
  id: 'const char *',
  date: 'triad_date',
  minute: 'int32_t',
  kind: 'triad_contact_kind',
  channel: 'triad_channel',
  initiator: 'triad_initiator',
  tone: 'triad_tone',
  reached: 'int',
  household: 'const char *',
  staff: 'const char *',
  answers: 'const char *',
  student_present: 'int',
  guardians: 'const char **',
  guardian_count: 'size_t',
  students: 'const char **',
  student_count: 'size_t',
});

const Initiator = Object.freeze({ NONE: 0, SCHOOL: 1, PARENT: 2, STUDENT: 3 });
const Tone = Object.freeze({ NONE: 0, POSITIVE: 1, NEUTRAL: 2, CONCERN: 3 });

const cInitiatorId = func('const char *triad_initiator_id(triad_initiator initiator)');
const cInitiatorFromId = func('int triad_initiator_from_id(_Out_ triad_initiator *out, const char *id)');
const cToneId = func('const char *triad_tone_id(triad_tone tone)');
const cToneFromId = func('int triad_tone_from_id(_Out_ triad_tone *out, const char *id)');
const cContactInit = func('int triad_contact_init(_Out_ triad_contact *c, unsigned int version)');
const cContactValidate = func('int triad_contact_validate(const triad_contact *c)');
const cNew = func('int triad_contactlog_new(_Out_ triad_contactlog **out)');
const cFree = func('void triad_contactlog_free(triad_contactlog *log)');
const cCount = func('size_t triad_contactlog_count(const triad_contactlog *log)');
const cMemory = func('size_t triad_contactlog_memory(const triad_contactlog *log)');
const cAdd = func('int triad_contactlog_add(triad_contactlog *log, const triad_contact *entry)');
const cCorrect = func('int triad_contactlog_correct(triad_contactlog *log, const triad_contact *entry)');
const cRemove = func('int triad_contactlog_remove(triad_contactlog *log, const char *id)');
const cFind = func('int triad_contactlog_find(_Out_ size_t *out, const triad_contactlog *log, const char *id)');
const cGet = func('int triad_contactlog_get(_Inout_ triad_contact *out, const triad_contactlog *log, size_t index)');
const cGuardian = func('const char *triad_contactlog_guardian(const triad_contactlog *log, size_t index, size_t k)');
const cStudent = func('const char *triad_contactlog_student(const triad_contactlog *log, size_t index, size_t k)');
const cLoadString = func('int triad_contactlog_load_string(_Out_ triad_contactlog **out, const char *text, size_t len, const char *source)');
const cLoad = func('int triad_contactlog_load(_Out_ triad_contactlog **out, const char *filename)');
const cToJson = func('int triad_contactlog_to_json(_Out_ triad_owned_str *out, const triad_contactlog *log)');
const cSave = func('int triad_contactlog_save(const triad_contactlog *log, const char *filename)');
const cLoadJsonl = func('int triad_contactlog_load_jsonl(_Out_ triad_contactlog **out, const char *filename)');
const cSaveJsonl = func('int triad_contactlog_save_jsonl(const triad_contactlog *log, const char *filename)');
const cReaderOpen = func('int triad_contact_reader_open(_Out_ triad_contact_reader **out, const char *filename)');
const cReaderNext = func('int triad_contact_reader_next(_Out_ int *got, _Inout_ triad_contact *out, triad_contact_reader *r)');
const cReaderLine = func('size_t triad_contact_reader_line(const triad_contact_reader *r)');
const cReaderFree = func('void triad_contact_reader_free(triad_contact_reader *r)');
const cWriterOpen = func('int triad_contact_writer_open(_Out_ triad_contact_writer **out, const char *filename)');
const cWriterWrite = func('int triad_contact_writer_write(triad_contact_writer *w, const triad_contact *entry)');
const cWriterClose = func('int triad_contact_writer_close(triad_contact_writer *w)');
const cWriterFree = func('void triad_contact_writer_free(triad_contact_writer *w)');
const cForHousehold = func('int triad_contactlog_for_household(_Out_ triad_contactlog **out, const triad_contactlog *log, const char *household)');
const cPseudonym = func('int triad_pseudonym(_Out_ triad_owned_str *out, const char *id, const uint8_t *key, size_t keylen)');
const cPseudonymize = func('int triad_contactlog_pseudonymize(_Out_ triad_contactlog **out, const triad_contactlog *log, const uint8_t *key, size_t keylen)');
const cErase = func('int triad_contactlog_erase(_Out_ triad_strlist **out_removed, _Out_ size_t *out_changed, triad_contactlog *log, const char *id)');
const cRetain = func('int triad_contactlog_retain(_Out_ size_t *out_removed, triad_contactlog *log, triad_date as_of, int school_years)');

const opt = (v, what) => (v === null || v === undefined ? null : text(v, what));
function out1(cfn, ...args) {
  const o = [null];
  check(cfn(o, ...args));
  return o[0];
}
const initiator = Object.freeze({
  id: (i) => checkPtr(cInitiatorId(int(i, 'initiator'))),
  fromId: (id) => out1(cInitiatorFromId, text(id, 'id')),
});
const tone = Object.freeze({
  id: (t) => checkPtr(cToneId(int(t, 'tone'))),
  fromId: (id) => out1(cToneFromId, text(id, 'id')),
});

function toC(e) {
  const c = {};
  check(cContactInit(c, 1));
  const g = (e.guardians || []).map((x) => text(x, 'guardians'));
  const s = (e.students || []).map((x) => text(x, 'students'));
  Object.assign(c, {
    id: text(e.id, 'id'),
    date: date.toDays(e.date),
    minute: int(e.minute || 0, 'minute'),
    kind: int(e.kind, 'kind'),
    channel: int(e.channel, 'channel'),
    initiator: int(e.initiator, 'initiator'),
    tone: int(e.tone, 'tone'),
    reached: e.reached === false ? 0 : 1,
    household: text(e.household, 'household'),
    staff: opt(e.staff, 'staff'),
    answers: opt(e.answers, 'answers'),
    student_present: e.studentPresent ? 1 : 0,
    guardians: g.length ? g : null,
    guardian_count: g.length,
    students: s.length ? s : null,
    student_count: s.length,
  });
  return c;
}

function fromC(c, guardians, students) {
  return {
    id: c.id,
    date: date.fromDays(c.date),
    minute: c.minute,
    kind: c.kind,
    channel: c.channel,
    initiator: c.initiator,
    tone: c.tone,
    reached: c.reached !== 0,
    household: c.household,
    staff: c.staff,
    answers: c.answers,
    studentPresent: c.student_present !== 0,
    guardians,
    students,
  };
}

const strArray = (p, n) => (Number(n) ? koffi.decode(p, koffi.array('const char *', Number(n), 'Array')) : []);

/** Check one entry on its own, as ContactLog.add() does. */
function validate(entry) { check(cContactValidate(toC(entry))); }

/** A keyed pseudonym for one id ("p" and 24 hex digits); key: 16..64 bytes. */
function pseudonym(id, key) {
  const k = Buffer.from(key);
  return out1(cPseudonym, text(id, 'id'), k, k.length);
}

/** A log of contacts between home and school. */
class ContactLog extends Handle {
  constructor(ptr = null) { super(ptr === null ? out1(cNew) : ptr, cFree, 'contact log'); }
  static load(json, source = null) {
    const b = Buffer.isBuffer(json) ? json : Buffer.from(text(json, 'text'), 'utf8');
    return new ContactLog(out1(cLoadString, b, b.length, opt(source, 'source')));
  }

  static loadFile(filename) { return new ContactLog(out1(cLoad, text(filename, 'filename'))); }
  /** Load JSON Lines; errors carry the line number. */
  static loadJsonl(filename) { return new ContactLog(out1(cLoadJsonl, text(filename, 'filename'))); }
  toJSON() { return JSON.parse(this.toJson()); }
  toJson() { return out1(cToJson, this._h); }
  save(filename) { check(cSave(this._h, text(filename, 'filename'))); }
  saveJsonl(filename) { check(cSaveJsonl(this._h, text(filename, 'filename'))); }
  get length() { return Number(cCount(this._h)); }
  /** Bytes of memory the log holds. */
  get memory() { return Number(cMemory(this._h)); }
  add(entry) { check(cAdd(this._h, toC(entry))); }
  /** Replace the entry with the same id. */
  correct(entry) { check(cCorrect(this._h, toC(entry))); }
  remove(id) { check(cRemove(this._h, text(id, 'id'))); }
  find(id) { return Number(out1(cFind, this._h, text(id, 'id'))); }
  at(i) {
    if (!Number.isInteger(i) || i < 0 || i >= this.length) return undefined;
    const c = {};
    check(cContactInit(c, 1));
    check(cGet(c, this._h, i));
    const g = Array.from({ length: Number(c.guardian_count) }, (_, k) => checkPtr(cGuardian(this._h, i, k)));
    const s = Array.from({ length: Number(c.student_count) }, (_, k) => checkPtr(cStudent(this._h, i, k)));
    return fromC(c, g, s);
  }

  get(id) { return this.at(this.find(id)); }
  * [Symbol.iterator]() { for (let i = 0; i < this.length; i++) yield this.at(i); }
  /** A new log with one household's entries. */
  forHousehold(household) { return new ContactLog(out1(cForHousehold, this._h, text(household, 'household'))); }
  /** A copy in which every id is replaced by its keyed pseudonym. */
  pseudonymize(key) {
    const k = Buffer.from(key);
    return new ContactLog(out1(cPseudonymize, this._h, k, k.length));
  }

  /** Erase a person or household: { removed: ids of removed entries, changed }. */
  erase(id) {
    const removed = [null]; const changed = [0];
    check(cErase(removed, changed, this._h, text(id, 'id')));
    return { removed: takeList(removed[0]), changed: Number(changed[0]) };
  }

  /** Drop entries older than a number of school years; returns how many. */
  retain(asOf, schoolYears) { return Number(out1(cRetain, this._h, date.toDays(asOf), int(schoolYears, 'schoolYears'))); }
}

/** Streams a JSON Lines log entry by entry: for (const e of reader) ... */
class ContactReader extends Handle {
  constructor(filename) { super(out1(cReaderOpen, text(filename, 'filename')), cReaderFree, 'contact reader'); }
  /** Line number of the entry last read (the format line is 1). */
  get line() { return Number(cReaderLine(this._h)); }
  /** The next entry, or null at the end. */
  next() {
    const got = [0];
    const c = {};
    check(cContactInit(c, 1));
    check(cReaderNext(got, c, this._h));
    if (!got[0]) return null;
    return fromC(c, strArray(c.guardians, c.guardian_count), strArray(c.students, c.student_count));
  }

  * [Symbol.iterator]() {
    for (let e = this.next(); e !== null; e = this.next()) yield e;
  }
}

/** Writes a JSON Lines log; the file appears only on commit(); free() abandons it. */
class ContactWriter extends Handle {
  constructor(filename) { super(out1(cWriterOpen, text(filename, 'filename')), cWriterFree, 'contact writer'); }
  write(entry) { check(cWriterWrite(this._h, toC(entry))); }
  /** Flush, sync and rename into place; the writer is done either way. */
  commit() { check(cWriterClose(this._detach())); }
}

module.exports = {
  Initiator, Tone, initiator, tone, validate, pseudonym, ContactLog, ContactReader, ContactWriter,
};
