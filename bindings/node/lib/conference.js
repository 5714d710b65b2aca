'use strict';
// Parent–teacher conferences (tienminutengesprekken): the instance, the
// schedule, the checker, the bound and the solver (triad/conference.h).
//
// A result and a report keep their own copies of every id: they do not refer
// to the instance and may outlive it. Meetings, unscheduled requests and
// violations are returned as plain objects (copies).

const { koffi, func, text, int } = require('./ffi');
const { check, checkPtr, throwLast } = require('./error');
const { Handle } = require('./handle');
const date = require('./date');

for (const n of ['triad_conference', 'triad_conference_result', 'triad_conference_report']) koffi.opaque(n);
for (const n of ['triad_conference_priority', 'triad_conference_preference', 'triad_conference_setting',
  'triad_conference_metric', 'triad_conference_reason', 'triad_conference_violation',
  'triad_conference_stat', 'triad_solve_phase']) koffi.alias(n, 'int');

const ProgressFn = koffi.proto('int triad_solve_progress_fn(triad_solve_phase phase, int64_t best_cost, double fraction, void *payload)');
koffi.struct('triad_solve_options', {
  version: 'unsigned int',
  seed: 'uint64_t',
  max_iterations: 'int64_t',
  time_limit_seconds: 'double',
  progress: 'triad_solve_progress_fn *',
  payload: 'void *',
  progress_interval: 'int64_t',
});

const Priority = Object.freeze({ NONE: 0, INVITED: 1, REQUIRED: 2, OPTIONAL: 3 });
const Preference = Object.freeze({ NONE: 0, EARLY: 1, LATE: 2 });
const Setting = Object.freeze({
  NONE: 0, WEIGHT_UNSCHEDULED: 1, WEIGHT_EXTRA_SESSION: 2, WEIGHT_WAIT: 3, WEIGHT_IDLE: 4,
  WEIGHT_PREFERENCE: 5, MOVE_PENALTY: 6, PRIORITY_INVITED: 7, PRIORITY_REQUIRED: 8,
  PRIORITY_OPTIONAL: 9, TEACHER_MAX_MEETINGS: 10, TEACHER_BREAK_AFTER: 11,
  HOUSEHOLD_MAX_SESSIONS: 12, HOUSEHOLD_MAX_WAIT: 13, WALKING_GAP: 14,
});
const Metric = Object.freeze({
  NONE: 0, UNSCHEDULED_WEIGHT: 1, EXTRA_SESSIONS: 2, HOUSEHOLD_WAIT_SLOTS: 3,
  TEACHER_IDLE_SLOTS: 4, PREFERENCE_MISSES: 5, MOVED_MEETINGS: 6, COST: 7,
  SCHEDULABLE_WEIGHT_BOUND: 8, SCHEDULED_WEIGHT: 9, TOTAL_WEIGHT: 10,
});
const Reason = Object.freeze({
  NONE: 0, NOT_PLACED: 1, NO_COMMON_SLOT: 2, TEACHER_CAP: 3, HOUSEHOLD_SESSION_CAP: 4,
  NO_FREE_SLOT: 5, WAIT_CAP: 6, PIN_CONFLICT: 7,
});
const Violation = Object.freeze({
  NONE: 0, TEACHER_DOUBLE_BOOKED: 1, HOUSEHOLD_DOUBLE_BOOKED: 2, OUTSIDE_SESSION: 3,
  IN_BREAK: 4, HOUSEHOLD_UNAVAILABLE: 5, TEACHER_UNAVAILABLE: 6, TEACHER_CAP: 7,
  TEACHER_NO_BREAK: 8, HOUSEHOLD_SESSION_CAP: 9, HOUSEHOLD_WAIT_CAP: 10, WALKING_GAP: 11,
  PIN_MOVED: 12, WRONG_ROOM: 13, DUPLICATE_MEETING: 14, UNKNOWN_REFERENCE: 15,
});
const Stat = Object.freeze({
  NONE: 0, SEED: 1, ITERATIONS: 2, IMPROVEMENTS: 3, CONSTRUCT_COST: 4, ELAPSED_MS: 5,
  CANCELED: 6, TIME_LIMIT_HIT: 7, PROVEN_OPTIMAL: 8,
});
const SolvePhase = Object.freeze({ NONE: 0, BOUND: 1, CONSTRUCT: 2, IMPROVE: 3, DONE: 4 });

