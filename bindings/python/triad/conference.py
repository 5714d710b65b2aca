"""Parent–teacher conferences (tienminutengesprekken): the instance, the
schedule, the checker, the bound and the solver (triad/conference.h).

    >>> with Conference.load_file("evening.json") as conf:
    ...     result = conf.solve(seed=7, progress=lambda phase, cost, frac: True)
    ...     print(result.metric(Metric.COST), len(result.meetings))

The progress callback is a Python function ``(phase, best_cost, fraction)``
returning a true value to go on; returning False (or raising) stops the
solver, which then returns the best schedule so far with ``Stat.CANCELED``
set. An exception raised in the callback is re-raised from solve().

A result and a report keep their own copies of every id: they do not refer
to the instance and may outlive it.
"""
from __future__ import annotations

import ctypes
import datetime as _dt
import enum
import os
from typing import (Any, Callable, Iterable, List, Optional, Sequence, Tuple, Union)

from . import date as _date
from ._ffi import alias, decode, encode, opaque, proto
from ._handle import Handle
from .error import check, check_ptr
from .memory import take_string

FORMAT = "triad.conference/1"
RESULT_FORMAT = "triad.conference-result/1"
SOLVE_OPTIONS_VERSION = 1

ConferenceP = opaque("triad_conference")
ResultP = opaque("triad_conference_result")
ReportP = opaque("triad_conference_report")
for _n in ("triad_conference_priority", "triad_conference_preference",
           "triad_conference_setting", "triad_conference_metric",
           "triad_conference_reason", "triad_conference_violation",
           "triad_conference_stat", "triad_solve_phase"):
    alias(_n, ctypes.c_int)

#: triad_solve_progress_fn
ProgressFn = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_int, ctypes.c_int64, ctypes.c_double,
                              ctypes.c_void_p)
alias("triad_solve_progress_fn", ProgressFn)


class _SolveOptions(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint), ("seed", ctypes.c_uint64),
                ("max_iterations", ctypes.c_int64), ("time_limit_seconds", ctypes.c_double),
                ("progress", ProgressFn), ("payload", ctypes.c_void_p),
                ("progress_interval", ctypes.c_int64)]


alias("triad_solve_options", _SolveOptions)


class _Ids(enum.IntEnum):
    """An enumeration whose members have a stable string id in the library."""

    @property
    def id(self) -> str:
        return decode(check_ptr(type(self)._id_fn(self)))  # type: ignore[attr-defined]


class Priority(enum.IntEnum):
    """triad_conference_priority (weights: invited 4, required 2, optional 1)."""
    NONE = 0
    INVITED = 1
    REQUIRED = 2
    OPTIONAL = 3


class Preference(enum.IntEnum):
    """triad_conference_preference of a household."""
    NONE = 0
    EARLY = 1
    LATE = 2


class Setting(_Ids):
    """triad_conference_setting: weights, caps and the walking gap."""
    NONE = 0
    WEIGHT_UNSCHEDULED = 1
    WEIGHT_EXTRA_SESSION = 2
    WEIGHT_WAIT = 3
    WEIGHT_IDLE = 4
    WEIGHT_PREFERENCE = 5
    MOVE_PENALTY = 6
    PRIORITY_INVITED = 7
    PRIORITY_REQUIRED = 8
    PRIORITY_OPTIONAL = 9
    TEACHER_MAX_MEETINGS = 10
    TEACHER_BREAK_AFTER = 11
    HOUSEHOLD_MAX_SESSIONS = 12
    HOUSEHOLD_MAX_WAIT = 13
    WALKING_GAP = 14


class Metric(_Ids):
    """triad_conference_metric: the terms of the objective and the bound."""
    NONE = 0
    UNSCHEDULED_WEIGHT = 1
    EXTRA_SESSIONS = 2
    HOUSEHOLD_WAIT_SLOTS = 3
    TEACHER_IDLE_SLOTS = 4
    PREFERENCE_MISSES = 5
    MOVED_MEETINGS = 6
    COST = 7
    SCHEDULABLE_WEIGHT_BOUND = 8
    SCHEDULED_WEIGHT = 9
    TOTAL_WEIGHT = 10


