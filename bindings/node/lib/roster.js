'use strict';
// The school roster: students, guardians, relations, households, staff and
// consent records, and the triad.school/1 format (triad/roster.h).
//
// Records (Student, Guardian, ...) are views that read the roster on each
// access and keep it alive; once the roster is freed they throw.

const { koffi, func, text, int } = require('./ffi');
const { check, checkPtr } = require('./error');
const { Handle } = require('./handle');
const date = require('./date');
const { takeList } = require('./strlist');
require('./schooltypes'); // declares triad_schooltypes

const FORMAT = 'triad.school/1';

for (const name of ['triad_relation_kind', 'triad_info_rights', 'triad_staff_role']) {
  koffi.alias(name, 'int');
}
for (const name of ['triad_roster', 'triad_student', 'triad_guardian', 'triad_household',
  'triad_staff', 'triad_relation', 'triad_consent']) {
  koffi.opaque(name);
}

koffi.struct('triad_student_info', {
  version: 'unsigned int',
  id: 'const char *',
  given_name: 'const char *',
  family_name: 'const char *',
  birth_date: 'triad_date',
  school_type: 'const char *',
  year: 'int',
  class_name: 'const char *',
  mentor_id: 'const char *',
  bridge_class: 'const char *',
});
koffi.struct('triad_guardian_info', {
  version: 'unsigned int',
  id: 'const char *',
  given_name: 'const char *',
  family_name: 'const char *',
  household_id: 'const char *',
  language: 'const char *',
  channel: 'triad_channel',
});
koffi.struct('triad_relation_info', {
  version: 'unsigned int',
  student_id: 'const char *',
  guardian_id: 'const char *',
  kind: 'triad_relation_kind',
  authority: 'int',
  lives_with: 'int',
  primary_contact: 'int',
  contact_priority: 'int',
  info_rights: 'triad_info_rights',
  restriction_reason: 'const char *',
  adult_informed: 'int',
  adult_cosigns: 'int',
});

/** triad_relation_kind */
const RelationKind = Object.freeze({
  NONE: 0, MOTHER: 1, FATHER: 2, STEP_PARENT: 3, FOSTER_PARENT: 4, GUARDIAN: 5, OTHER_CARER: 6,
});
/** triad_info_rights */
const InfoRights = Object.freeze({ DEFAULT: 0, FULL: 1, ON_REQUEST: 2, RESTRICTED: 3 });
/** triad_staff_role: bits; combine with | */
const StaffRole = Object.freeze({ MENTOR: 1, TEACHER: 2, COORDINATOR: 4, SCHOOL_LEADER: 8, ALL: 15 });

const cRelationKindId = func('const char *triad_relation_kind_id(triad_relation_kind kind)');
const cRelationKindFromId = func('int triad_relation_kind_from_id(_Out_ triad_relation_kind *out, const char *id)');
const cInfoRightsId = func('const char *triad_info_rights_id(triad_info_rights rights)');
const cInfoRightsFromId = func('int triad_info_rights_from_id(_Out_ triad_info_rights *out, const char *id)');
const cStaffRoleId = func('const char *triad_staff_role_id(triad_staff_role role)');
const cStaffRoleFromId = func('int triad_staff_role_from_id(_Out_ triad_staff_role *out, const char *id)');

