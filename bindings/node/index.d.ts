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
// ---- end issue 3 -----------------------------------------------------------

/** The names of the C functions the binding declares. */
export declare function declaredFunctions(): Set<string>;