class Reason(_Ids):
    """triad_conference_reason: why a request is unscheduled."""
    NONE = 0
    NOT_PLACED = 1
    NO_COMMON_SLOT = 2
    TEACHER_CAP = 3
    HOUSEHOLD_SESSION_CAP = 4
    NO_FREE_SLOT = 5
    WAIT_CAP = 6
    PIN_CONFLICT = 7


class Violation(_Ids):
    """triad_conference_violation: a hard constraint the checker found broken."""
    NONE = 0
    TEACHER_DOUBLE_BOOKED = 1
    HOUSEHOLD_DOUBLE_BOOKED = 2
    OUTSIDE_SESSION = 3
    IN_BREAK = 4
    HOUSEHOLD_UNAVAILABLE = 5
    TEACHER_UNAVAILABLE = 6
    TEACHER_CAP = 7
    TEACHER_NO_BREAK = 8
    HOUSEHOLD_SESSION_CAP = 9
    HOUSEHOLD_WAIT_CAP = 10
    WALKING_GAP = 11
    PIN_MOVED = 12
    WRONG_ROOM = 13
    DUPLICATE_MEETING = 14
    UNKNOWN_REFERENCE = 15


class Stat(_Ids):
    """triad_conference_stat: solver statistics of a result."""
    NONE = 0
    SEED = 1
    ITERATIONS = 2
    IMPROVEMENTS = 3
    CONSTRUCT_COST = 4
    ELAPSED_MS = 5
    CANCELED = 6
    TIME_LIMIT_HIT = 7
    PROVEN_OPTIMAL = 8


class SolvePhase(enum.IntEnum):
    """triad_solve_phase, as passed to the progress callback."""
    NONE = 0
    BOUND = 1
    CONSTRUCT = 2
    IMPROVE = 3
    DONE = 4


_c = "const triad_conference *conf"
_r = "const triad_conference_result *result"
_p = "const triad_conference_report *report"

_solve_options_init = proto("int triad_solve_options_init(triad_solve_options *opts, unsigned version)")
_load_json = proto("int triad_conference_load_json(triad_conference **out, const char *text, size_t len, const char *source)")
_load_file = proto("int triad_conference_load_file(triad_conference **out, const char *filename)")
_save_json = proto(f"int triad_conference_save_json(char **out, {_c})")
_save_file = proto(f"int triad_conference_save_file({_c}, const char *filename)")
_free = proto("void triad_conference_free(triad_conference *conf)")
_setting_get = proto(f"int triad_conference_setting_get(int64_t *out, {_c}, triad_conference_setting setting)")
_setting_set = proto("int triad_conference_setting_set(triad_conference *conf, triad_conference_setting setting, int64_t value)")
Setting._id_fn = proto("const char *triad_conference_setting_id(triad_conference_setting setting)")  # type: ignore[attr-defined]
_pin = proto("int triad_conference_pin(triad_conference *conf, const char *request_id, const char *session_id, int32_t slot)")
_unpin = proto("int triad_conference_unpin(triad_conference *conf, const char *request_id)")
_pin_result = proto(f"int triad_conference_pin_result(triad_conference *conf, {_r})")

_count = {k: proto(f"size_t triad_conference_{k}_count({_c})")
          for k in ("session", "room", "teacher", "household", "request")}
_index = {k: proto(f"int triad_conference_{k}_index(size_t *out, {_c}, const char *id)")
          for k in ("session", "teacher", "household", "request")}
_id = {k: proto(f"const char *triad_conference_{k}_id({_c}, size_t {k})")
       for k in ("session", "room", "teacher", "household", "request")}
_name = {k: proto(f"const char *triad_conference_{k}_name({_c}, size_t {k})")
         for k in ("room", "teacher", "household")}
_session_date = proto(f"int triad_conference_session_date(triad_date *out, {_c}, size_t session)")
_session_i32 = {k: proto(f"int32_t triad_conference_session_{k}({_c}, size_t session)")
                for k in ("start", "slot_minutes", "gap_minutes", "slots")}
