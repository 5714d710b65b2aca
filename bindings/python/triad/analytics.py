"""Contact analytics: reach per school, class and mentor, proactive share,
households never contacted or hard to reach (triad/analytics.h)."""
from __future__ import annotations

import ctypes
import dataclasses
import datetime as _dt
import enum
from typing import Any, List, Optional, Tuple

from . import date as _date
from ._ffi import alias, decode, opaque, proto
from ._handle import Handle
from .calendar import Calendar
from .common import Lang
from .contactlog import ContactLog
from .contactplan import Audience
from .error import check
from .memory import take_string

OPTIONS_VERSION = 1
FIGURES_VERSION = 1

ReportP = opaque("triad_reach_report")
alias("triad_reach_group", ctypes.c_int)
alias("triad_lang", ctypes.c_int)


class _COptions(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint), ("has_window", ctypes.c_int),
                ("window_from", ctypes.c_int32), ("window_to", ctypes.c_int32),
                ("hard_weeks", ctypes.c_int32), ("hard_failed", ctypes.c_int32),
                ("calendar", ctypes.c_void_p)]


class _CFigures(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint), ("households", ctypes.c_size_t),
                ("reached", ctypes.c_size_t), ("contacts", ctypes.c_size_t),
                ("proactive", ctypes.c_size_t), ("failed", ctypes.c_size_t),
                ("never_contacted", ctypes.c_size_t), ("hard_to_reach", ctypes.c_size_t),
                ("reach", ctypes.c_double), ("proactive_share", ctypes.c_double)]


alias("triad_reach_options", _COptions)
alias("triad_reach_figures", _CFigures)

_options_init = proto("int triad_reach_options_init(triad_reach_options *opts, unsigned version)")
_new = proto("int triad_reach_report_new(triad_reach_report **out, const triad_contactlog *log, const triad_audience *aud, triad_date as_of, const triad_reach_options *opts)")
_free = proto("void triad_reach_report_free(triad_reach_report *report)")
_window = proto("void triad_reach_report_window(const triad_reach_report *report, triad_date *from, triad_date *to)")
_group_count = proto("size_t triad_reach_report_group_count(const triad_reach_report *report)")
_group = proto("int triad_reach_report_group(const triad_reach_report *report, size_t index, triad_reach_group *type, const char **name, triad_reach_figures *out)")
_never_count = proto("size_t triad_reach_report_never_count(const triad_reach_report *report)")
_never_at = proto("int triad_reach_report_never_at(const triad_reach_report *report, size_t index, const char **household, size_t *attempts, triad_date *last_attempt)")
_hard_count = proto("size_t triad_reach_report_hard_count(const triad_reach_report *report)")
_hard_at = proto("int triad_reach_report_hard_at(const triad_reach_report *report, size_t index, const char **household, unsigned *reasons, size_t *failed_in_row, int *has_contact, triad_date *last_contact)")
_text = proto("int triad_reach_report_text(char **out, const triad_reach_report *report, triad_lang lang)")
_json = proto("int triad_reach_report_json(char **out, const triad_reach_report *report)")


class ReachGroup(enum.IntEnum):
    NONE = 0
    SCHOOL = 1
    CLASS = 2
    MENTOR = 3


class HardReason(enum.IntFlag):
    NO_CONTACT_IN_WEEKS = 1  #: no contact in the last N school weeks despite attempts
    FAILED_IN_ROW = 2        #: the last M attempts all failed


