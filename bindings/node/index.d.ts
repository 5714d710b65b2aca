// TypeScript declarations of the libtriad Node binding.

/** triad_lang */
export declare const Lang: Readonly<{ NL: 1; EN: 2 }>;
export type Lang = (typeof Lang)[keyof typeof Lang];

/** triad_error_code: 0 on success, negative on failure. */
export declare const ErrorCode: Readonly<{
  OK: 0; EINVAL: -1; ENOMEM: -2; ENOTFOUND: -3; EPARSE: -4; ESTATE: -5;
  EFORMAT: -6; EVERSION: -7; EEXISTS: -8; EIO: -9; ECANCELED: -10;
  ERANGE: -11; EINTERNAL: -12;
}>;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Where a problem lies: file or input name, line and column, JSON path. */
export interface ErrorLocation {
  source?: string;
  line?: number;
  column?: number;
  path?: string;
}

/** A libtriad call failed. */
export declare class TriadError extends Error {
  constructor(code: number, message: string, location?: ErrorLocation);
  /** The negative TRIAD_E* code. */
  readonly code: number;
  /** The code's name, e.g. "ENOTFOUND". */
  readonly codeName: string;
  /** The file or input name; "" when unknown. */
  readonly source: string;
  /** 1-based line of a syntax error; 0 when unknown. */
  readonly line: number;
  /** 1-based column of a syntax error; 0 when unknown. */
  readonly column: number;
  /** JSON path of a content error, e.g. "requests[2].teachers[0]"; "" when none. */
  readonly path: string;
}

/** A copy of the calling thread's last error. */
export interface LastError {
  code: number;
  message: string;
  source: string;
  line: number;
  column: number;
  path: string;
}
export declare function lastError(): LastError;
export declare function clearError(): void;
export declare function strerror(code: number): string;

export declare function version(): string;
export declare function versionNumber(): number;

/** A date going in: a Date (read in UTC) or an ISO "YYYY-MM-DD" string. */
export type DateLike = Date | string;

export declare const date: {
  toDays(value: DateLike): number;
  fromDays(days: number): Date;
  fromYmd(year: number, month: number, day: number): Date;
  toYmd(value: DateLike): { year: number; month: number; day: number };
  parse(text: string): Date;
  format(value: DateLike): string;
  weekday(value: DateLike): number;
  isoWeek(value: DateLike): { year: number; week: number };
  age(birth: DateLike, on: DateLike): number;
  readonly BUFSIZE: number;
};

/** Base of every wrapper that owns a C object. */
export declare class Handle {
  /** Whether free() has released the C object. */
  readonly freed: boolean;
  /** Free the C object now; freeing twice does nothing. */
  free(): void;
  [Symbol.dispose](): void;
}

/** An immutable list of strings handed over by a query. */
export declare class StrList extends Handle implements Iterable<string> {
  readonly length: number;
  at(index: number): string | undefined;
  includes(s: string): boolean;
  toArray(): string[];
  [Symbol.iterator](): Iterator<string>;
}

export declare const Category: Readonly<{
  NONE: 0; PARTICIPATION: 1; PARTICIPATION_INFORMAL: 2; PARTICIPATION_FORMAL: 3;
  PARTICIPATION_FORMAL_PARENT_COUNCIL: 4; PARTICIPATION_FORMAL_PARTICIPATION_COUNCIL: 5;
  RESPONSIBILITY: 6; INVOLVEMENT: 7; INVOLVEMENT_HOME: 8; INVOLVEMENT_SCHOOL: 9;
  INVOLVEMENT_DEVELOPMENT_SUPPORT: 10; PARTNERSHIP: 11; PARTNERSHIP_PEDAGOGICAL: 12;
  PARTNERSHIP_DIDACTIC: 13; OWNERSHIP: 14;
}>;
export type Category = (typeof Category)[keyof typeof Category];

export declare const Epstein: Readonly<{
  NONE: 0; PARENTING: 1; COMMUNICATING: 2; VOLUNTEERING: 3; LEARNING_AT_HOME: 4;
  DECISION_MAKING: 5; COLLABORATING_WITH_COMMUNITY: 6;
}>;
export type Epstein = (typeof Epstein)[keyof typeof Epstein];

export declare const Intensity: Readonly<{
  NONE: 0; MEELEVEN: 1; MEEHELPEN: 2; MEEDENKEN: 3; MEEBESLISSEN: 4;
}>;
export type Intensity = (typeof Intensity)[keyof typeof Intensity];