const cNew = func('int triad_roster_new(_Out_ triad_roster **out, const triad_schooltypes *types)');
const cFree = func('void triad_roster_free(triad_roster *roster)');
const cLoad = func('int triad_roster_load(_Out_ triad_roster **out, const char *text, size_t len, const char *source, const triad_schooltypes *types)');
const cLoadFile = func('int triad_roster_load_file(_Out_ triad_roster **out, const char *filename, const triad_schooltypes *types)');
const cSave = func('int triad_roster_save(_Out_ triad_owned_str *out, const triad_roster *roster)');
const cSaveFile = func('int triad_roster_save_file(const triad_roster *roster, const char *filename)');
const cEqual = func('int triad_roster_equal(const triad_roster *a, const triad_roster *b)');
const cSchoolName = func('const char *triad_roster_school_name(const triad_roster *roster)');
const cSetSchoolName = func('int triad_roster_set_school_name(triad_roster *roster, const char *name)');
const cStudentInfoInit = func('int triad_student_info_init(_Out_ triad_student_info *info, unsigned int version)');
const cGuardianInfoInit = func('int triad_guardian_info_init(_Out_ triad_guardian_info *info, unsigned int version)');
const cRelationInfoInit = func('int triad_relation_info_init(_Out_ triad_relation_info *info, unsigned int version)');
const cAddHousehold = func('int triad_roster_add_household(triad_roster *roster, const char *id, const char *name, const char *address)');
const cAddStaff = func('int triad_roster_add_staff(triad_roster *roster, const char *id, const char *given_name, const char *family_name, unsigned int roles)');
const cAddStudent = func('int triad_roster_add_student(triad_roster *roster, const triad_student_info *info)');
const cAddGuardian = func('int triad_roster_add_guardian(triad_roster *roster, const triad_guardian_info *info)');
const cAddRelation = func('int triad_roster_add_relation(triad_roster *roster, const triad_relation_info *info)');
const cSetAdultChoice = func('int triad_roster_set_adult_choice(triad_roster *roster, const char *student_id, const char *guardian_id, int informed, int cosigns)');
const cAddConsent = func('int triad_roster_add_consent(triad_roster *roster, const char *student_id, const char *purpose, const char *by_id, int given, triad_date on)');

const table = {};
for (const [kind, type] of [['student', 'triad_student'], ['guardian', 'triad_guardian'],
  ['household', 'triad_household'], ['staff', 'triad_staff'], ['relation', 'triad_relation'],
  ['consent', 'triad_consent']]) {
  table[kind] = {
    count: func(`size_t triad_roster_${kind}_count(const triad_roster *roster)`),
    at: func(`const ${type} *triad_roster_${kind}_at(const triad_roster *roster, size_t index)`),
  };
}
for (const [kind, type] of [['student', 'triad_student'], ['guardian', 'triad_guardian'],
  ['household', 'triad_household'], ['staff', 'triad_staff']]) {
  table[kind].byId = func(`const ${type} *triad_roster_${kind}(const triad_roster *roster, const char *id)`);
}
const cRelation = func('const triad_relation *triad_roster_relation(const triad_roster *roster, const char *student_id, const char *guardian_id)');

const nav = {};
for (const name of ['student_guardians', 'student_households', 'guardian_students',
  'household_guardians', 'household_students', 'mentor_students', 'class_students']) {
  nav[name] = func(`int triad_roster_${name}(_Out_ triad_strlist **out, const triad_roster *roster, const char *id)`);
}

function getters(type, fields, ret) {
  const out = {};
  for (const f of fields) out[f] = func(`${ret} triad_${type}_${f}(const triad_${type} *r)`);
  return out;
}
const sStr = getters('student', ['id', 'given_name', 'family_name', 'school_type', 'bridge_class', 'class_name', 'mentor_id'], 'const char *');
const cStudentBirthDate = func('triad_date triad_student_birth_date(const triad_student *s)');
const cStudentYear = func('int triad_student_year(const triad_student *s)');
const cStudentAge = func('int triad_student_age(_Out_ int *out, const triad_student *s, triad_date on)');
const gStr = getters('guardian', ['id', 'given_name', 'family_name', 'household_id', 'language'], 'const char *');
const cGuardianChannel = func('triad_channel triad_guardian_channel(const triad_guardian *g)');
const hStr = getters('household', ['id', 'name', 'address'], 'const char *');
const mStr = getters('staff', ['id', 'given_name', 'family_name'], 'const char *');
const cStaffRoles = func('unsigned int triad_staff_roles(const triad_staff *m)');
const rStr = getters('relation', ['student_id', 'guardian_id', 'restriction_reason'], 'const char *');
const rInt = getters('relation', ['authority', 'lives_with', 'primary_contact', 'contact_priority', 'adult_informed', 'adult_cosigns'], 'int');
const cRelationKindOf = func('triad_relation_kind triad_relation_kind_of(const triad_relation *r)');
const cRelationInfoRights = func('triad_info_rights triad_relation_info_rights(const triad_relation *r)');
const cStr = getters('consent', ['student_id', 'purpose', 'by_id'], 'const char *');
const cConsentGiven = func('int triad_consent_given(const triad_consent *c)');
const cConsentDate = func('triad_date triad_consent_date(const triad_consent *c)');

