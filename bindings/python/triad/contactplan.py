"""Contact plans: which contacts each household should get and when, an
audience of households and students, and the expected contacts of a school
year (triad/contactplan.h)."""
from __future__ import annotations

import ctypes
import dataclasses
import datetime as _dt
import enum
import os
from typing import Any, List, Optional, Sequence, Tuple, Union

from . import date as _date
from ._ffi import alias, decode, encode, opaque, proto
from ._handle import Handle
from .calendar import Calendar
from .contactkind import Channel, ContactKind
from .error import check, check_ptr
from .memory import take_string
from .policy import PolicyOptions
from .roster import Roster

FORMAT = "triad.contact-plan/1"
RULE_VERSION = 1

PlanP = opaque("triad_contactplan")
AudienceP = opaque("triad_audience")
ExpectedP = opaque("triad_expected")
for _n in ("triad_plan_with", "triad_plan_timing", "triad_plan_per", "triad_plan_access",
           "triad_contact_kind"):
    alias(_n, ctypes.c_int)


class _CRule(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint), ("id", ctypes.c_char_p), ("kind", ctypes.c_int),
                ("channel", ctypes.c_int), ("with_", ctypes.c_int), ("per", ctypes.c_int),
                ("timing", ctypes.c_int), ("n", ctypes.c_int32), ("limit", ctypes.c_int32),
                ("has_deadline", ctypes.c_int), ("deadline", ctypes.c_int32),
                ("years", ctypes.POINTER(ctypes.c_int32)), ("year_count", ctypes.c_size_t),
                ("school_types", ctypes.POINTER(ctypes.c_char_p)), ("school_type_count", ctypes.c_size_t),
                ("classes", ctypes.POINTER(ctypes.c_char_p)), ("class_count", ctypes.c_size_t),
                ("report_periods", ctypes.POINTER(ctypes.c_char_p)), ("report_period_count", ctypes.c_size_t),
                ("note", ctypes.c_char_p)]


alias("triad_plan_rule", _CRule)

_with_id = proto("const char *triad_plan_with_id(triad_plan_with with)")
_timing_id = proto("const char *triad_plan_timing_id(triad_plan_timing timing)")
_access_id = proto("const char *triad_plan_access_id(triad_plan_access access)")
_rule_init = proto("int triad_plan_rule_init(triad_plan_rule *rule, unsigned version)")
_new = proto("int triad_contactplan_new(triad_contactplan **out)")
_default = proto("int triad_contactplan_default(triad_contactplan **out)")
_free = proto("void triad_contactplan_free(triad_contactplan *plan)")
_add_rule = proto("int triad_contactplan_add_rule(triad_contactplan *plan, const triad_plan_rule *rule)")
_remove_rule = proto("int triad_contactplan_remove_rule(triad_contactplan *plan, const char *id)")
_rule_count = proto("size_t triad_contactplan_rule_count(const triad_contactplan *plan)")
_rule_at = proto("int triad_contactplan_rule_at(const triad_contactplan *plan, size_t index, triad_plan_rule *out)")
_find_rule = proto("int triad_contactplan_find_rule(size_t *out, const triad_contactplan *plan, const char *id)")
_load = proto("int triad_contactplan_load(triad_contactplan **out, const char *text, size_t len, const char *source)")
_load_file = proto("int triad_contactplan_load_file(triad_contactplan **out, const char *filename)")
_save = proto("int triad_contactplan_save(char **out, const triad_contactplan *plan)")
_save_file = proto("int triad_contactplan_save_file(const triad_contactplan *plan, const char *filename)")
_aud_new = proto("int triad_audience_new(triad_audience **out)")
_aud_free = proto("void triad_audience_free(triad_audience *aud)")
_aud_add = proto("int triad_audience_add(triad_audience *aud, const char *household_id, const char *student_id, const char *school_type, int year, const char *class_name, const char *mentor_id, triad_plan_access access)")
_aud_count = proto("size_t triad_audience_count(const triad_audience *aud)")
_aud_at = proto("int triad_audience_at(const triad_audience *aud, size_t index, const char **household_id, const char **student_id, const char **school_type, int *year, const char **class_name, const char **mentor_id, triad_plan_access *access)")
_aud_from_roster = proto("int triad_audience_from_roster(triad_audience **out, const triad_roster *roster, const triad_policy_options *opts, triad_date as_of)")
_generate = proto("int triad_contactplan_generate(triad_expected **out, const triad_contactplan *plan, const triad_calendar *cal, const triad_audience *aud)")
_exp_free = proto("void triad_expected_free(triad_expected *list)")
_exp_count = proto("size_t triad_expected_count(const triad_expected *list)")
_exp_str = {k: proto(f"const char *triad_expected_{k}(const triad_expected *list, size_t i)")
            for k in ("household", "rule", "staff", "report_period")}
