"""The expected and planned contacts of one household or one staff member
as an iCalendar file for a calendar app (triad/contactics.h)."""
from __future__ import annotations

import ctypes
from typing import Any, Optional

from . import date as _date
from ._ffi import encode, proto
from . import analytics as _analytics  # declares triad_plan_status
from .common import Lang
from .contactlog import ContactLog
from .error import check
from .memory import take_string

_to_ics = proto("int triad_contacts_to_ics(char **out, const triad_expected *expected, const triad_plan_status *status, const triad_contactlog *log, const char *household, const char *staff, triad_date as_of, triad_lang lang)")


def to_ics(as_of: _date.DateLike, *, household: Optional[str] = None, staff: Optional[str] = None,
           expected: Any = None, status: Optional["_analytics.PlanStatus"] = None,
           log: Optional[ContactLog] = None, lang: Lang = Lang.NL) -> str:
    """iCalendar text (CRLF line ends) with a VTODO per expected contact
    (COMPLETED when ``status`` says it was done) and a VEVENT per log entry
    dated from ``as_of`` on, for exactly one of ``household`` and ``staff``."""
    out = ctypes.c_void_p()
    check(_to_ics(ctypes.byref(out), expected._h if expected is not None else None,
                  status._h if status is not None else None, log._h if log is not None else None,
                  None if household is None else encode(household, "household"),
                  None if staff is None else encode(staff, "staff"), _date.to_days(as_of), int(lang)))
    return take_string(out.value)