export declare const category: {
  count(): number;
  all(): Category[];
  at(index: number): Category;
  valid(c: number): boolean;
  id(c: Category): string;
  fromId(id: string): Category;
  name(c: Category, lang?: Lang): string;
  description(c: Category, lang?: Lang): string;
  parent(c: Category): Category;
  children(c: Category): Category[];
  isA(c: Category, ancestor: Category): boolean;
  epstein(c: Category): Epstein[];
  intensity(c: Category): Intensity;
};

export declare const epstein: {
  valid(t: number): boolean;
  id(t: Epstein): string;
  fromId(id: string): Epstein;
  name(t: Epstein, lang?: Lang): string;
  categories(t: Epstein): Category[];
};

export declare const intensity: {
  valid(l: number): boolean;
  id(l: Intensity): string;
  fromId(id: string): Intensity;
  name(l: Intensity, lang?: Lang): string;
};

export declare const ContactKind: Readonly<{
  NONE: 0; INTAKE: 1; TRIANGLE: 2; CONFERENCE: 3; MENTOR_CALL: 4; HOME_VISIT: 5;
  THEME_EVENING: 6; INFORMATION_EVENING: 7; POSITIVE_NOTE: 8; CONCERN: 9;
}>;
export type ContactKind = (typeof ContactKind)[keyof typeof ContactKind];

export declare const Channel: Readonly<{
  NONE: 0; IN_PERSON: 1; PHONE: 2; VIDEO: 3; EMAIL: 4; MESSAGE: 5; LETTER: 6;
}>;
export type Channel = (typeof Channel)[keyof typeof Channel];

export declare const contactKind: {
  count(): number;
  all(): ContactKind[];
  valid(k: number): boolean;
  id(k: ContactKind): string;
  fromId(id: string): ContactKind;
  name(k: ContactKind, lang?: Lang): string;
  category(k: ContactKind): Category;
  defaultChannel(k: ContactKind): Channel;
};

export declare const channel: {
  count(): number;
  all(): Channel[];
  valid(c: number): boolean;
  id(c: Channel): string;
  fromId(id: string): Channel;
  name(c: Channel, lang?: Lang): string;
};

/** School types with their years and ownership curves. */
export declare class SchoolTypes extends Handle implements Iterable<string> {
  constructor();
  add(id: string, nameNl: string, nameEn: string, years: number): void;
  readonly size: number;
  ids(): string[];
  has(id: string): boolean;
  years(id: string): number;
  name(id: string, lang?: Lang): string;
  setOwnership(id: string, shares: ArrayLike<number>): void;
  ownership(id: string, year: number): number;
  curve(id: string): number[];
  [Symbol.iterator](): Iterator<string>;
}
export declare const SCHOOLTYPE_MAX_YEARS: number;

// ---- issue 3: people, age policy, agreements ----------------------------

export declare const RelationKind: Readonly<{
  NONE: 0; MOTHER: 1; FATHER: 2; STEP_PARENT: 3; FOSTER_PARENT: 4; GUARDIAN: 5; OTHER_CARER: 6;
}>;
export type RelationKind = (typeof RelationKind)[keyof typeof RelationKind];
export declare const InfoRights: Readonly<{ DEFAULT: 0; FULL: 1; ON_REQUEST: 2; RESTRICTED: 3 }>;
export type InfoRights = (typeof InfoRights)[keyof typeof InfoRights];
/** Staff role bits; combine with |. */
export declare const StaffRole: Readonly<{ MENTOR: 1; TEACHER: 2; COORDINATOR: 4; SCHOOL_LEADER: 8; ALL: 15 }>;

export declare const relationKind: { id(k: RelationKind): string; fromId(id: string): RelationKind };
export declare const infoRights: { id(r: InfoRights): string; fromId(id: string): InfoRights };
export declare const staffRole: { id(role: number): string; fromId(id: string): number };