_exp_student_count = proto("size_t triad_expected_student_count(const triad_expected *list, size_t i)")
_exp_student_at = proto("const char *triad_expected_student_at(const triad_expected *list, size_t i, size_t j)")
_exp_kind = proto("triad_contact_kind triad_expected_kind(const triad_expected *list, size_t i)")
_exp_channel = proto("triad_channel triad_expected_channel(const triad_expected *list, size_t i)")
_exp_with = proto("triad_plan_with triad_expected_with(const triad_expected *list, size_t i)")
_exp_earliest = proto("triad_date triad_expected_earliest(const triad_expected *list, size_t i)")
_exp_due = proto("triad_date triad_expected_due(const triad_expected *list, size_t i)")
_exp_occurrence = proto("int32_t triad_expected_occurrence(const triad_expected *list, size_t i)")
_exp_skipped_count = proto("size_t triad_expected_skipped_count(const triad_expected *list)")
_exp_skipped_at = proto("int triad_expected_skipped_at(const triad_expected *list, size_t index, const char **household, const char **student, triad_plan_access *access)")


class _Ids(enum.IntEnum):
    @property
    def id(self) -> str:
        return decode(check_ptr(type(self)._id_fn(self)))  # type: ignore[attr-defined]


class PlanWith(_Ids):
    """triad_plan_with: with whom at school."""
    NONE = 0
    MENTOR = 1
    TEACHER = 2
    COORDINATOR = 3
    SCHOOL_LEADER = 4


class PlanTiming(_Ids):
    """triad_plan_timing: when a rule's contacts are due."""
    NONE = 0
    FIRST_WEEKS = 1   #: within the first n school weeks
    AFTER_REPORT = 2  #: within n school days after each report period
    EVERY_WEEKS = 3   #: every n school weeks
    ONCE_A_YEAR = 4


class PlanPer(enum.IntEnum):
    """triad_plan_per: one contact per household, or per household and student."""
    NONE = 0
    HOUSEHOLD = 1
    STUDENT = 2


class PlanAccess(_Ids):
    """triad_plan_access: a household's access to information about a student."""
    NONE = 0
    FULL = 1
    ON_REQUEST = 2
    RESTRICTED = 3
    NOT_CHOSEN = 4    #: an adult student did not choose to have the household informed


PlanWith._id_fn = _with_id  # type: ignore[attr-defined]
PlanTiming._id_fn = _timing_id  # type: ignore[attr-defined]
PlanAccess._id_fn = _access_id  # type: ignore[attr-defined]