_slot_start = proto(f"int32_t triad_conference_slot_start({_c}, size_t session, int32_t slot)")
_break_count = proto(f"size_t triad_conference_session_break_count({_c}, size_t session)")
_break = proto(f"int triad_conference_session_break(int32_t *from, int32_t *to, {_c}, size_t session, size_t index)")
_teacher_present = proto(f"int triad_conference_teacher_present({_c}, size_t teacher, size_t session)")
_teacher_room = proto(f"const char *triad_conference_teacher_room({_c}, size_t teacher, size_t session)")
_teacher_max_meetings = proto(f"int32_t triad_conference_teacher_max_meetings({_c}, size_t teacher, size_t session)")
_teacher_break_after = proto(f"int32_t triad_conference_teacher_break_after({_c}, size_t teacher)")
_household_student_count = proto(f"size_t triad_conference_household_student_count({_c}, size_t household)")
_household_student = proto(f"const char *triad_conference_household_student({_c}, size_t household, size_t index)")
_household_preference = proto(f"triad_conference_preference triad_conference_household_preference({_c}, size_t household)")
_household_max_sessions = proto(f"int32_t triad_conference_household_max_sessions({_c}, size_t household)")
_household_max_wait = proto(f"int32_t triad_conference_household_max_wait({_c}, size_t household)")
_request_household = proto(f"int32_t triad_conference_request_household({_c}, size_t request)")
_request_teacher_count = proto(f"size_t triad_conference_request_teacher_count({_c}, size_t request)")
_request_teacher = proto(f"int32_t triad_conference_request_teacher({_c}, size_t request, size_t index)")
_request_student_count = proto(f"size_t triad_conference_request_student_count({_c}, size_t request)")
_request_student = proto(f"const char *triad_conference_request_student({_c}, size_t request, size_t index)")
_request_slots = proto(f"int32_t triad_conference_request_slots({_c}, size_t request)")
_request_priority = proto(f"triad_conference_priority triad_conference_request_priority({_c}, size_t request)")
_request_pin = proto(f"int triad_conference_request_pin(size_t *session, int32_t *slot, {_c}, size_t request)")

_result_from_meetings = proto(f"int triad_conference_result_from_meetings(triad_conference_result **out, {_c}, const char *const *requests, const char *const *sessions, const int32_t *slots, size_t count)")
_result_load_json = proto(f"int triad_conference_result_load_json(triad_conference_result **out, {_c}, const char *text, size_t len, const char *source)")
_result_load_file = proto(f"int triad_conference_result_load_file(triad_conference_result **out, {_c}, const char *filename)")
_result_save_json = proto(f"int triad_conference_result_save_json(char **out, {_r})")
_result_save_file = proto(f"int triad_conference_result_save_file({_r}, const char *filename)")
_result_free = proto("void triad_conference_result_free(triad_conference_result *result)")
_result_metric = proto(f"int triad_conference_result_metric(int64_t *out, {_r}, triad_conference_metric metric)")
_result_stat = proto(f"int triad_conference_result_stat(int64_t *out, {_r}, triad_conference_stat stat)")
_result_setting = proto(f"int triad_conference_result_setting(int64_t *out, {_r}, triad_conference_setting setting)")
Metric._id_fn = proto("const char *triad_conference_metric_id(triad_conference_metric metric)")  # type: ignore[attr-defined]
Reason._id_fn = proto("const char *triad_conference_reason_id(triad_conference_reason reason)")  # type: ignore[attr-defined]
Violation._id_fn = proto("const char *triad_conference_violation_id(triad_conference_violation kind)")  # type: ignore[attr-defined]
Stat._id_fn = proto("const char *triad_conference_stat_id(triad_conference_stat stat)")  # type: ignore[attr-defined]
_meeting_count = proto(f"size_t triad_conference_result_meeting_count({_r})")
_meeting_str = {k: proto(f"const char *triad_conference_result_meeting_{k}({_r}, size_t meeting)")
                for k in ("request", "household", "session", "room")}