/** A borrowed record of a roster; throws once the roster is freed. */
declare class RosterRecord {
  equals(other: unknown): boolean;
}
export declare class Student extends RosterRecord {
  readonly id: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly schoolType: string;
  readonly bridgeClass: string | null;
  readonly className: string | null;
  readonly mentorId: string | null;
  readonly year: number;
  readonly birthDate: Date;
  age(on: DateLike): number;
}
export declare class Guardian extends RosterRecord {
  readonly id: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly householdId: string | null;
  readonly language: string;
  readonly channel: Channel;
}
export declare class Household extends RosterRecord {
  readonly id: string;
  readonly name: string;
  readonly address: string | null;
}
export declare class Staff extends RosterRecord {
  readonly id: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly roles: number;
}
export declare class Relation extends RosterRecord {
  readonly studentId: string;
  readonly guardianId: string;
  readonly kind: RelationKind;
  readonly authority: boolean;
  readonly livesWith: boolean;
  readonly primaryContact: boolean;
  readonly contactPriority: number;
  readonly infoRights: InfoRights;
  readonly restrictionReason: string | null;
  readonly adultInformed: boolean;
  readonly adultCosigns: boolean;
}
export declare class Consent extends RosterRecord {
  readonly studentId: string;
  readonly purpose: string;
  readonly byId: string;
  readonly given: boolean;
  readonly date: Date;
}

export interface StudentInput {
  id: string; givenName: string; familyName: string; birthDate: DateLike;
  schoolType: string; year: number; className?: string | null; mentorId?: string | null;
  bridgeClass?: string | null;
}
export interface GuardianInput {
  id: string; givenName: string; familyName: string; householdId?: string | null;
  language?: string | null; channel?: Channel;
}
export interface RelationInput {
  studentId: string; guardianId: string; kind: RelationKind; authority?: boolean;
  livesWith?: boolean; primaryContact?: boolean; contactPriority?: number;
  infoRights?: InfoRights; restrictionReason?: string | null; adultInformed?: boolean;
  adultCosigns?: boolean;
}

/** A school roster (triad.school/1). Borrowed school types free it when freed. */
export declare class Roster extends Handle {
  constructor(types?: SchoolTypes | null);
  static load(json: string | Buffer, source?: string | null, types?: SchoolTypes | null): Roster;
  static loadFile(filename: string, types?: SchoolTypes | null): Roster;
  save(): string;
  saveFile(filename: string): void;
  equals(other: unknown): boolean;
  schoolName: string | null;
  addHousehold(id: string, name: string, address?: string | null): Household;
  addStaff(id: string, givenName: string, familyName: string, roles: number): Staff;
  addStudent(s: StudentInput): Student;
  addGuardian(g: GuardianInput): Guardian;
  addRelation(r: RelationInput): Relation;
  setAdultChoice(studentId: string, guardianId: string, choice: { informed: boolean; cosigns: boolean }): void;
  addConsent(studentId: string, purpose: string, byId: string, given: boolean, on: DateLike): void;
  readonly students: Student[];
  readonly guardians: Guardian[];
  readonly households: Household[];
  readonly staffMembers: Staff[];
  readonly relations: Relation[];
  readonly consents: Consent[];
  student(id: string): Student;
  guardian(id: string): Guardian;
  household(id: string): Household;
  staff(id: string): Staff;
  relation(studentId: string, guardianId: string): Relation;
  studentGuardians(studentId: string): string[];
  studentHouseholds(studentId: string): string[];
  guardianStudents(guardianId: string): string[];
  householdGuardians(householdId: string): string[];
  householdStudents(householdId: string): string[];
  mentorStudents(staffId: string): string[];
  classStudents(className: string): string[];
}

/** Overrides of the policy defaults (consent at 16, majority at 18). */
export interface PolicyOptions { consentAge?: number; majorityAge?: number }