const C = 'const triad_conference *conf';
const R = 'const triad_conference_result *result';
const P = 'const triad_conference_report *report';

const cSolveOptionsInit = func('int triad_solve_options_init(_Out_ triad_solve_options *opts, unsigned int version)');
const cLoadJson = func('int triad_conference_load_json(_Out_ triad_conference **out, const char *text, size_t len, const char *source)');
const cLoadFile = func('int triad_conference_load_file(_Out_ triad_conference **out, const char *filename)');
const cSaveJson = func(`int triad_conference_save_json(_Out_ triad_owned_str *out, ${C})`);
const cSaveFile = func(`int triad_conference_save_file(${C}, const char *filename)`);
const cFree = func('void triad_conference_free(triad_conference *conf)');
const cSettingGet = func(`int triad_conference_setting_get(_Out_ int64_t *out, ${C}, triad_conference_setting setting)`);
const cSettingSet = func('int triad_conference_setting_set(triad_conference *conf, triad_conference_setting setting, int64_t value)');
const cSettingId = func('const char *triad_conference_setting_id(triad_conference_setting setting)');
const cPin = func('int triad_conference_pin(triad_conference *conf, const char *request_id, const char *session_id, int32_t slot)');
const cUnpin = func('int triad_conference_unpin(triad_conference *conf, const char *request_id)');
const cPinResult = func(`int triad_conference_pin_result(triad_conference *conf, ${R})`);

const cCount = {};
for (const k of ['session', 'room', 'teacher', 'household', 'request']) {
  cCount[k] = func(`size_t triad_conference_${k}_count(${C})`);
}
const cIndex = {};
for (const k of ['session', 'teacher', 'household', 'request']) {
  cIndex[k] = func(`int triad_conference_${k}_index(_Out_ size_t *out, ${C}, const char *id)`);
}
const cId = {};
for (const k of ['session', 'room', 'teacher', 'household', 'request']) {
  cId[k] = func(`const char *triad_conference_${k}_id(${C}, size_t ${k})`);
}
const cName = {};
for (const k of ['room', 'teacher', 'household']) {
  cName[k] = func(`const char *triad_conference_${k}_name(${C}, size_t ${k})`);
}
const cSessionDate = func(`int triad_conference_session_date(_Out_ triad_date *out, ${C}, size_t session)`);
const cSession = {};
for (const k of ['start', 'slot_minutes', 'gap_minutes', 'slots']) {
  cSession[k] = func(`int32_t triad_conference_session_${k}(${C}, size_t session)`);
}
const cSlotStart = func(`int32_t triad_conference_slot_start(${C}, size_t session, int32_t slot)`);
const cBreakCount = func(`size_t triad_conference_session_break_count(${C}, size_t session)`);
const cBreak = func(`int triad_conference_session_break(_Out_ int32_t *from, _Out_ int32_t *to, ${C}, size_t session, size_t index)`);
const cTeacherPresent = func(`int triad_conference_teacher_present(${C}, size_t teacher, size_t session)`);
const cTeacherRoom = func(`const char *triad_conference_teacher_room(${C}, size_t teacher, size_t session)`);
const cTeacherMaxMeetings = func(`int32_t triad_conference_teacher_max_meetings(${C}, size_t teacher, size_t session)`);
const cTeacherBreakAfter = func(`int32_t triad_conference_teacher_break_after(${C}, size_t teacher)`);
const cHouseholdStudentCount = func(`size_t triad_conference_household_student_count(${C}, size_t household)`);
const cHouseholdStudent = func(`const char *triad_conference_household_student(${C}, size_t household, size_t index)`);
const cHouseholdPreference = func(`triad_conference_preference triad_conference_household_preference(${C}, size_t household)`);
const cHouseholdMaxSessions = func(`int32_t triad_conference_household_max_sessions(${C}, size_t household)`);
const cHouseholdMaxWait = func(`int32_t triad_conference_household_max_wait(${C}, size_t household)`);
const cRequestHousehold = func(`int32_t triad_conference_request_household(${C}, size_t request)`);
const cRequestTeacherCount = func(`size_t triad_conference_request_teacher_count(${C}, size_t request)`);
const cRequestTeacher = func(`int32_t triad_conference_request_teacher(${C}, size_t request, size_t index)`);
const cRequestStudentCount = func(`size_t triad_conference_request_student_count(${C}, size_t request)`);
const cRequestStudent = func(`const char *triad_conference_request_student(${C}, size_t request, size_t index)`);
const cRequestSlots = func(`int32_t triad_conference_request_slots(${C}, size_t request)`);
const cRequestPriority = func(`triad_conference_priority triad_conference_request_priority(${C}, size_t request)`);
const cRequestPin = func(`int triad_conference_request_pin(_Out_ size_t *session, _Out_ int32_t *slot, ${C}, size_t request)`);