_meeting_slot = proto(f"int32_t triad_conference_result_meeting_slot({_r}, size_t meeting)")
_meeting_slots = proto(f"int32_t triad_conference_result_meeting_slots({_r}, size_t meeting)")
_meeting_teacher_count = proto(f"size_t triad_conference_result_meeting_teacher_count({_r}, size_t meeting)")
_meeting_teacher = proto(f"const char *triad_conference_result_meeting_teacher({_r}, size_t meeting, size_t index)")
_meeting_pinned = proto(f"int triad_conference_result_meeting_pinned({_r}, size_t meeting)")
_unscheduled_count = proto(f"size_t triad_conference_result_unscheduled_count({_r})")
_unscheduled_request = proto(f"const char *triad_conference_result_unscheduled_request({_r}, size_t index)")
_unscheduled_reason = proto(f"triad_conference_reason triad_conference_result_unscheduled_reason({_r}, size_t index)")
_unscheduled_message = proto(f"const char *triad_conference_result_unscheduled_message({_r}, size_t index)")
_teacher_meetings = proto(f"int triad_conference_result_teacher_meetings(size_t *out, size_t cap, {_r}, const char *teacher_id)")
_household_meetings = proto(f"int triad_conference_result_household_meetings(size_t *out, size_t cap, {_r}, const char *household_id)")

_check = proto(f"int triad_conference_check(triad_conference_report **out, {_c}, {_r})")
_report_free = proto("void triad_conference_report_free(triad_conference_report *report)")
_violation_count = proto(f"size_t triad_conference_report_violation_count({_p})")
_violation_kind = proto(f"triad_conference_violation triad_conference_report_violation_kind({_p}, size_t index)")
_violation_str = {k: proto(f"const char *triad_conference_report_violation_{k}({_p}, size_t index)")
                  for k in ("message", "request", "other_request", "teacher", "household", "session")}
_report_metric = proto(f"int triad_conference_report_metric(int64_t *out, {_p}, triad_conference_metric metric)")
_bound = proto(f"int triad_conference_bound(int64_t *out, {_c})")
_solve = proto(f"int triad_conference_solve(triad_conference_result **out, {_c}, const triad_solve_options *options, {_r})")


def _str(raw: Optional[bytes]) -> Optional[str]:
    return None if raw is None else decode(raw)


def _i64(call: Callable[..., int], *args: Any) -> int:
    out = ctypes.c_int64()
    check(call(ctypes.byref(out), *args))
    return out.value


def _nonneg(v: int) -> int:
    """Index getters return -1 with the error recorded for a bad index."""
    if v < 0:
        check(-1)
    return v


# ---- instance views ----------------------------------------------------------


class _View:
    __slots__ = ("_conf", "index")

    def __init__(self, conf: "Conference", index: int) -> None:
        self._conf = conf
        self.index = index

    @property
    def _c(self) -> Any:
        return self._conf._h

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._conf is self._conf and other.index == self.index  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self), id(self._conf), self.index))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.id!r})"  # type: ignore[attr-defined]


class Session(_View):
    """A session (evening): date, start, slots of fixed length, breaks."""

    __slots__ = ()
    id = property(lambda self: decode(check_ptr(_id["session"](self._c, self.index))))
    start = property(lambda self: _nonneg(_session_i32["start"](self._c, self.index)),
                     doc="Start in minutes after midnight.")
    slot_minutes = property(lambda self: _nonneg(_session_i32["slot_minutes"](self._c, self.index)))
    gap_minutes = property(lambda self: _nonneg(_session_i32["gap_minutes"](self._c, self.index)))
    slots = property(lambda self: _nonneg(_session_i32["slots"](self._c, self.index)))

    @property
    def date(self) -> _dt.date:
        out = ctypes.c_int32()
        check(_session_date(ctypes.byref(out), self._c, self.index))
        return _date.from_days(out.value)

    def slot_start(self, slot: int) -> int:
        """Start of a slot in minutes after midnight."""
        return _nonneg(_slot_start(self._c, self.index, slot))

    def slot_time(self, slot: int) -> _dt.datetime:
        """Start of a slot as a (naive, school-local) datetime."""
        minutes = self.slot_start(slot)
        return _dt.datetime.combine(self.date, _dt.time()) + _dt.timedelta(minutes=minutes)

    @property
    def breaks(self) -> List[Tuple[int, int]]:
        """Slot ranges [from, to) in which nobody meets."""
        out = []
        for i in range(_break_count(self._c, self.index)):
            f, t = ctypes.c_int32(), ctypes.c_int32()
            check(_break(ctypes.byref(f), ctypes.byref(t), self._c, self.index, i))
            out.append((f.value, t.value))
        return out