export declare const policy: {
  options(o?: PolicyOptions): { version: number; consent_age: number; majority_age: number };
  consenters(roster: Roster, studentId: string, on: DateLike, opts?: PolicyOptions | null): string[];
  signers(roster: Roster, studentId: string, on: DateLike, opts?: PolicyOptions | null): string[];
  informed(roster: Roster, studentId: string, on: DateLike, opts?: PolicyOptions | null): { full: string[]; onRequest: string[] };
  consentInForce(roster: Roster, studentId: string, purpose: string, on: DateLike, opts?: PolicyOptions | null): boolean;
  isAdult(roster: Roster, studentId: string, on: DateLike, opts?: PolicyOptions | null): boolean;
};
export interface AgreementClause {
  id: string; section: number; category: Category; fromRole: number; fromId: string | null;
  toRole: number; toId: string | null; textNl: string | null; textEn: string | null; freeText: boolean;
  variants: Array<{ yearFrom: number; yearTo: number; fromRole: number; fromId: string | null; textNl: string | null; textEn: string | null }>;
  commitment: AgreementCommitment | null;
}
export interface AgreementCommitment {
  clauseId: string; kind: number; contactKind: ContactKind; count: number; period: number; weeks: number;
  days: number; fromRole: number; fromId: string | null; toRole: number; toId: string | null;
}
/** A snapshot of one version of an agreement. */
export interface AgreementVersion {
  number: number; state: number; validFrom: Date | null; validTo: Date | null; schoolType: string | null;
  studentYear: number; studentId: string | null; proposed: Date | null; activated: Date | null;
  ended: Date | null; endReason: string | null; parties: Array<{ role: number; id: string }>;
  clauses: AgreementClause[];
  protocol: Array<{ subject: string; staffRole: number; staffId: string | null; channel: Channel; responseDays: number }>;
  signatures: Array<{ id: string; role: number; date: Date }>;
  commitments: AgreementCommitment[];
}
export interface Finding { severity: number; code: string; location: string; message: string }
/** The parent–child–school agreement (triad.agreement/1) with all its versions. */
export declare class Agreement extends Handle {
  constructor(id: string);
  static start(id: string, roster: Roster, studentId: string, staffId: string,
    opts: { schoolYear: number; policy?: PolicyOptions | null; withCatalogue?: boolean }): Agreement;
  static load(json: string | Buffer, source?: string | null): Agreement;
  static loadFile(filename: string): Agreement;
  save(): string; saveFile(filename: string): void; equals(other: unknown): boolean;
  setSchoolYear(startYear: number): void; setValidity(from: DateLike, to: DateLike): void;
  setStudentYear(schoolType: string, year: number): void;
  addParty(role: number, id: string): void; removeParty(id: string): void;
  addClause(c: { id: string; section: number; category: Category; fromRole: number; fromId?: string | null; toRole: number; toId?: string | null }): void;
  addCatalogueClause(catalogueId: string): void; removeClause(clauseId: string): void;
  setClauseText(clauseId: string, textNl: string | null, textEn: string | null): void;
  setClauseFreeText(clauseId: string, text: string): void;
  setClauseParties(clauseId: string, p: { fromRole: number; fromId?: string | null; toRole: number; toId?: string | null }): void;
  addClauseVariant(clauseId: string, v: { yearFrom: number; yearTo: number; fromRole: number; fromId?: string | null; textNl?: string | null; textEn?: string | null }): void;
  setMinCount(clauseId: string, kind: ContactKind, count: number, period: number): void;
  setMaxInterval(clauseId: string, kind: ContactKind, weeks: number): void;
  setResponseTime(clauseId: string, kind: ContactKind, days: number): void;
  clearCommitment(clauseId: string): void;
  setProtocol(p: { subject: string; channel: Channel; responseDays: number; staffRole?: number; staffId?: string | null }): void;
  removeProtocol(subject: string): void;
  propose(on: DateLike): void; withdraw(): void; sign(signerId: string, on: DateLike): void;
  activate(roster: Roster, on: DateLike, policy?: PolicyOptions | null): void;
  expire(asOf: DateLike): void; terminate(on: DateLike, reason: string): void;
  readonly id: string; readonly state: number;
  readonly versions: AgreementVersion[]; readonly latest: AgreementVersion;
  inForce(on: DateLike): AgreementVersion | null;
  clause(id: string): AgreementClause;
  validate(roster: Roster, asOf: DateLike, opts?: { policy?: PolicyOptions | null; types?: SchoolTypes | null; ownershipThreshold?: number; lang?: Lang }): Finding[] & { atLeast(severity: number): number };
  renew(id: string, roster: Roster, schoolYear: number, policy?: PolicyOptions | null): Agreement;
  render(opts?: { format?: number; lang?: Lang; roster?: Roster | null; policy?: PolicyOptions | null; version?: number }): string;
}
export declare const agreement: {
  readonly AgreementState: Readonly<Record<'NONE' | 'DRAFT' | 'PROPOSED' | 'ACTIVE' | 'EXPIRED' | 'TERMINATED', number>>;
  readonly PartyRole: Readonly<Record<'NONE' | 'STUDENT' | 'GUARDIAN' | 'SCHOOL' | 'ALL', number>>;
  readonly Section: Readonly<Record<'NONE' | 'AIMS' | 'SCHOOL' | 'PARENTS' | 'STUDENT' | 'PROTOCOL', number>>;
  readonly CommitmentKind: Readonly<Record<'NONE' | 'MIN_COUNT' | 'MAX_INTERVAL' | 'RESPONSE_TIME', number>>;
  readonly Period: Readonly<Record<'NONE' | 'SCHOOL_WEEK' | 'MONTH' | 'REPORT_PERIOD' | 'SCHOOL_YEAR', number>>;
  readonly Severity: Readonly<Record<'NONE' | 'INFO' | 'WARNING' | 'ERROR', number>>;
  readonly RenderFormat: Readonly<Record<'NONE' | 'TEXT' | 'MARKDOWN' | 'HTML', number>>;
  agreementState: { id(v: number): string }; partyRole: { id(v: number): string };
  commitmentKind: { id(v: number): string }; period: { id(v: number): string }; severity: { id(v: number): string };
  section: { id(s: number): string; name(s: number, lang?: Lang): string };
  catalogue(): Array<{ id: string; section: number; textNl: string; textEn: string }>;
  catalogueClause(id: string): { id: string; section: number; textNl: string; textEn: string };
  readonly Agreement: typeof Agreement;
};
// ---- end issue 3 -----------------------------------------------------------