const cResultFromMeetings = func(`int triad_conference_result_from_meetings(_Out_ triad_conference_result **out, ${C}, const char **requests, const char **sessions, const int32_t *slots, size_t count)`);
const cResultLoadJson = func(`int triad_conference_result_load_json(_Out_ triad_conference_result **out, ${C}, const char *text, size_t len, const char *source)`);
const cResultLoadFile = func(`int triad_conference_result_load_file(_Out_ triad_conference_result **out, ${C}, const char *filename)`);
const cResultSaveJson = func(`int triad_conference_result_save_json(_Out_ triad_owned_str *out, ${R})`);
const cResultSaveFile = func(`int triad_conference_result_save_file(${R}, const char *filename)`);
const cResultFree = func('void triad_conference_result_free(triad_conference_result *result)');
const cResultMetric = func(`int triad_conference_result_metric(_Out_ int64_t *out, ${R}, triad_conference_metric metric)`);
const cResultStat = func(`int triad_conference_result_stat(_Out_ int64_t *out, ${R}, triad_conference_stat stat)`);
const cResultSetting = func(`int triad_conference_result_setting(_Out_ int64_t *out, ${R}, triad_conference_setting setting)`);
const cMetricId = func('const char *triad_conference_metric_id(triad_conference_metric metric)');
const cReasonId = func('const char *triad_conference_reason_id(triad_conference_reason reason)');
const cViolationId = func('const char *triad_conference_violation_id(triad_conference_violation kind)');
const cStatId = func('const char *triad_conference_stat_id(triad_conference_stat stat)');
const cMeetingCount = func(`size_t triad_conference_result_meeting_count(${R})`);
const cMeeting = {};
for (const k of ['request', 'household', 'session', 'room']) {
  cMeeting[k] = func(`const char *triad_conference_result_meeting_${k}(${R}, size_t meeting)`);
}
const cMeetingSlot = func(`int32_t triad_conference_result_meeting_slot(${R}, size_t meeting)`);
const cMeetingSlots = func(`int32_t triad_conference_result_meeting_slots(${R}, size_t meeting)`);
const cMeetingTeacherCount = func(`size_t triad_conference_result_meeting_teacher_count(${R}, size_t meeting)`);
const cMeetingTeacher = func(`const char *triad_conference_result_meeting_teacher(${R}, size_t meeting, size_t index)`);
const cMeetingPinned = func(`int triad_conference_result_meeting_pinned(${R}, size_t meeting)`);
const cUnscheduledCount = func(`size_t triad_conference_result_unscheduled_count(${R})`);
const cUnscheduledRequest = func(`const char *triad_conference_result_unscheduled_request(${R}, size_t index)`);
const cUnscheduledReason = func(`triad_conference_reason triad_conference_result_unscheduled_reason(${R}, size_t index)`);
const cUnscheduledMessage = func(`const char *triad_conference_result_unscheduled_message(${R}, size_t index)`);
const cTeacherMeetings = func(`int triad_conference_result_teacher_meetings(_Inout_ size_t *out, size_t cap, ${R}, const char *teacher_id)`);
const cHouseholdMeetings = func(`int triad_conference_result_household_meetings(_Inout_ size_t *out, size_t cap, ${R}, const char *household_id)`);