@dataclasses.dataclass(frozen=True)
class PlanRule:
    """One rule of a contact plan (triad_plan_rule)."""

    id: str
    kind: ContactKind
    timing: PlanTiming
    n: int = 0
    with_: PlanWith = PlanWith.MENTOR
    per: PlanPer = PlanPer.HOUSEHOLD
    channel: Channel = Channel.NONE
    limit: int = 0
    deadline: Optional[_dt.date] = None
    years: Tuple[int, ...] = ()
    school_types: Tuple[str, ...] = ()
    classes: Tuple[str, ...] = ()
    report_periods: Tuple[str, ...] = ()
    note: Optional[str] = None

    def _c(self) -> Tuple[_CRule, Any]:
        """The C struct and the buffers it points into (keep both alive)."""
        r = _CRule()
        check(_rule_init(ctypes.byref(r), RULE_VERSION))

        def strs(items: Sequence[str], what: str) -> Any:
            return (ctypes.c_char_p * max(len(items), 1))(*(encode(s, what) for s in items))

        keep = (encode(self.id, "id"), (ctypes.c_int32 * max(len(self.years), 1))(*self.years),
                strs(self.school_types, "school_types"), strs(self.classes, "classes"),
                strs(self.report_periods, "report_periods"),
                None if self.note is None else encode(self.note, "note"))
        r.id, r.years, r.school_types, r.classes, r.report_periods, r.note = keep
        r.kind, r.channel, r.with_, r.per, r.timing = (int(self.kind), int(self.channel),
                                                       int(self.with_), int(self.per), int(self.timing))
        r.n, r.limit = self.n, self.limit
        if self.deadline is not None:
            r.has_deadline, r.deadline = 1, _date.to_days(self.deadline)
        r.year_count, r.school_type_count = len(self.years), len(self.school_types)
        r.class_count, r.report_period_count = len(self.classes), len(self.report_periods)
        return r, keep

    @classmethod
    def _from_c(cls, r: _CRule) -> "PlanRule":
        def strs(p: Any, n: int) -> Tuple[str, ...]:
            return tuple(decode(p[i]) for i in range(n))
        return cls(id=decode(r.id), kind=ContactKind(r.kind), timing=PlanTiming(r.timing), n=r.n,
                   with_=PlanWith(r.with_), per=PlanPer(r.per), channel=Channel(r.channel),
                   limit=r.limit, deadline=_date.from_days(r.deadline) if r.has_deadline else None,
                   years=tuple(r.years[i] for i in range(r.year_count)),
                   school_types=strs(r.school_types, r.school_type_count),
                   classes=strs(r.classes, r.class_count),
                   report_periods=strs(r.report_periods, r.report_period_count),
                   note=None if r.note is None else decode(r.note))


class ContactPlan(Handle):
    """A contact plan (``triad.contact-plan/1``): an ordered list of rules."""

    __slots__ = ()
    _kind = "contact plan"

    def __init__(self, *, _ptr: Any = None) -> None:
        if _ptr is None:
            _ptr = PlanP()
            check(_new(ctypes.byref(_ptr)))
        super().__init__(_ptr, _free)

    @classmethod
    def default(cls) -> "ContactPlan":
        """The built-in default plan for Dutch secondary schools."""
        out = PlanP()
        check(_default(ctypes.byref(out)))
        return cls(_ptr=out)

    @classmethod
    def load(cls, text: Union[str, bytes], source: Optional[str] = None) -> "ContactPlan":
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        out = PlanP()
        check(_load(ctypes.byref(out), data, len(data), None if source is None else encode(source, "source")))
        return cls(_ptr=out)

    @classmethod
    def load_file(cls, path: Union[str, "os.PathLike[str]"]) -> "ContactPlan":
        out = PlanP()
        check(_load_file(ctypes.byref(out), encode(os.fspath(path), "path")))
        return cls(_ptr=out)

    def save(self) -> str:
        out = ctypes.c_void_p()
        check(_save(ctypes.byref(out), self._h))
        return take_string(out.value)

    def save_file(self, path: Union[str, "os.PathLike[str]"]) -> None:
        check(_save_file(self._h, encode(os.fspath(path), "path")))

    def add_rule(self, rule: PlanRule) -> None:
        c, _keep = rule._c()
        check(_add_rule(self._h, ctypes.byref(c)))

    def remove_rule(self, id: str) -> None:
        check(_remove_rule(self._h, encode(id, "id")))

    def _rule(self, i: int) -> PlanRule:
        r = _CRule()
        check(_rule_init(ctypes.byref(r), RULE_VERSION))
        check(_rule_at(self._h, i, ctypes.byref(r)))
        return PlanRule._from_c(r)

    @property
    def rules(self) -> List[PlanRule]:
        return [self._rule(i) for i in range(_rule_count(self._h))]

    def rule(self, id: str) -> PlanRule:
        """A rule by id; NotFoundError when there is none."""
        out = ctypes.c_size_t()
        check(_find_rule(ctypes.byref(out), self._h, encode(id, "id")))
        return self._rule(out.value)

    def generate(self, calendar: Calendar, audience: "Audience") -> "Expected":
        """The contacts each household should get in the calendar's year."""
        out = ExpectedP()
        check(_generate(ctypes.byref(out), self._h, calendar._h, audience._h))
        return Expected(out)


@dataclasses.dataclass(frozen=True)
class AudienceEntry:
    household_id: str
    student_id: str
    school_type: str
    year: int
    class_name: Optional[str]
    mentor_id: Optional[str]
    access: PlanAccess