function lookup(cfn, id) {
  const out = [0];
  check(cfn(out, text(id, 'id')));
  return out[0];
}

const opt = (v, what) => (v === null || v === undefined ? null : text(v, what));

/** Functions on relation kinds, information rights and staff roles. */
const relationKind = Object.freeze({
  id: (k) => checkPtr(cRelationKindId(int(k, 'kind'))),
  fromId: (id) => lookup(cRelationKindFromId, id),
});
const infoRights = Object.freeze({
  id: (r) => checkPtr(cInfoRightsId(int(r, 'rights'))),
  fromId: (id) => lookup(cInfoRightsFromId, id),
});
const staffRole = Object.freeze({
  /** The id of one role bit. */
  id: (r) => checkPtr(cStaffRoleId(int(r, 'role'))),
  fromId: (id) => lookup(cStaffRoleFromId, id),
});

/** A borrowed record: valid while the roster lives, which it keeps alive. */
class Record {
  constructor(roster, ptr) {
    this._roster = roster;
    this._p = ptr;
  }

  get _c() {
    this._roster._h; // eslint-disable-line no-unused-expressions -- throws once freed
    return this._p;
  }

  /** Whether two views show the same record. */
  equals(other) {
    return other instanceof this.constructor && other._roster === this._roster &&
      koffi.address(other._p) === koffi.address(this._p);
  }
}

const nul = (s) => (s === null ? null : s);

class Student extends Record {
  get id() { return sStr.id(this._c); }
  get givenName() { return sStr.given_name(this._c); }
  get familyName() { return sStr.family_name(this._c); }
  /** The school type id (the type a combined class leads into). */
  get schoolType() { return sStr.school_type(this._c); }
  /** The combined class such as "havo/vwo", or null. */
  get bridgeClass() { return nul(sStr.bridge_class(this._c)); }
  get className() { return nul(sStr.class_name(this._c)); }
  get mentorId() { return nul(sStr.mentor_id(this._c)); }
  get year() { return cStudentYear(this._c); }
  get birthDate() { return date.fromDays(cStudentBirthDate(this._c)); }
  /** Age in whole years on a date. */
  age(on) {
    const out = [0];
    check(cStudentAge(out, this._c, date.toDays(on)));
    return out[0];
  }
}

class Guardian extends Record {
  get id() { return gStr.id(this._c); }
  get givenName() { return gStr.given_name(this._c); }
  get familyName() { return gStr.family_name(this._c); }
  get householdId() { return nul(gStr.household_id(this._c)); }
  /** Preferred language, a BCP-47 tag ("nl" unless set). */
  get language() { return gStr.language(this._c); }
  /** Preferred channel; Channel.NONE when none. */
  get channel() { return cGuardianChannel(this._c); }
}

class Household extends Record {
  get id() { return hStr.id(this._c); }
  get name() { return hStr.name(this._c); }
  get address() { return nul(hStr.address(this._c)); }
}

class Staff extends Record {
  get id() { return mStr.id(this._c); }
  get givenName() { return mStr.given_name(this._c); }
  get familyName() { return mStr.family_name(this._c); }
  /** StaffRole bits. */
  get roles() { return cStaffRoles(this._c); }
}