const cCheck = func(`int triad_conference_check(_Out_ triad_conference_report **out, ${C}, ${R})`);
const cReportFree = func('void triad_conference_report_free(triad_conference_report *report)');
const cViolationCount = func(`size_t triad_conference_report_violation_count(${P})`);
const cViolationKind = func(`triad_conference_violation triad_conference_report_violation_kind(${P}, size_t index)`);
const cViolation = {};
for (const k of ['message', 'request', 'other_request', 'teacher', 'household', 'session']) {
  cViolation[k] = func(`const char *triad_conference_report_violation_${k}(${P}, size_t index)`);
}
const cReportMetric = func(`int triad_conference_report_metric(_Out_ int64_t *out, ${P}, triad_conference_metric metric)`);
const cBound = func(`int triad_conference_bound(_Out_ int64_t *out, ${C})`);
const cSolve = func(`int triad_conference_solve(_Out_ triad_conference_result **out, ${C}, const triad_solve_options *options, ${R})`);

/** Index getters return -1 (or NULL) with the error recorded for a bad index. */
const nonneg = (v) => { if (v < 0) throwLast(-1); return v; };
const num = (v) => (typeof v === 'bigint' ? Number(v) : v);
function i64(cfn, ...args) {
  const out = [0];
  check(cfn(out, ...args));
  return num(out[0]);
}
const opt = (v, what) => (v === null || v === undefined ? null : text(v, what));
const asBuffer = (json) => (Buffer.isBuffer(json) ? json : Buffer.from(text(json, 'text'), 'utf8'));

const ids = (cfn) => Object.freeze({ id: (v) => checkPtr(cfn(int(v, 'value'))) });
/** Stable string ids of settings, metrics, reasons, violations and statistics. */
const settingId = (s) => checkPtr(cSettingId(int(s, 'setting')));
const metricId = (m) => checkPtr(cMetricId(int(m, 'metric')));
const reasonId = (r) => checkPtr(cReasonId(int(r, 'reason')));
const violationId = (v) => checkPtr(cViolationId(int(v, 'violation')));
const statId = (s) => checkPtr(cStatId(int(s, 'stat')));

/** Index-based views of an instance; they keep it alive and throw once it is freed. */
class View {
  constructor(conf, index) {
    this._conf = conf;
    this.index = index;
  }

  get _c() { return this._conf._h; }
}

class Session extends View {
  get id() { return checkPtr(cId.session(this._c, this.index)); }
  get date() {
    const out = [0];
    check(cSessionDate(out, this._c, this.index));
    return date.fromDays(out[0]);
  }

  /** Start in minutes after midnight. */
  get start() { return nonneg(cSession.start(this._c, this.index)); }
  get slotMinutes() { return nonneg(cSession.slot_minutes(this._c, this.index)); }
  get gapMinutes() { return nonneg(cSession.gap_minutes(this._c, this.index)); }
  get slots() { return nonneg(cSession.slots(this._c, this.index)); }
  /** Start of a slot in minutes after midnight. */
  slotStart(slot) { return nonneg(cSlotStart(this._c, this.index, int(slot, 'slot'))); }
  /** Slot ranges [from, to) in which nobody meets. */
  get breaks() {
    const n = Number(cBreakCount(this._c, this.index));
    return Array.from({ length: n }, (_, i) => {
      const f = [0]; const t = [0];
      check(cBreak(f, t, this._c, this.index, i));
      return [f[0], t[0]];
    });
  }
}