class Room(_View):
    """A room label."""

    __slots__ = ()
    id = property(lambda self: decode(check_ptr(_id["room"](self._c, self.index))))
    name = property(lambda self: decode(check_ptr(_name["room"](self._c, self.index))))


class Teacher(_View):
    """A teacher: presence and room per session, caps."""

    __slots__ = ()
    id = property(lambda self: decode(check_ptr(_id["teacher"](self._c, self.index))))
    name = property(lambda self: decode(check_ptr(_name["teacher"](self._c, self.index))))
    break_after = property(lambda self: _nonneg(_teacher_break_after(self._c, self.index)),
                           doc="Effective break after K consecutive slots; 0: none.")

    def present(self, session: Union[Session, str, int]) -> bool:
        return bool(check(_teacher_present(self._c, self.index, self._conf._session_index(session))))

    def room(self, session: Union[Session, str, int]) -> Optional[str]:
        """The teacher's room id in a session; None when absent."""
        return _str(_teacher_room(self._c, self.index, self._conf._session_index(session)))

    def max_meetings(self, session: Union[Session, str, int]) -> int:
        """Effective meeting cap in a session; 0: none."""
        return _nonneg(_teacher_max_meetings(self._c, self.index, self._conf._session_index(session)))


class Household(_View):
    """A household of a conference instance."""

    __slots__ = ()
    id = property(lambda self: decode(check_ptr(_id["household"](self._c, self.index))))
    name = property(lambda self: decode(check_ptr(_name["household"](self._c, self.index))))
    preference = property(lambda self: Preference(_household_preference(self._c, self.index)))
    max_sessions = property(lambda self: _nonneg(_household_max_sessions(self._c, self.index)))
    max_wait = property(lambda self: _nonneg(_household_max_wait(self._c, self.index)))

    @property
    def students(self) -> List[str]:
        return [decode(check_ptr(_household_student(self._c, self.index, i)))
                for i in range(_household_student_count(self._c, self.index))]


class Request(_View):
    """A household's request to meet one teacher, or several jointly."""

    __slots__ = ()
    id = property(lambda self: decode(check_ptr(_id["request"](self._c, self.index))))
    slots = property(lambda self: _nonneg(_request_slots(self._c, self.index)))
    priority = property(lambda self: Priority(_request_priority(self._c, self.index)))

    @property
    def household(self) -> Household:
        return Household(self._conf, _nonneg(_request_household(self._c, self.index)))

    @property
    def teachers(self) -> List[Teacher]:
        return [Teacher(self._conf, _nonneg(_request_teacher(self._c, self.index, i)))
                for i in range(_request_teacher_count(self._c, self.index))]

    @property
    def students(self) -> List[str]:
        return [decode(check_ptr(_request_student(self._c, self.index, i)))
                for i in range(_request_student_count(self._c, self.index))]

    @property
    def pin(self) -> Optional[Tuple[Session, int]]:
        """(session, first slot) when pinned, else None."""
        s, slot = ctypes.c_size_t(), ctypes.c_int32()
        if check(_request_pin(ctypes.byref(s), ctypes.byref(slot), self._c, self.index)):
            return (Session(self._conf, s.value), slot.value)
        return None


ProgressCallback = Callable[[SolvePhase, int, float], Any]