// ---- issue 4: conference scheduler ----------------------------------------

export declare const SolvePhase: Readonly<{ NONE: 0; BOUND: 1; CONSTRUCT: 2; IMPROVE: 3; DONE: 4 }>;
export type SolvePhase = (typeof SolvePhase)[keyof typeof SolvePhase];

export interface ConferenceSession {
  readonly index: number; readonly id: string; readonly date: Date; readonly start: number;
  readonly slotMinutes: number; readonly gapMinutes: number; readonly slots: number;
  readonly breaks: Array<[number, number]>; slotStart(slot: number): number;
}
export interface ConferenceRoom { readonly index: number; readonly id: string; readonly name: string }
export type SessionRef = ConferenceSession | string | number;
export interface ConferenceTeacher {
  readonly index: number; readonly id: string; readonly name: string; readonly breakAfter: number;
  present(session: SessionRef): boolean; room(session: SessionRef): string | null;
  maxMeetings(session: SessionRef): number;
}
export interface ConferenceHousehold {
  readonly index: number; readonly id: string; readonly name: string; readonly preference: number;
  readonly maxSessions: number; readonly maxWait: number; readonly students: string[];
}
export interface ConferenceRequest {
  readonly index: number; readonly id: string; readonly slots: number; readonly priority: number;
  readonly household: ConferenceHousehold; readonly teachers: ConferenceTeacher[];
  readonly students: string[]; readonly pin: { session: ConferenceSession; slot: number } | null;
}
export interface Meeting {
  request: string; household: string; session: string; room: string; slot: number;
  slots: number; teachers: string[]; pinned: boolean;
}
export interface Unscheduled { request: string; reason: number; message: string }
export interface ViolationRecord {
  kind: number; message: string; request: string | null; otherRequest: string | null;
  teacher: string | null; household: string | null; session: string | null;
}
export declare class ConferenceResult extends Handle {
  save(): string; saveFile(filename: string): void;
  metric(metric: number): number; stat(stat: number): number; setting(setting: number): number;
  readonly metrics: Record<string, number>;
  readonly meetings: Meeting[]; readonly unscheduled: Unscheduled[];
  teacherMeetings(teacherId: string): Meeting[]; householdMeetings(householdId: string): Meeting[];
}
export declare class ConferenceReport extends Handle {
  readonly violations: ViolationRecord[]; readonly ok: boolean; metric(metric: number): number;
}
export interface SolveOptions {
  seed?: number | bigint; maxIterations?: number; timeLimit?: number;
  /** Return false (or throw) to stop; the exception is rethrown by solve(). */
  progress?: ((phase: SolvePhase, bestCost: number, fraction: number) => boolean | void) | null;
  progressInterval?: number; previous?: ConferenceResult | null;
}
export declare class Conference extends Handle {
  static load(json: string | Buffer, source?: string | null): Conference;
  static loadFile(filename: string): Conference;
  save(): string; saveFile(filename: string): void;
  setting(setting: number): number; setSetting(setting: number, value: number): void;
  pin(requestId: string, sessionId: string, slot: number): void; unpin(requestId: string): void;
  pinResult(result: ConferenceResult): void;
  readonly sessions: ConferenceSession[]; readonly rooms: ConferenceRoom[];
  readonly teachers: ConferenceTeacher[]; readonly households: ConferenceHousehold[];
  readonly requests: ConferenceRequest[];
  session(id: string): ConferenceSession; teacher(id: string): ConferenceTeacher;
  household(id: string): ConferenceHousehold; request(id: string): ConferenceRequest;
  resultFromMeetings(meetings: Array<[string, string, number]>): ConferenceResult;
  loadResult(json: string | Buffer, source?: string | null): ConferenceResult;
  loadResultFile(filename: string): ConferenceResult;
  check(result: ConferenceResult): ConferenceReport;
  bound(): number;
  solve(options?: SolveOptions): ConferenceResult;
}
export declare const conference: {
  readonly Priority: Readonly<Record<'NONE' | 'INVITED' | 'REQUIRED' | 'OPTIONAL', number>>;
  readonly Preference: Readonly<Record<'NONE' | 'EARLY' | 'LATE', number>>;
  readonly Setting: Readonly<Record<string, number>>;
  readonly Metric: Readonly<Record<string, number>>;
  readonly Reason: Readonly<Record<string, number>>;
  readonly Violation: Readonly<Record<string, number>>;
  readonly Stat: Readonly<Record<string, number>>;
  readonly SolvePhase: typeof SolvePhase;
  settingId(s: number): string; metricId(m: number): string; reasonId(r: number): string;
  violationId(v: number): string; statId(s: number): string;
  readonly Conference: typeof Conference;
  readonly Result: typeof ConferenceResult;
  readonly Report: typeof ConferenceReport;
};
export interface ExportOptions { lang?: Lang; schoolName?: string | null; uidDomain?: string | null; stamp?: Date | number }
export declare const conferenceExport: {
  options(o?: ExportOptions): object;
  householdIcs(conf: Conference, result: ConferenceResult, householdId: string, opts?: ExportOptions | null): string;
  teacherIcs(conf: Conference, result: ConferenceResult, teacherId: string, opts?: ExportOptions | null): string;
  html(conf: Conference, result: ConferenceResult, opts?: ExportOptions | null): string;
  letter(conf: Conference, result: ConferenceResult, householdId: string, opts?: ExportOptions | null): string;
};
// ---- end issue 4 -----------------------------------------------------------