class Room extends View {
  get id() { return checkPtr(cId.room(this._c, this.index)); }
  get name() { return checkPtr(cName.room(this._c, this.index)); }
}

class Teacher extends View {
  get id() { return checkPtr(cId.teacher(this._c, this.index)); }
  get name() { return checkPtr(cName.teacher(this._c, this.index)); }
  /** Effective "break after K consecutive slots"; 0: none. */
  get breakAfter() { return nonneg(cTeacherBreakAfter(this._c, this.index)); }
  present(session) { return check(cTeacherPresent(this._c, this.index, this._conf._sessionIndex(session))) !== 0; }
  /** Room id in a session; null when absent. */
  room(session) { return cTeacherRoom(this._c, this.index, this._conf._sessionIndex(session)); }
  maxMeetings(session) { return nonneg(cTeacherMaxMeetings(this._c, this.index, this._conf._sessionIndex(session))); }
}

class ConferenceHousehold extends View {
  get id() { return checkPtr(cId.household(this._c, this.index)); }
  get name() { return checkPtr(cName.household(this._c, this.index)); }
  get preference() { return cHouseholdPreference(this._c, this.index); }
  get maxSessions() { return nonneg(cHouseholdMaxSessions(this._c, this.index)); }
  get maxWait() { return nonneg(cHouseholdMaxWait(this._c, this.index)); }
  get students() {
    const n = Number(cHouseholdStudentCount(this._c, this.index));
    return Array.from({ length: n }, (_, i) => checkPtr(cHouseholdStudent(this._c, this.index, i)));
  }
}

class Request extends View {
  get id() { return checkPtr(cId.request(this._c, this.index)); }
  get slots() { return nonneg(cRequestSlots(this._c, this.index)); }
  get priority() { return cRequestPriority(this._c, this.index); }
  get household() { return new ConferenceHousehold(this._conf, nonneg(cRequestHousehold(this._c, this.index))); }
  get teachers() {
    const n = Number(cRequestTeacherCount(this._c, this.index));
    return Array.from({ length: n }, (_, i) => new Teacher(this._conf, nonneg(cRequestTeacher(this._c, this.index, i))));
  }

  get students() {
    const n = Number(cRequestStudentCount(this._c, this.index));
    return Array.from({ length: n }, (_, i) => checkPtr(cRequestStudent(this._c, this.index, i)));
  }

  /** { session, slot } when pinned, else null. */
  get pin() {
    const s = [0]; const slot = [0];
    if (check(cRequestPin(s, slot, this._c, this.index)) === 0) return null;
    return { session: new Session(this._conf, Number(s[0])), slot: slot[0] };
  }
}

function meetingOf(h, i) {
  const n = Number(cMeetingTeacherCount(h, i));
  return {
    request: checkPtr(cMeeting.request(h, i)),
    household: checkPtr(cMeeting.household(h, i)),
    session: checkPtr(cMeeting.session(h, i)),
    room: checkPtr(cMeeting.room(h, i)),
    slot: nonneg(cMeetingSlot(h, i)),
    slots: nonneg(cMeetingSlots(h, i)),
    teachers: Array.from({ length: n }, (_, t) => checkPtr(cMeetingTeacher(h, i, t))),
    pinned: check(cMeetingPinned(h, i)) !== 0,
  };
}

/** A schedule (triad.conference-result/1). */
class Result extends Handle {
  constructor(ptr) { super(ptr, cResultFree, 'conference result'); }