class Relation extends Record {
  get studentId() { return rStr.student_id(this._c); }
  get guardianId() { return rStr.guardian_id(this._c); }
  get kind() { return cRelationKindOf(this._c); }
  get authority() { return rInt.authority(this._c) !== 0; }
  get livesWith() { return rInt.lives_with(this._c) !== 0; }
  get primaryContact() { return rInt.primary_contact(this._c) !== 0; }
  get contactPriority() { return rInt.contact_priority(this._c); }
  get infoRights() { return cRelationInfoRights(this._c); }
  get restrictionReason() { return nul(rStr.restriction_reason(this._c)); }
  get adultInformed() { return rInt.adult_informed(this._c) !== 0; }
  get adultCosigns() { return rInt.adult_cosigns(this._c) !== 0; }
}

class Consent extends Record {
  get studentId() { return cStr.student_id(this._c); }
  get purpose() { return cStr.purpose(this._c); }
  get byId() { return cStr.by_id(this._c); }
  get given() { return cConsentGiven(this._c) !== 0; }
  get date() { return date.fromDays(cConsentDate(this._c)); }
}

/**
 * A school roster. `types` (a SchoolTypes, or null for the built-ins) are
 * borrowed: freeing them frees the roster first.
 */
class Roster extends Handle {
  constructor(types = null, ptr = null) {
    let p = ptr;
    if (p === null) {
      const out = [null];
      check(cNew(out, types ? types._h : null));
      p = out[0];
    }
    super(p, cFree, 'roster');
    this._pin(types);
  }

  /** Load triad.school/1 JSON text (a string or a Buffer). */
  static load(json, source = null, types = null) {
    const buf = Buffer.isBuffer(json) ? json : Buffer.from(text(json, 'text'), 'utf8');
    const out = [null];
    check(cLoad(out, buf, buf.length, opt(source, 'source'), types ? types._h : null));
    return new Roster(types, out[0]);
  }

  /** Load a triad.school/1 file. */
  static loadFile(filename, types = null) {
    const out = [null];
    check(cLoadFile(out, text(filename, 'filename'), types ? types._h : null));
    return new Roster(types, out[0]);
  }

  /** The roster as triad.school/1 JSON text. */
  save() {
    const out = [null];
    check(cSave(out, this._h));
    return out[0];
  }

  /** Write the roster to a file, atomically. */
  saveFile(filename) {
    check(cSaveFile(this._h, text(filename, 'filename')));
  }

  /** Whether two rosters hold the same records in the same order. */
  equals(other) {
    return other instanceof Roster && cEqual(this._h, other._h) !== 0;
  }

  get schoolName() { return nul(cSchoolName(this._h)); }
  set schoolName(name) { check(cSetSchoolName(this._h, opt(name, 'schoolName'))); }

  addHousehold(id, name, address = null) {
    check(cAddHousehold(this._h, text(id, 'id'), text(name, 'name'), opt(address, 'address')));
    return this.household(id);
  }

  addStaff(id, givenName, familyName, roles) {
    check(cAddStaff(this._h, text(id, 'id'), text(givenName, 'givenName'),
      text(familyName, 'familyName'), int(roles, 'roles', 0, 0xffffffff)));
    return this.staff(id);
  }

  /** s: { id, givenName, familyName, birthDate, schoolType, year, className?, mentorId?, bridgeClass? } */
  addStudent(s) {
    const info = {};
    check(cStudentInfoInit(info, 1));
    info.id = text(s.id, 'id');
    info.given_name = text(s.givenName, 'givenName');
    info.family_name = text(s.familyName, 'familyName');
    info.birth_date = date.toDays(s.birthDate);
    info.school_type = text(s.schoolType, 'schoolType');
    info.year = int(s.year, 'year');
    info.class_name = opt(s.className, 'className');
    info.mentor_id = opt(s.mentorId, 'mentorId');
    info.bridge_class = opt(s.bridgeClass, 'bridgeClass');
    check(cAddStudent(this._h, info));
    return this.student(s.id);
  }

  /** g: { id, givenName, familyName, householdId?, language?, channel? } */
  addGuardian(g) {
    const info = {};
    check(cGuardianInfoInit(info, 1));
    info.id = text(g.id, 'id');
    info.given_name = text(g.givenName, 'givenName');
    info.family_name = text(g.familyName, 'familyName');
    info.household_id = opt(g.householdId, 'householdId');
    info.language = opt(g.language, 'language');
    if (g.channel !== undefined) info.channel = int(g.channel, 'channel');
    check(cAddGuardian(this._h, info));
    return this.guardian(g.id);
  }