@dataclasses.dataclass(frozen=True)
class ReachOptions:
    """triad_reach_options; fields left None keep the library's defaults
    (N = 6 school weeks, M = 3 failed attempts, window: the school year)."""

    window: Optional[Tuple[_date.DateLike, _date.DateLike]] = None
    hard_weeks: Optional[int] = None
    hard_failed: Optional[int] = None
    calendar: Optional[Calendar] = None

    def _c(self) -> _COptions:
        o = _COptions()
        check(_options_init(ctypes.byref(o), OPTIONS_VERSION))
        if self.window is not None:
            o.has_window = 1
            o.window_from, o.window_to = (_date.to_days(d) for d in self.window)
        if self.hard_weeks is not None:
            o.hard_weeks = self.hard_weeks
        if self.hard_failed is not None:
            o.hard_failed = self.hard_failed
        if self.calendar is not None:
            o.calendar = ctypes.cast(self.calendar._h, ctypes.c_void_p)
        return o


@dataclasses.dataclass(frozen=True)
class Figures:
    households: int
    reached: int
    contacts: int
    proactive: int
    failed: int
    never_contacted: int
    hard_to_reach: int
    reach: float
    proactive_share: float


@dataclasses.dataclass(frozen=True)
class Group:
    type: ReachGroup
    name: str          #: class name or mentor id; "" for the school
    figures: Figures


@dataclasses.dataclass(frozen=True)
class NeverContacted:
    household: str
    attempts: int
    last_attempt: Optional[_dt.date]


@dataclasses.dataclass(frozen=True)
class HardToReach:
    household: str
    reasons: HardReason
    failed_in_row: int
    last_contact: Optional[_dt.date]


class ReachReport(Handle):
    """Reach of the school's contacts on a date (``triad.reach-report/1``)."""

    __slots__ = ()
    _kind = "reach report"

    def __init__(self, log: ContactLog, audience: Audience, as_of: _date.DateLike,
                 options: Optional[ReachOptions] = None) -> None:
        out = ReportP()
        opts = options._c() if options is not None else None
        check(_new(ctypes.byref(out), log._h, audience._h, _date.to_days(as_of),
                   ctypes.byref(opts) if opts is not None else None))
        super().__init__(out, _free)

    @property
    def window(self) -> Tuple[_dt.date, _dt.date]:
        f, t = ctypes.c_int32(), ctypes.c_int32()
        _window(self._h, ctypes.byref(f), ctypes.byref(t))
        return _date.from_days(f.value), _date.from_days(t.value)

    @property
    def groups(self) -> List[Group]:
        """The school, then every class, then every mentor."""
        out = []
        for i in range(_group_count(self._h)):
            t, name, fig = ctypes.c_int(), ctypes.c_char_p(), _CFigures()
            fig.version = FIGURES_VERSION
            check(_group(self._h, i, ctypes.byref(t), ctypes.byref(name), ctypes.byref(fig)))
            out.append(Group(ReachGroup(t.value), decode(name.value or b""),
                             Figures(*(getattr(fig, f) for f, _ in _CFigures._fields_[1:]))))
        return out

    @property
    def never_contacted(self) -> List[NeverContacted]:
        out = []
        for i in range(_never_count(self._h)):
            h, n, d = ctypes.c_char_p(), ctypes.c_size_t(), ctypes.c_int32()
            check(_never_at(self._h, i, ctypes.byref(h), ctypes.byref(n), ctypes.byref(d)))
            out.append(NeverContacted(decode(h.value), n.value,
                                      _date.from_days(d.value) if n.value else None))
        return out

    @property
    def hard_to_reach(self) -> List[HardToReach]:
        out = []
        for i in range(_hard_count(self._h)):
            h, r, f, has, d = (ctypes.c_char_p(), ctypes.c_uint(), ctypes.c_size_t(),
                               ctypes.c_int(), ctypes.c_int32())
            check(_hard_at(self._h, i, ctypes.byref(h), ctypes.byref(r), ctypes.byref(f),
                           ctypes.byref(has), ctypes.byref(d)))
            out.append(HardToReach(decode(h.value), HardReason(r.value), f.value,
                                   _date.from_days(d.value) if has.value else None))
        return out

    def text(self, lang: Lang = Lang.NL) -> str:
        out = ctypes.c_void_p()
        check(_text(ctypes.byref(out), self._h, int(lang)))
        return take_string(out.value)

    def to_json(self) -> str:
        out = ctypes.c_void_p()
        check(_json(ctypes.byref(out), self._h))
        return take_string(out.value)