  save() {
    const out = [null];
    check(cResultSaveJson(out, this._h));
    return out[0];
  }

  saveFile(filename) { check(cResultSaveFile(this._h, text(filename, 'filename'))); }
  metric(m) { return i64(cResultMetric, this._h, int(m, 'metric')); }
  stat(s) { return i64(cResultStat, this._h, int(s, 'stat')); }
  /** The setting the result was solved with. */
  setting(s) { return i64(cResultSetting, this._h, int(s, 'setting')); }
  /** Every metric by id, e.g. { cost: 1204, ... }. */
  get metrics() {
    const out = {};
    for (const m of Object.values(Metric)) if (m) out[metricId(m)] = this.metric(m);
    return out;
  }

  get meetings() {
    const h = this._h;
    return Array.from({ length: Number(cMeetingCount(h)) }, (_, i) => meetingOf(h, i));
  }

  get unscheduled() {
    const h = this._h;
    return Array.from({ length: Number(cUnscheduledCount(h)) }, (_, i) => ({
      request: checkPtr(cUnscheduledRequest(h, i)),
      reason: cUnscheduledReason(h, i),
      message: checkPtr(cUnscheduledMessage(h, i)),
    }));
  }

  _indices(cfn, key) {
    let cap = 16;
    for (;;) {
      const buf = new Array(cap).fill(0);
      const n = check(cfn(buf, cap, this._h, text(key, 'id')));
      if (n <= cap) return buf.slice(0, n).map((i) => meetingOf(this._h, Number(i)));
      cap = n;
    }
  }

  /** A teacher's meetings (joint ones included) in time order. */
  teacherMeetings(teacherId) { return this._indices(cTeacherMeetings, teacherId); }
  /** A household's meetings in time order. */
  householdMeetings(householdId) { return this._indices(cHouseholdMeetings, householdId); }
}

/** What the checker found: violations and recomputed metrics. */
class Report extends Handle {
  constructor(ptr) { super(ptr, cReportFree, 'conference report'); }

  get violations() {
    const h = this._h;
    return Array.from({ length: Number(cViolationCount(h)) }, (_, i) => ({
      kind: cViolationKind(h, i),
      message: checkPtr(cViolation.message(h, i)),
      request: cViolation.request(h, i),
      otherRequest: cViolation.other_request(h, i),
      teacher: cViolation.teacher(h, i),
      household: cViolation.household(h, i),
      session: cViolation.session(h, i),
    }));
  }

  /** Whether no hard constraint is broken. */
  get ok() { return Number(cViolationCount(this._h)) === 0; }
  metric(m) { return i64(cReportMetric, this._h, int(m, 'metric')); }
}

/** A conference instance (triad.conference/1). */
class Conference extends Handle {
  constructor(ptr) { super(ptr, cFree, 'conference'); }

  static load(json, source = null) {
    const buf = asBuffer(json);
    const out = [null];
    check(cLoadJson(out, buf, buf.length, opt(source, 'source')));
    return new Conference(out[0]);
  }

  static loadFile(filename) {
    const out = [null];
    check(cLoadFile(out, text(filename, 'filename')));
    return new Conference(out[0]);
  }

  save() {
    const out = [null];
    check(cSaveJson(out, this._h));
    return out[0];
  }

  saveFile(filename) { check(cSaveFile(this._h, text(filename, 'filename'))); }
  setting(s) { return i64(cSettingGet, this._h, int(s, 'setting')); }
  setSetting(s, value) { check(cSettingSet(this._h, int(s, 'setting'), int(value, 'value', -(2 ** 53), 2 ** 53))); }
  pin(requestId, sessionId, slot) {
    check(cPin(this._h, text(requestId, 'requestId'), text(sessionId, 'sessionId'), int(slot, 'slot')));
  }

  unpin(requestId) { check(cUnpin(this._h, text(requestId, 'requestId'))); }
  pinResult(result) { check(cPinResult(this._h, result._h)); }