class Conference(Handle):
    """A conference instance (``triad.conference/1``): sessions, rooms,
    teachers, households, requests and settings."""

    __slots__ = ()
    _kind = "conference"

    def __init__(self, _ptr: Any) -> None:
        super().__init__(_ptr, _free)

    @classmethod
    def load(cls, text: Union[str, bytes], source: Optional[str] = None) -> "Conference":
        """Load an instance from JSON text; ParseError (line, column) or
        FormatError (JSON path) for bad input."""
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        out = ConferenceP()
        check(_load_json(ctypes.byref(out), data, len(data),
                         None if source is None else encode(source, "source")))
        return cls(out)

    @classmethod
    def load_file(cls, path: Union[str, "os.PathLike[str]"]) -> "Conference":
        out = ConferenceP()
        check(_load_file(ctypes.byref(out), encode(os.fspath(path), "path")))
        return cls(out)

    def save(self) -> str:
        out = ctypes.c_void_p()
        check(_save_json(ctypes.byref(out), self._h))
        return take_string(out.value)

    def save_file(self, path: Union[str, "os.PathLike[str]"]) -> None:
        check(_save_file(self._h, encode(os.fspath(path), "path")))

    # ---- settings and pins

    def setting(self, setting: Setting) -> int:
        return _i64(_setting_get, self._h, int(setting))

    def set_setting(self, setting: Setting, value: int) -> None:
        """Change a setting; RangeError outside its range (nothing changes)."""
        check(_setting_set(self._h, int(setting), value))

    def pin(self, request_id: str, session_id: str, slot: int) -> None:
        """Fix a request to a session and first slot."""
        check(_pin(self._h, encode(request_id, "request_id"), encode(session_id, "session_id"), slot))

    def unpin(self, request_id: str) -> None:
        check(_unpin(self._h, encode(request_id, "request_id")))

    def pin_result(self, result: "Result") -> None:
        """Pin every meeting of a result (e.g. a published schedule); all or nothing."""
        check(_pin_result(self._h, result._h))

    # ---- reading

    def _all(self, kind: str, cls: type) -> List[Any]:
        return [cls(self, i) for i in range(_count[kind](self._h))]

    def _find(self, kind: str, cls: type, id: str) -> Any:
        out = ctypes.c_size_t()
        check(_index[kind](ctypes.byref(out), self._h, encode(id, "id")))
        return cls(self, out.value)

    def _session_index(self, session: Union[Session, str, int]) -> int:
        if isinstance(session, Session):
            return session.index
        if isinstance(session, str):
            return self.session(session).index
        return int(session)

    sessions = property(lambda self: self._all("session", Session))
    rooms = property(lambda self: self._all("room", Room))
    teachers = property(lambda self: self._all("teacher", Teacher))
    households = property(lambda self: self._all("household", Household))
    requests = property(lambda self: self._all("request", Request))

    def session(self, id: str) -> Session:
        """The session with an id; NotFoundError when there is none."""
        return self._find("session", Session, id)

    def teacher(self, id: str) -> Teacher:
        return self._find("teacher", Teacher, id)

    def household(self, id: str) -> Household:
        return self._find("household", Household, id)

    def request(self, id: str) -> Request:
        return self._find("request", Request, id)

    # ---- results, checker, bound, solver

    def result_from_meetings(self, meetings: Iterable[Tuple[str, str, int]]) -> "Result":
        """A result from (request id, session id, first slot) triples, e.g. a
        hand-made schedule to check."""
        ms = list(meetings)
        reqs = [encode(r, "request") for r, _, _ in ms]
        sess = [encode(s, "session") for _, s, _ in ms]
        n = len(ms)
        out = ResultP()
        check(_result_from_meetings(
            ctypes.byref(out), self._h, (ctypes.c_char_p * max(n, 1))(*reqs),
            (ctypes.c_char_p * max(n, 1))(*sess), (ctypes.c_int32 * max(n, 1))(*(s for _, _, s in ms)), n))
        return Result(out)

    def load_result(self, text: Union[str, bytes], source: Optional[str] = None) -> "Result":
        """Load a ``triad.conference-result/1`` document of this instance."""
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        out = ResultP()
        check(_result_load_json(ctypes.byref(out), self._h, data, len(data),
                                None if source is None else encode(source, "source")))
        return Result(out)

    def load_result_file(self, path: Union[str, "os.PathLike[str]"]) -> "Result":
        out = ResultP()
        check(_result_load_file(ctypes.byref(out), self._h, encode(os.fspath(path), "path")))
        return Result(out)

    def check(self, result: "Result") -> "Report":
        """Check a result against the instance's hard constraints and
        recompute its metrics."""
        out = ReportP()
        check(_check(ctypes.byref(out), self._h, result._h))
        return Report(out)

    def bound(self) -> int:
        """Upper bound on the priority weight that can be scheduled at all."""
        return _i64(_bound, self._h)

    def solve(self, *, seed: int = 1, max_iterations: int = 0, time_limit: float = 0.0,
              progress: Optional[ProgressCallback] = None, progress_interval: int = 0,
              previous: Optional["Result"] = None) -> "Result":
        """Schedule every request (deterministic for a seed and iteration
        limit). ``progress(phase, best_cost, fraction)`` is called between
        phases and every ``progress_interval`` iterations; a false return
        value (other than None) or an exception stops the run. The exception
        is re-raised here once the solver has returned."""
        opts = _SolveOptions()
        check(_solve_options_init(ctypes.byref(opts), SOLVE_OPTIONS_VERSION))
        opts.seed = seed
        opts.max_iterations = max_iterations
        opts.time_limit_seconds = time_limit
        opts.progress_interval = progress_interval
        raised: List[BaseException] = []
        callback = None
        if progress is not None:
            def trampoline(phase: int, best: int, fraction: float, _payload: Any) -> int:
                # Never let an exception cross into C: remember it and stop.
                try:
                    go_on = progress(SolvePhase(phase), best, fraction)
                    return 1 if go_on is not None and not go_on else 0
                except BaseException as exc:  # noqa: BLE001 - re-raised below
                    raised.append(exc)
                    return 1
            callback = ProgressFn(trampoline)  # kept alive until solve returns
            opts.progress = callback
        out = ResultP()
        rc = _solve(ctypes.byref(out), self._h, ctypes.byref(opts),
                    previous._h if previous is not None else None)
        if rc == 0:
            result = Result(out)
            if raised:
                result.close()
                raise raised[0]
            return result
        if raised:
            raise raised[0]
        check(rc)
        raise AssertionError("unreachable")

    def __repr__(self) -> str:
        if self.closed:
            return "Conference(<closed>)"
        return (f"Conference({len(self.sessions)} sessions, {len(self.teachers)} teachers, "
                f"{len(self.households)} households, {len(self.requests)} requests)")


