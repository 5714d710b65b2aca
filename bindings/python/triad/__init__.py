"""libtriad for Python: the relationship between a secondary-school student,
the parents or guardians, and the school.

One module per C header; the most used names are re-exported here::

    import triad
    with triad.SchoolTypes() as st:
        print(st.ownership("vwo", 6))      # 1.0
    triad.Category.from_id("involvement.home").label(triad.Lang.EN)

Every failure raises a :class:`triad.TriadError` subclass carrying the
library's code, message and location (source, line, column, JSON path).
"""
from __future__ import annotations

from . import categories, common, contactkind, date, error, memory, schooltypes
from . import strlist
# issue 3: people, age policy, agreements
from . import agreement, policy, roster
from .agreement import Agreement
from .policy import PolicyOptions
from .roster import (Consent, Guardian, Household, InfoRights, Relation, RelationKind,
                     Roster, Staff, StaffRole, Student)
# end issue 3
# issue 4: conference scheduler
from . import conference, conference_export
from .conference import Conference, SolvePhase
# end issue 4
# issue 5: calendar, contacts
from . import analytics, calendar, compliance, contactics, contactlog, contactplan
from .analytics import PlanStatus, ReachReport
from .calendar import Calendar, Region
from .contactlog import Contact, ContactLog, ContactReader, ContactWriter, Initiator, Tone
from .contactplan import Audience, ContactPlan, PlanRule
# end issue 5
# issue 6: CSV import, generator
from . import csvimport
# end issue 6
from .categories import Category, Epstein, Intensity
from .common import Lang
from .contactkind import Channel, ContactKind
from .error import (CanceledError, ErrorCode, ExistsError, FormatError,
                    InternalError, InvalidArgumentError, NotFoundError,
                    OutOfMemoryError, ParseError, RangeError, StateError,
                    TriadError, TriadIOError, VersionError, clear_error,
                    last_error, strerror)
from .schooltypes import SchoolTypes
from .strlist import StrList
from .version import version, version_info, version_number

__version__ = "0.1.0"

__all__ = [
    "CanceledError", "Category", "Channel", "ContactKind", "Epstein",
    "ErrorCode", "ExistsError", "FormatError", "Intensity", "InternalError",
    "InvalidArgumentError", "Lang", "NotFoundError", "OutOfMemoryError",
    "ParseError", "RangeError", "SchoolTypes", "StateError", "StrList",
    "TriadError", "TriadIOError", "VersionError", "categories", "clear_error",
    "common", "contactkind", "date", "error", "last_error", "memory",
    "schooltypes", "strerror", "strlist", "version", "version_info",
    "version_number",
    "policy", "roster", "PolicyOptions", "Consent", "Guardian", "Household",
    "InfoRights", "Relation", "RelationKind", "Roster", "Staff", "StaffRole",
    "Student", "agreement", "Agreement",
    "conference", "conference_export", "Conference", "SolvePhase",
    "analytics", "calendar", "compliance", "contactics", "contactlog", "contactplan", "PlanStatus", "ReachReport",
    "Calendar", "Region", "Contact", "ContactLog", "ContactReader", "ContactWriter",
    "Initiator", "Tone", "Audience", "ContactPlan", "PlanRule", "csvimport",
]