  _all(kind, Cls) {
    return Array.from({ length: Number(cCount[kind](this._h)) }, (_, i) => new Cls(this, i));
  }

  _find(kind, Cls, id) {
    const out = [0];
    check(cIndex[kind](out, this._h, text(id, 'id')));
    return new Cls(this, Number(out[0]));
  }

  _sessionIndex(s) {
    if (s instanceof Session) return s.index;
    if (typeof s === 'string') return this.session(s).index;
    return int(s, 'session', 0, Number.MAX_SAFE_INTEGER);
  }

  get sessions() { return this._all('session', Session); }
  get rooms() { return this._all('room', Room); }
  get teachers() { return this._all('teacher', Teacher); }
  get households() { return this._all('household', ConferenceHousehold); }
  get requests() { return this._all('request', Request); }
  session(id) { return this._find('session', Session, id); }
  teacher(id) { return this._find('teacher', Teacher, id); }
  household(id) { return this._find('household', ConferenceHousehold, id); }
  request(id) { return this._find('request', Request, id); }

  /** A result from [requestId, sessionId, slot] triples (a hand-made schedule). */
  resultFromMeetings(meetings) {
    const reqs = meetings.map((m) => text(m[0], 'request'));
    const sess = meetings.map((m) => text(m[1], 'session'));
    const slots = Int32Array.from(meetings.map((m) => int(m[2], 'slot')));
    const out = [null];
    check(cResultFromMeetings(out, this._h, reqs, sess, slots, meetings.length));
    return new Result(out[0]);
  }

  loadResult(json, source = null) {
    const buf = asBuffer(json);
    const out = [null];
    check(cResultLoadJson(out, this._h, buf, buf.length, opt(source, 'source')));
    return new Result(out[0]);
  }

  loadResultFile(filename) {
    const out = [null];
    check(cResultLoadFile(out, this._h, text(filename, 'filename')));
    return new Result(out[0]);
  }

  check(result) {
    const out = [null];
    check(cCheck(out, this._h, result._h));
    return new Report(out[0]);
  }

  /** Upper bound on the priority weight that can be scheduled at all. */
  bound() { return i64(cBound, this._h); }

  /**
   * Schedule every request. progress(phase, bestCost, fraction) is called
   * between phases and every progressInterval iterations; returning false
   * (or throwing) stops the run; the exception is rethrown once the solver
   * has returned.
   */
  solve({ seed = 1, maxIterations = 0, timeLimit = 0, progress = null, progressInterval = 0,
    previous = null } = {}) {
    const opts = {};
    check(cSolveOptionsInit(opts, 1));
    opts.seed = seed;
    opts.max_iterations = maxIterations;
    opts.time_limit_seconds = timeLimit;
    opts.progress_interval = progressInterval;
    let raised = null;
    let cb = null;
    if (progress) {
      // koffi would turn an exception into "continue": catch it here.
      cb = koffi.register((phase, best, fraction) => {
        try {
          return progress(phase, num(best), fraction) === false ? 1 : 0;
        } catch (err) {
          raised = err;
          return 1;
        }
      }, koffi.pointer(ProgressFn));
      opts.progress = cb;
    }
    const out = [null];
    let rc;
    try {
      rc = cSolve(out, this._h, opts, previous ? previous._h : null);
    } finally {
      if (cb) koffi.unregister(cb);
    }
    if (rc === 0) {
      const result = new Result(out[0]);
      if (raised) {
        result.free();
        throw raised;
      }
      return result;
    }
    if (raised) throw raised;
    check(rc);
    throw new Error('unreachable');
  }
}

module.exports = {
  Priority, Preference, Setting, Metric, Reason, Violation, Stat, SolvePhase,
  settingId, metricId, reasonId, violationId, statId,
  Conference, Result, Report, Session, Room, Teacher, ConferenceHousehold, Request,
};