// ---- issue 5: calendar, contacts ------------------------------------------

export declare const Region: Readonly<{ NONE: 0; NOORD: 1; MIDDEN: 2; ZUID: 3 }>;
export type Region = (typeof Region)[keyof typeof Region];
export interface Holiday { name: string; first: Date; last: Date; compulsory: boolean }
export interface ReportPeriod { id: string; name: string; first: Date; last: Date }
/** A school year's calendar (triad.calendar/1). */
export declare class Calendar extends Handle {
  constructor(startYear: number, region?: Region);
  static load(json: string | Buffer, source?: string | null): Calendar;
  static loadFile(filename: string): Calendar;
  static loadOpendata(json: string | Buffer, region: Region, schoolyear?: string | null, source?: string | null): Calendar;
  static loadOpendataFile(filename: string, region: Region, schoolyear?: string | null): Calendar;
  save(): string; saveFile(filename: string): void;
  setPeriod(firstDay: DateLike, lastDay: DateLike): void;
  readonly firstDay: Date; readonly lastDay: Date; readonly startYear: number; readonly region: Region;
  addHoliday(name: string, first: DateLike, last: DateLike, compulsory?: boolean): void;
  readonly holidays: Holiday[];
  addDayOff(day: DateLike, reason: string): void;
  readonly daysOff: Array<{ day: Date; reason: string }>;
  addReportPeriod(id: string, name: string, first: DateLike, last: DateLike): void;
  readonly reportPeriods: ReportPeriod[];
  reportPeriod(id: string): ReportPeriod;
  isSchoolDay(day: DateLike): boolean;
  readonly schoolDayCount: number;
  schoolDaysAfter(day: DateLike, n: number): Date;
  schoolDaysBetween(from: DateLike, to: DateLike): number;
  readonly schoolWeekCount: number;
  schoolWeek(day: DateLike): { index: number; inSchoolWeek: boolean };
  schoolWeekAt(index: number): { monday: Date; firstSchoolDay: Date; lastSchoolDay: Date };
  schoolWeeksBetween(from: DateLike, to: DateLike): number;
}
export declare const calendar: {
  readonly Region: typeof Region;
  region: { id(r: Region): string; fromId(id: string): Region };
  schoolYearOf(day: DateLike): number;
  readonly Calendar: typeof Calendar;
};