class Audience(Handle):
    """The (household, student) pairs a plan applies to."""

    __slots__ = ()
    _kind = "audience"

    def __init__(self, *, _ptr: Any = None) -> None:
        if _ptr is None:
            _ptr = AudienceP()
            check(_aud_new(ctypes.byref(_ptr)))
        super().__init__(_ptr, _aud_free)

    @classmethod
    def from_roster(cls, roster: Roster, as_of: _date.DateLike,
                    opts: Optional[PolicyOptions] = None) -> "Audience":
        """Households and access by the age policy on a date."""
        out = AudienceP()
        check(_aud_from_roster(ctypes.byref(out), roster._h,
                               ctypes.byref(opts) if opts is not None else None, _date.to_days(as_of)))
        return cls(_ptr=out)

    def add(self, household_id: str, student_id: str, school_type: str, year: int, *,
            class_name: Optional[str] = None, mentor_id: Optional[str] = None,
            access: PlanAccess = PlanAccess.FULL) -> None:
        check(_aud_add(self._h, encode(household_id, "household_id"), encode(student_id, "student_id"),
                       encode(school_type, "school_type"), year,
                       None if class_name is None else encode(class_name, "class_name"),
                       None if mentor_id is None else encode(mentor_id, "mentor_id"), int(access)))

    def __len__(self) -> int:
        return int(_aud_count(self._h))

    def __getitem__(self, i: int) -> AudienceEntry:
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("audience index out of range")
        h, s, t, c, m = (ctypes.c_char_p() for _ in range(5))
        y, a = ctypes.c_int(), ctypes.c_int()
        check(_aud_at(self._h, i, ctypes.byref(h), ctypes.byref(s), ctypes.byref(t), ctypes.byref(y),
                      ctypes.byref(c), ctypes.byref(m), ctypes.byref(a)))
        opt = lambda v: None if v.value is None else decode(v.value)  # noqa: E731
        return AudienceEntry(decode(h.value), decode(s.value), decode(t.value), y.value,
                             opt(c), opt(m), PlanAccess(a.value))

    def __iter__(self):  # type: ignore[no-untyped-def]
        for i in range(len(self)):
            yield self[i]


@dataclasses.dataclass(frozen=True)
class ExpectedContact:
    household: str
    students: Tuple[str, ...]
    rule: str
    kind: ContactKind
    channel: Channel
    with_: PlanWith
    staff: str              #: "" when the school assigns one
    earliest: _dt.date
    due: _dt.date
    occurrence: int
    report_period: str      #: "" unless after_report


@dataclasses.dataclass(frozen=True)
class Skipped:
    household: str
    student: str
    access: PlanAccess


class Expected(Handle):
    """The expected contacts of a year, as generated from a plan; a sequence
    of :class:`ExpectedContact` (copies)."""

    __slots__ = ()
    _kind = "expected-contact list"

    def __init__(self, _ptr: Any) -> None:
        super().__init__(_ptr, _exp_free)

    def __len__(self) -> int:
        return int(_exp_count(self._h))

    def __getitem__(self, i: int) -> ExpectedContact:
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("expected-contact index out of range")
        h = self._h
        return ExpectedContact(
            decode(check_ptr(_exp_str["household"](h, i))),
            tuple(decode(check_ptr(_exp_student_at(h, i, j))) for j in range(_exp_student_count(h, i))),
            decode(check_ptr(_exp_str["rule"](h, i))), ContactKind(_exp_kind(h, i)),
            Channel(_exp_channel(h, i)), PlanWith(_exp_with(h, i)),
            decode(check_ptr(_exp_str["staff"](h, i))), _date.from_days(_exp_earliest(h, i)),
            _date.from_days(_exp_due(h, i)), int(_exp_occurrence(h, i)),
            decode(check_ptr(_exp_str["report_period"](h, i))))

    def __iter__(self):  # type: ignore[no-untyped-def]
        for i in range(len(self)):
            yield self[i]

    @property
    def skipped(self) -> List[Skipped]:
        """(household, student) entries left out (restricted or on request)."""
        out = []
        for i in range(_exp_skipped_count(self._h)):
            h, s, a = ctypes.c_char_p(), ctypes.c_char_p(), ctypes.c_int()
            check(_exp_skipped_at(self._h, i, ctypes.byref(h), ctypes.byref(s), ctypes.byref(a)))
            out.append(Skipped(decode(h.value), decode(s.value), PlanAccess(a.value)))
        return out