# ---- results and reports -------------------------------------------------------


class Meeting:
    """A meeting of a result (a copy: it does not need the result)."""

    __slots__ = ("request", "household", "session", "room", "slot", "slots", "teachers", "pinned")

    def __init__(self, result: "Result", i: int) -> None:
        h = result._h
        self.request = decode(check_ptr(_meeting_str["request"](h, i)))
        self.household = decode(check_ptr(_meeting_str["household"](h, i)))
        self.session = decode(check_ptr(_meeting_str["session"](h, i)))
        self.room = decode(check_ptr(_meeting_str["room"](h, i)))
        self.slot = _nonneg(_meeting_slot(h, i))
        self.slots = _nonneg(_meeting_slots(h, i))
        self.teachers = [decode(check_ptr(_meeting_teacher(h, i, t)))
                         for t in range(_meeting_teacher_count(h, i))]
        self.pinned = bool(check(_meeting_pinned(h, i)))

    def __repr__(self) -> str:
        return (f"Meeting({self.request!r}, session={self.session!r}, slot={self.slot}, "
                f"slots={self.slots}, room={self.room!r}, teachers={self.teachers!r})")


class Unscheduled:
    """A request a result could not schedule, with the reason."""

    __slots__ = ("request", "reason", "message")

    def __init__(self, result: "Result", i: int) -> None:
        h = result._h
        self.request = decode(check_ptr(_unscheduled_request(h, i)))
        self.reason = Reason(_unscheduled_reason(h, i))
        self.message = decode(check_ptr(_unscheduled_message(h, i)))

    def __repr__(self) -> str:
        return f"Unscheduled({self.request!r}, {self.reason.name}: {self.message})"