export interface PlanRule {
  id: string; kind: ContactKind; timing: number; n?: number; with?: number; per?: number;
  channel?: Channel; limit?: number; deadline?: DateLike | null; years?: number[];
  schoolTypes?: string[]; classes?: string[]; reportPeriods?: string[]; note?: string | null;
}
export interface ExpectedContact {
  household: string; students: string[]; rule: string; kind: ContactKind; channel: Channel;
  with: number; staff: string; earliest: Date; due: Date; occurrence: number; reportPeriod: string;
}
export interface AudienceEntry {
  householdId: string; studentId: string; schoolType: string; year: number;
  className?: string | null; mentorId?: string | null; access?: number;
}
export declare class Expected extends Handle implements Iterable<ExpectedContact> {
  readonly length: number; at(i: number): ExpectedContact | undefined; toArray(): ExpectedContact[];
  readonly skipped: Array<{ household: string; student: string; access: number }>;
  [Symbol.iterator](): Iterator<ExpectedContact>;
}
export declare class Audience extends Handle implements Iterable<AudienceEntry> {
  constructor();
  static fromRoster(roster: Roster, asOf: DateLike, opts?: PolicyOptions | null): Audience;
  add(entry: AudienceEntry): void;
  readonly length: number; at(i: number): AudienceEntry | undefined;
  [Symbol.iterator](): Iterator<AudienceEntry>;
}
/** A contact plan (triad.contact-plan/1). */
export declare class ContactPlan extends Handle {
  constructor();
  static default(): ContactPlan;
  static load(json: string | Buffer, source?: string | null): ContactPlan;
  static loadFile(filename: string): ContactPlan;
  save(): string; saveFile(filename: string): void;
  addRule(rule: PlanRule): void; removeRule(id: string): void;
  readonly rules: PlanRule[]; rule(id: string): PlanRule;
  generate(calendar: Calendar, audience: Audience): Expected;
}
export declare const contactplan: {
  readonly PlanWith: Readonly<Record<'NONE' | 'MENTOR' | 'TEACHER' | 'COORDINATOR' | 'SCHOOL_LEADER', number>>;
  readonly PlanTiming: Readonly<Record<'NONE' | 'FIRST_WEEKS' | 'AFTER_REPORT' | 'EVERY_WEEKS' | 'ONCE_A_YEAR', number>>;
  readonly PlanPer: Readonly<Record<'NONE' | 'HOUSEHOLD' | 'STUDENT', number>>;
  readonly PlanAccess: Readonly<Record<'NONE' | 'FULL' | 'ON_REQUEST' | 'RESTRICTED' | 'NOT_CHOSEN', number>>;
  planWith: { id(w: number): string }; planTiming: { id(t: number): string }; planAccess: { id(a: number): string };
  readonly ContactPlan: typeof ContactPlan; readonly Audience: typeof Audience; readonly Expected: typeof Expected;
};

export declare const Initiator: Readonly<{ NONE: 0; SCHOOL: 1; PARENT: 2; STUDENT: 3 }>;
export declare const Tone: Readonly<{ NONE: 0; POSITIVE: 1; NEUTRAL: 2; CONCERN: 3 }>;
/** One entry of a contact log; minute is the local time in minutes after midnight. */
export interface Contact {
  id: string; date: DateLike; minute?: number; kind: ContactKind; channel: Channel;
  initiator: number; tone: number; reached?: boolean; household: string; staff?: string | null;
  answers?: string | null; studentPresent?: boolean; guardians?: string[]; students?: string[];
}
export declare class ContactLog extends Handle implements Iterable<Contact> {
  constructor();
  static load(json: string | Buffer, source?: string | null): ContactLog;
  static loadFile(filename: string): ContactLog;
  static loadJsonl(filename: string): ContactLog;
  toJson(): string; toJSON(): unknown; save(filename: string): void; saveJsonl(filename: string): void;
  readonly length: number; readonly memory: number;
  add(entry: Contact): void; correct(entry: Contact): void; remove(id: string): void;
  find(id: string): number; at(i: number): Contact | undefined; get(id: string): Contact | undefined;
  [Symbol.iterator](): Iterator<Contact>;
  forHousehold(household: string): ContactLog;
  pseudonymize(key: Uint8Array | string): ContactLog;
  erase(id: string): { removed: string[]; changed: number };
  retain(asOf: DateLike, schoolYears: number): number;
}
export declare class ContactReader extends Handle implements Iterable<Contact> {
  constructor(filename: string);
  readonly line: number; next(): Contact | null; [Symbol.iterator](): Iterator<Contact>;
}
export declare class ContactWriter extends Handle {
  constructor(filename: string);
  write(entry: Contact): void; commit(): void;
}
export declare const contactlog: {
  readonly Initiator: typeof Initiator; readonly Tone: typeof Tone;
  initiator: { id(i: number): string; fromId(id: string): number };
  tone: { id(t: number): string; fromId(id: string): number };
  validate(entry: Contact): void;
  pseudonym(id: string, key: Uint8Array | string): string;
  readonly ContactLog: typeof ContactLog; readonly ContactReader: typeof ContactReader;
  readonly ContactWriter: typeof ContactWriter;
};

