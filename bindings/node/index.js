'use strict';
// libtriad for Node.js: the relationship between a secondary-school student,
// the parents or guardians, and the school. One module per C header under
// lib/; everything is re-exported here.

const ffi = require('./lib/ffi');
const common = require('./lib/common');
const error = require('./lib/error');
const version = require('./lib/version');
const date = require('./lib/date');
const strlist = require('./lib/strlist');
const categories = require('./lib/categories');
const contactkind = require('./lib/contactkind');
const schooltypes = require('./lib/schooltypes');
// issue 3: people, age policy, agreements
const roster = require('./lib/roster');
const policy = require('./lib/policy');
const agreement = require('./lib/agreement');
// end issue 3
// issue 4: conference scheduler
const conference = require('./lib/conference');
const conferenceExport = require('./lib/conference_export');
// end issue 4
// issue 5: calendar, contacts
const calendar = require('./lib/calendar');
const contactplan = require('./lib/contactplan');
const contactlog = require('./lib/contactlog');
const analytics = require('./lib/analytics');
const contactics = require('./lib/contactics');
const compliance = require('./lib/compliance');
// end issue 5
// issue 6: CSV import, generator
const csvimport = require('./lib/csvimport');
// end issue 6

module.exports = {
  Lang: common.Lang,
  ErrorCode: error.ErrorCode,
  TriadError: error.TriadError,
  lastError: error.lastError,
  clearError: error.clearError,
  strerror: error.strerror,
  version: version.version,
  versionNumber: version.versionNumber,
  date,
  StrList: strlist.StrList,
  Category: categories.Category,
  Epstein: categories.Epstein,
  Intensity: categories.Intensity,
  category: categories.category,
  epstein: categories.epstein,
  intensity: categories.intensity,
  ContactKind: contactkind.ContactKind,
  Channel: contactkind.Channel,
  contactKind: contactkind.contactKind,
  channel: contactkind.channel,
  SchoolTypes: schooltypes.SchoolTypes,
  SCHOOLTYPE_MAX_YEARS: schooltypes.MAX_YEARS,
  // issue 3: people, age policy, agreements
  RelationKind: roster.RelationKind,
  InfoRights: roster.InfoRights,
  StaffRole: roster.StaffRole,
  relationKind: roster.relationKind,
  infoRights: roster.infoRights,
  staffRole: roster.staffRole,
  Roster: roster.Roster,
  Student: roster.Student,
  Guardian: roster.Guardian,
  Household: roster.Household,
  Staff: roster.Staff,
  Relation: roster.Relation,
  Consent: roster.Consent,
  policy,
  agreement,
  Agreement: agreement.Agreement,
  // end issue 3
  // issue 4: conference scheduler
  conference,
  conferenceExport,
  Conference: conference.Conference,
  SolvePhase: conference.SolvePhase,
  // end issue 4
  // issue 5: calendar, contacts
  calendar,
  contactplan,
  contactlog,
  analytics,
  contactics,
  compliance,
  Calendar: calendar.Calendar,
  Region: calendar.Region,
  ContactPlan: contactplan.ContactPlan,
  Audience: contactplan.Audience,
  ContactLog: contactlog.ContactLog,
  ContactReader: contactlog.ContactReader,
  ContactWriter: contactlog.ContactWriter,
  Initiator: contactlog.Initiator,
  Tone: contactlog.Tone,
  ReachReport: analytics.ReachReport,
  PlanStatus: analytics.PlanStatus,
  // end issue 5
  // issue 6: CSV import, generator
  csvimport,
  // end issue 6
  /** The names of the C functions the binding declares (for coverage tests). */
  declaredFunctions: ffi.declared,
};