class Result(Handle):
    """A schedule (``triad.conference-result/1``): meetings, unscheduled
    requests, metrics and solver statistics."""

    __slots__ = ()
    _kind = "conference result"

    def __init__(self, _ptr: Any) -> None:
        super().__init__(_ptr, _result_free)

    def save(self) -> str:
        out = ctypes.c_void_p()
        check(_result_save_json(ctypes.byref(out), self._h))
        return take_string(out.value)

    def save_file(self, path: Union[str, "os.PathLike[str]"]) -> None:
        check(_result_save_file(self._h, encode(os.fspath(path), "path")))

    def metric(self, metric: Metric) -> int:
        return _i64(_result_metric, self._h, int(metric))

    def stat(self, stat: Stat) -> int:
        return _i64(_result_stat, self._h, int(stat))

    def setting(self, setting: Setting) -> int:
        """The setting the result was solved with."""
        return _i64(_result_setting, self._h, int(setting))

    @property
    def metrics(self) -> dict:
        """Every metric by id, e.g. {"cost": 1204, ...}."""
        return {m.id: self.metric(m) for m in list(Metric)[1:]}

    @property
    def meetings(self) -> List[Meeting]:
        return [Meeting(self, i) for i in range(_meeting_count(self._h))]

    @property
    def unscheduled(self) -> List[Unscheduled]:
        return [Unscheduled(self, i) for i in range(_unscheduled_count(self._h))]

    def _indices(self, call: Any, key: str) -> List[Meeting]:
        cap = 16
        while True:
            buf = (ctypes.c_size_t * cap)()
            n = check(call(buf, cap, self._h, encode(key, "id")))
            if n <= cap:
                return [Meeting(self, buf[i]) for i in range(n)]
            cap = n

    def teacher_meetings(self, teacher_id: str) -> List[Meeting]:
        """A teacher's meetings (joint ones included) in time order."""
        return self._indices(_teacher_meetings, teacher_id)

    def household_meetings(self, household_id: str) -> List[Meeting]:
        """A household's meetings in time order."""
        return self._indices(_household_meetings, household_id)

    def __repr__(self) -> str:
        if self.closed:
            return "Result(<closed>)"
        return (f"Result(cost={self.metric(Metric.COST)}, {_meeting_count(self._h)} meetings, "
                f"{_unscheduled_count(self._h)} unscheduled)")


class ViolationRecord:
    """A broken hard constraint found by the checker (a copy)."""

    __slots__ = ("kind", "message", "request", "other_request", "teacher", "household", "session")

    def __init__(self, report: "Report", i: int) -> None:
        h = report._h
        self.kind = Violation(_violation_kind(h, i))
        self.message = decode(check_ptr(_violation_str["message"](h, i)))
        for k in ("request", "other_request", "teacher", "household", "session"):
            setattr(self, k, _str(_violation_str[k](h, i)))

    def __repr__(self) -> str:
        return f"ViolationRecord({self.kind.name}: {self.message})"


class Report(Handle):
    """What the checker found: violations and recomputed metrics."""

    __slots__ = ()
    _kind = "conference report"

    def __init__(self, _ptr: Any) -> None:
        super().__init__(_ptr, _report_free)

    @property
    def violations(self) -> List[ViolationRecord]:
        return [ViolationRecord(self, i) for i in range(_violation_count(self._h))]

    @property
    def ok(self) -> bool:
        """Whether no hard constraint is broken."""
        return _violation_count(self._h) == 0

    def metric(self, metric: Metric) -> int:
        return _i64(_report_metric, self._h, int(metric))