export interface ReachOptions { window?: [DateLike, DateLike]; hardWeeks?: number; hardFailed?: number; calendar?: Calendar | null }
export interface ReachFigures {
  households: number; reached: number; contacts: number; proactive: number; failed: number;
  neverContacted: number; hardToReach: number; reach: number; proactiveShare: number;
}
export declare class ReachReport extends Handle {
  constructor(log: ContactLog, audience: Audience, asOf: DateLike, opts?: ReachOptions | null);
  readonly window: [Date, Date];
  readonly groups: Array<{ type: number; name: string; figures: ReachFigures }>;
  readonly neverContacted: Array<{ household: string; attempts: number; lastAttempt: Date | null }>;
  readonly hardToReach: Array<{ household: string; reasons: number; failedInRow: number; lastContact: Date | null }>;
  text(lang?: Lang): string; toJson(): string;
}
/** Expected contacts held against the log; borrows both (freeing either frees it). */
export declare class PlanStatus extends Handle implements Iterable<{ state: number; entry: string | null }> {
  constructor(expected: Expected, log: ContactLog, asOf: DateLike);
  readonly length: number;
  at(i: number): { state: number; entry: string | null } | undefined;
  household(id: string): { done: number; doneLate: number; overdue: number; open: number; upcoming: number; next: number | null };
  text(household?: string | null, lang?: Lang): string;
  [Symbol.iterator](): Iterator<{ state: number; entry: string | null }>;
}
export declare const analytics: {
  readonly ReachGroup: Readonly<Record<'NONE' | 'SCHOOL' | 'CLASS' | 'MENTOR', number>>;
  readonly HardReason: Readonly<Record<'NO_CONTACT_IN_WEEKS' | 'FAILED_IN_ROW', number>>;
  readonly ExpectedState: Readonly<Record<'NONE' | 'UPCOMING' | 'OPEN' | 'DONE' | 'DONE_LATE' | 'OVERDUE', number>>;
  expectedState: { id(s: number): string };
  options(o?: ReachOptions): object;
  readonly ReachReport: typeof ReachReport; readonly PlanStatus: typeof PlanStatus;
};
export declare const contactics: {
  toIcs(asOf: DateLike, opts: { household?: string | null; staff?: string | null; expected?: Expected | null;
    status?: PlanStatus | null; log?: ContactLog | null; lang?: Lang }): string;
};
export interface ComplianceFinding {
  clause: string; kind: number; from: Date; to: Date; expected: number; actual: number;
  entry: string | null; answered: boolean;
}
export interface ComplianceReport {
  checked: number; findings: ComplianceFinding[]; kept: boolean; textNl: string; textEn: string; json: string;
}
export declare const compliance: {
  check(agreement: Agreement, log: ContactLog, asOf: DateLike, opts?: { calendar?: Calendar | null; version?: number | null }): ComplianceReport;
};
// ---- end issue 5 -----------------------------------------------------------

// ---- issue 6: CSV import, generator ----------------------------------------
export interface CsvImportOptions { delimiter?: string | null; ignoreUnknownColumns?: boolean; headers?: Record<number, string> }
export declare const csvimport: {
  readonly CsvColumn: Readonly<Record<string, number>>;
  csvColumn: { id(c: number): string };
  importCsv(base: Conference, csv: string | Buffer, source?: string | null, opts?: CsvImportOptions): Conference;
  importCsvFile(base: Conference, filename: string, opts?: CsvImportOptions): Conference;
};
// ---- end issue 6 -----------------------------------------------------------
/** The names of the C functions the binding declares. */
export declare function declaredFunctions(): Set<string>;