  /**
   * r: { studentId, guardianId, kind, authority?, livesWith?, primaryContact?,
   * contactPriority?, infoRights?, restrictionReason?, adultInformed?, adultCosigns? }
   */
  addRelation(r) {
    const info = {};
    check(cRelationInfoInit(info, 1));
    info.student_id = text(r.studentId, 'studentId');
    info.guardian_id = text(r.guardianId, 'guardianId');
    info.kind = int(r.kind, 'kind');
    info.authority = r.authority ? 1 : 0;
    info.lives_with = r.livesWith ? 1 : 0;
    info.primary_contact = r.primaryContact ? 1 : 0;
    info.contact_priority = int(r.contactPriority || 0, 'contactPriority');
    info.info_rights = int(r.infoRights || InfoRights.DEFAULT, 'infoRights');
    info.restriction_reason = opt(r.restrictionReason, 'restrictionReason');
    info.adult_informed = r.adultInformed ? 1 : 0;
    info.adult_cosigns = r.adultCosigns ? 1 : 0;
    check(cAddRelation(this._h, info));
    return this.relation(r.studentId, r.guardianId);
  }

  /** Record what an adult student chose about one guardian. */
  setAdultChoice(studentId, guardianId, { informed, cosigns }) {
    check(cSetAdultChoice(this._h, text(studentId, 'studentId'), text(guardianId, 'guardianId'),
      informed ? 1 : 0, cosigns ? 1 : 0));
  }

  /** Record that consent for a purpose was given (or withdrawn) on a date. */
  addConsent(studentId, purpose, byId, given, on) {
    check(cAddConsent(this._h, text(studentId, 'studentId'), text(purpose, 'purpose'),
      text(byId, 'byId'), given ? 1 : 0, date.toDays(on)));
  }

  _all(kind, Cls) {
    const t = table[kind];
    const n = Number(t.count(this._h));
    return Array.from({ length: n }, (_, i) => new Cls(this, checkPtr(t.at(this._h, i))));
  }

  get students() { return this._all('student', Student); }
  get guardians() { return this._all('guardian', Guardian); }
  get households() { return this._all('household', Household); }
  get staffMembers() { return this._all('staff', Staff); }
  get relations() { return this._all('relation', Relation); }
  get consents() { return this._all('consent', Consent); }

  student(id) { return new Student(this, checkPtr(table.student.byId(this._h, text(id, 'id')))); }
  guardian(id) { return new Guardian(this, checkPtr(table.guardian.byId(this._h, text(id, 'id')))); }
  household(id) { return new Household(this, checkPtr(table.household.byId(this._h, text(id, 'id')))); }
  staff(id) { return new Staff(this, checkPtr(table.staff.byId(this._h, text(id, 'id')))); }
  relation(studentId, guardianId) {
    return new Relation(this, checkPtr(cRelation(this._h, text(studentId, 'studentId'),
      text(guardianId, 'guardianId'))));
  }

  _ids(name, key) {
    const out = [null];
    check(nav[name](out, this._h, text(key, 'id')));
    return takeList(out[0]);
  }

  /** Guardian ids of a student, by contact priority (1 first, 0 last). */
  studentGuardians(id) { return this._ids('student_guardians', id); }
  studentHouseholds(id) { return this._ids('student_households', id); }
  guardianStudents(id) { return this._ids('guardian_students', id); }
  householdGuardians(id) { return this._ids('household_guardians', id); }
  householdStudents(id) { return this._ids('household_students', id); }
  mentorStudents(id) { return this._ids('mentor_students', id); }
  classStudents(className) { return this._ids('class_students', className); }
}

module.exports = {
  FORMAT, RelationKind, InfoRights, StaffRole, relationKind, infoRights, staffRole,
  Roster, Student, Guardian, Household, Staff, Relation, Consent,
};