# ---- the plan against the log ---------------------------------------------------

PlanStatusP = opaque("triad_plan_status")
alias("triad_expected_state", ctypes.c_int)

_state_id = proto("const char *triad_expected_state_id(triad_expected_state state)")
_status_new = proto("int triad_plan_status_new(triad_plan_status **out, const triad_expected *expected, const triad_contactlog *log, triad_date as_of)")
_status_free = proto("void triad_plan_status_free(triad_plan_status *status)")
_status_count = proto("size_t triad_plan_status_count(const triad_plan_status *status)")
_status_at = proto("int triad_plan_status_at(const triad_plan_status *status, size_t index, triad_expected_state *state, const char **entry)")
_status_household = proto("int triad_plan_status_household(const triad_plan_status *status, const char *household, size_t *done, size_t *done_late, size_t *overdue, size_t *open, size_t *upcoming, size_t *next)")
_status_text = proto("int triad_plan_status_text(char **out, const triad_plan_status *status, const char *household, triad_lang lang)")

_SIZE_MAX = ctypes.c_size_t(-1).value


class ExpectedState(enum.IntEnum):
    """triad_expected_state: where an expected contact stands on a date."""
    NONE = 0
    UPCOMING = 1
    OPEN = 2
    DONE = 3
    DONE_LATE = 4
    OVERDUE = 5

    @property
    def id(self) -> str:
        from ._ffi import decode as _decode
        from .error import check_ptr as _check_ptr
        return _decode(_check_ptr(_state_id(self)))


@dataclasses.dataclass(frozen=True)
class HouseholdStatus:
    done: int
    done_late: int
    overdue: int
    open: int
    upcoming: int
    next: Optional[int]     #: index of the contact due next, or None


class PlanStatus(Handle):
    """The expected contacts of a plan held against the log on a date. It
    borrows the expected-contact list and the log: closing either closes
    the status first (and the log must not change while the status lives)."""

    __slots__ = ()
    _kind = "plan status"

    def __init__(self, expected: Any, log: ContactLog, as_of: _date.DateLike) -> None:
        out = PlanStatusP()
        check(_status_new(ctypes.byref(out), expected._h, log._h, _date.to_days(as_of)))
        super().__init__(out, _status_free)
        self._pin(expected, log)

    def __len__(self) -> int:
        return int(_status_count(self._h))

    def __getitem__(self, index: int) -> Tuple[ExpectedState, Optional[str]]:
        """(state, id of the log entry that did it or None) of expected contact ``index``."""
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("plan status index out of range")
        st, entry = ctypes.c_int(), ctypes.c_char_p()
        check(_status_at(self._h, index, ctypes.byref(st), ctypes.byref(entry)))
        return ExpectedState(st.value), None if entry.value is None else decode(entry.value)

    def __iter__(self):  # type: ignore[no-untyped-def]
        for i in range(len(self)):
            yield self[i]

    def household(self, household: str) -> HouseholdStatus:
        """A household's expected contacts in sum; NotFoundError when it has none."""
        from ._ffi import encode as _encode
        v = [ctypes.c_size_t() for _ in range(6)]
        check(_status_household(self._h, _encode(household, "household"), *(ctypes.byref(x) for x in v)))
        nxt = v[5].value
        return HouseholdStatus(v[0].value, v[1].value, v[2].value, v[3].value, v[4].value,
                               None if nxt == _SIZE_MAX else nxt)

    def text(self, household: Optional[str] = None, lang: Lang = Lang.NL) -> str:
        """The status as text, for one household or every household."""
        from ._ffi import encode as _encode
        out = ctypes.c_void_p()
        check(_status_text(ctypes.byref(out), self._h,
                           None if household is None else _encode(household, "household"), int(lang)))
        return take_string(out.value)
