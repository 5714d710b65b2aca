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

/** The names of the C functions the binding declares. */
export declare function declaredFunctions(): Set<string>;
