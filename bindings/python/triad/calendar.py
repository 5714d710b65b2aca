"""The Dutch school calendar: the school year from 1 August to 31 July,
holidays per region (noord, midden, zuid, also from the government's open
data), days off, report periods, and school-day and school-week arithmetic
(triad/calendar.h). Named ``triad.calendar``; unrelated to the standard
library's ``calendar``.
"""
from __future__ import annotations

import ctypes
import datetime as _dt
import enum
import os
from typing import Any, List, NamedTuple, Optional, Tuple, Union

from . import date as _date
from ._ffi import alias, decode, encode, opaque, proto
from ._handle import Handle
from .error import check, check_ptr
from .memory import take_string

FORMAT = "triad.calendar/1"

CalendarP = opaque("triad_calendar")
alias("triad_region", ctypes.c_int)

_region_id = proto("const char *triad_region_id(triad_region region)")
_region_from_id = proto("int triad_region_from_id(triad_region *out, const char *id)")
_school_year_of = proto("int triad_school_year_of(int *out, triad_date date)")
_new = proto("int triad_calendar_new(triad_calendar **out, int start_year, triad_region region)")
_free = proto("void triad_calendar_free(triad_calendar *cal)")
_set_period = proto("int triad_calendar_set_period(triad_calendar *cal, triad_date first_day, triad_date last_day)")
_first_day = proto("triad_date triad_calendar_first_day(const triad_calendar *cal)")
_last_day = proto("triad_date triad_calendar_last_day(const triad_calendar *cal)")
_start_year = proto("int triad_calendar_start_year(const triad_calendar *cal)")
_region = proto("triad_region triad_calendar_region(const triad_calendar *cal)")
_add_holiday = proto("int triad_calendar_add_holiday(triad_calendar *cal, const char *name, triad_date first, triad_date last, int compulsory)")
_holiday_count = proto("size_t triad_calendar_holiday_count(const triad_calendar *cal)")
_holiday_at = proto("int triad_calendar_holiday_at(const triad_calendar *cal, size_t index, const char **name, triad_date *first, triad_date *last, int *compulsory)")
_add_day_off = proto("int triad_calendar_add_day_off(triad_calendar *cal, triad_date day, const char *reason)")
_day_off_count = proto("size_t triad_calendar_day_off_count(const triad_calendar *cal)")
_day_off_at = proto("int triad_calendar_day_off_at(const triad_calendar *cal, size_t index, triad_date *day, const char **reason)")
_add_report_period = proto("int triad_calendar_add_report_period(triad_calendar *cal, const char *id, const char *name, triad_date first, triad_date last)")
_report_period_count = proto("size_t triad_calendar_report_period_count(const triad_calendar *cal)")
_report_period_at = proto("int triad_calendar_report_period_at(const triad_calendar *cal, size_t index, const char **id, const char **name, triad_date *first, triad_date *last)")
_report_period_find = proto("int triad_calendar_report_period_find(size_t *out, const triad_calendar *cal, const char *id)")
_is_school_day = proto("int triad_calendar_is_school_day(int *out, const triad_calendar *cal, triad_date date)")
_school_day_count = proto("int32_t triad_calendar_school_day_count(const triad_calendar *cal)")
_school_days_after = proto("int triad_calendar_school_days_after(triad_date *out, const triad_calendar *cal, triad_date date, int32_t n)")
_school_days_between = proto("int triad_calendar_school_days_between(int32_t *out, const triad_calendar *cal, triad_date from, triad_date to)")
_school_week_count = proto("int32_t triad_calendar_school_week_count(const triad_calendar *cal)")
_school_week = proto("int triad_calendar_school_week(int32_t *out, int *in_school_week, const triad_calendar *cal, triad_date date)")
_school_week_at = proto("int triad_calendar_school_week_at(const triad_calendar *cal, int32_t index, triad_date *monday, triad_date *first_school_day, triad_date *last_school_day)")
_school_weeks_between = proto("int triad_calendar_school_weeks_between(int32_t *out, const triad_calendar *cal, triad_date from, triad_date to)")
_load = proto("int triad_calendar_load(triad_calendar **out, const char *text, size_t len, const char *source)")
_load_file = proto("int triad_calendar_load_file(triad_calendar **out, const char *filename)")
_save = proto("int triad_calendar_save(char **out, const triad_calendar *cal)")
_save_file = proto("int triad_calendar_save_file(const triad_calendar *cal, const char *filename)")
_load_opendata = proto("int triad_calendar_load_opendata(triad_calendar **out, const char *text, size_t len, const char *source, const char *schoolyear, triad_region region)")
_load_opendata_file = proto("int triad_calendar_load_opendata_file(triad_calendar **out, const char *filename, const char *schoolyear, triad_region region)")


class Region(enum.IntEnum):
    """triad_region: the three Dutch holiday regions."""

    NONE = 0
    NOORD = 1
    MIDDEN = 2
    ZUID = 3

    @property
    def id(self) -> str:
        return decode(check_ptr(_region_id(self)))

    @classmethod
    def from_id(cls, text: str) -> "Region":
        out = ctypes.c_int()
        check(_region_from_id(ctypes.byref(out), encode(text, "id")))
        return cls(out.value)


class Holiday(NamedTuple):
    name: str
    first: _dt.date
    last: _dt.date      #: inclusive
    compulsory: bool


class DayOff(NamedTuple):
    day: _dt.date
    reason: str


class ReportPeriod(NamedTuple):
    id: str
    name: str
    first: _dt.date
    last: _dt.date      #: inclusive


class SchoolWeek(NamedTuple):
    monday: _dt.date
    first_school_day: _dt.date
    last_school_day: _dt.date


def school_year_of(day: _date.DateLike) -> int:
    """The year in which the school year of a date starts (1 August boundary)."""
    out = ctypes.c_int()
    check(_school_year_of(ctypes.byref(out), _date.to_days(day)))
    return out.value


def _d(v: _date.DateLike) -> int:
    return _date.to_days(v)


def _opt(text: Optional[str], what: str) -> Optional[bytes]:
    return None if text is None else encode(text, what)


def _data(text: Union[str, bytes]) -> bytes:
    return text.encode("utf-8") if isinstance(text, str) else bytes(text)


class Calendar(Handle):
    """A school year's calendar (``triad.calendar/1``)."""

    __slots__ = ()
    _kind = "calendar"

    def __init__(self, start_year: int, region: Region = Region.NONE, *, _ptr: Any = None) -> None:
        if _ptr is None:
            _ptr = CalendarP()
            check(_new(ctypes.byref(_ptr), start_year, int(region)))
        super().__init__(_ptr, _free)

    @classmethod
    def _wrap(cls, ptr: Any) -> "Calendar":
        return cls(0, _ptr=ptr)

    @classmethod
    def load(cls, text: Union[str, bytes], source: Optional[str] = None) -> "Calendar":
        data = _data(text)
        out = CalendarP()
        check(_load(ctypes.byref(out), data, len(data), _opt(source, "source")))
        return cls._wrap(out)

    @classmethod
    def load_file(cls, path: Union[str, "os.PathLike[str]"]) -> "Calendar":
        out = CalendarP()
        check(_load_file(ctypes.byref(out), encode(os.fspath(path), "path")))
        return cls._wrap(out)

    @classmethod
    def load_opendata(cls, text: Union[str, bytes], region: Region,
                      schoolyear: Optional[str] = None, source: Optional[str] = None) -> "Calendar":
        """A calendar from the government's school-holiday open data (JSON)
        for one region and school year ("2025-2026"; None when the file
        holds only one)."""
        data = _data(text)
        out = CalendarP()
        check(_load_opendata(ctypes.byref(out), data, len(data), _opt(source, "source"),
                             _opt(schoolyear, "schoolyear"), int(region)))
        return cls._wrap(out)

    @classmethod
    def load_opendata_file(cls, path: Union[str, "os.PathLike[str]"], region: Region,
                           schoolyear: Optional[str] = None) -> "Calendar":
        out = CalendarP()
        check(_load_opendata_file(ctypes.byref(out), encode(os.fspath(path), "path"),
                                  _opt(schoolyear, "schoolyear"), int(region)))
        return cls._wrap(out)

    def save(self) -> str:
        out = ctypes.c_void_p()
        check(_save(ctypes.byref(out), self._h))
        return take_string(out.value)

    def save_file(self, path: Union[str, "os.PathLike[str]"]) -> None:
        check(_save_file(self._h, encode(os.fspath(path), "path")))

    # ---- the year

    def set_period(self, first_day: _date.DateLike, last_day: _date.DateLike) -> None:
        """Change the first and last day of the school year."""
        check(_set_period(self._h, _d(first_day), _d(last_day)))

    first_day = property(lambda self: _date.from_days(_first_day(self._h)))
    last_day = property(lambda self: _date.from_days(_last_day(self._h)))
    start_year = property(lambda self: int(_start_year(self._h)))
    region = property(lambda self: Region(_region(self._h)))

    def add_holiday(self, name: str, first: _date.DateLike, last: _date.DateLike,
                    compulsory: bool = False) -> None:
        check(_add_holiday(self._h, encode(name, "name"), _d(first), _d(last), int(bool(compulsory))))

    @property
    def holidays(self) -> List[Holiday]:
        out = []
        for i in range(_holiday_count(self._h)):
            name, f, l, c = ctypes.c_char_p(), ctypes.c_int32(), ctypes.c_int32(), ctypes.c_int()
            check(_holiday_at(self._h, i, ctypes.byref(name), ctypes.byref(f), ctypes.byref(l), ctypes.byref(c)))
            out.append(Holiday(decode(name.value), _date.from_days(f.value), _date.from_days(l.value), bool(c.value)))
        return out

    def add_day_off(self, day: _date.DateLike, reason: str) -> None:
        check(_add_day_off(self._h, _d(day), encode(reason, "reason")))

    @property
    def days_off(self) -> List[DayOff]:
        out = []
        for i in range(_day_off_count(self._h)):
            d, reason = ctypes.c_int32(), ctypes.c_char_p()
            check(_day_off_at(self._h, i, ctypes.byref(d), ctypes.byref(reason)))
            out.append(DayOff(_date.from_days(d.value), decode(reason.value or b"")))
        return out

    def add_report_period(self, id: str, name: str, first: _date.DateLike, last: _date.DateLike) -> None:
        check(_add_report_period(self._h, encode(id, "id"), encode(name, "name"), _d(first), _d(last)))

    def _report_period(self, i: int) -> ReportPeriod:
        pid, name, f, l = ctypes.c_char_p(), ctypes.c_char_p(), ctypes.c_int32(), ctypes.c_int32()
        check(_report_period_at(self._h, i, ctypes.byref(pid), ctypes.byref(name), ctypes.byref(f), ctypes.byref(l)))
        return ReportPeriod(decode(pid.value), decode(name.value), _date.from_days(f.value), _date.from_days(l.value))

    @property
    def report_periods(self) -> List[ReportPeriod]:
        return [self._report_period(i) for i in range(_report_period_count(self._h))]

    def report_period(self, id: str) -> ReportPeriod:
        """A report period by id; NotFoundError when there is none."""
        out = ctypes.c_size_t()
        check(_report_period_find(ctypes.byref(out), self._h, encode(id, "id")))
        return self._report_period(out.value)

    # ---- arithmetic

    def is_school_day(self, day: _date.DateLike) -> bool:
        """RangeError for a date outside the school year."""
        out = ctypes.c_int()
        check(_is_school_day(ctypes.byref(out), self._h, _d(day)))
        return bool(out.value)

    @property
    def school_day_count(self) -> int:
        return int(check(_school_day_count(self._h)))

    def school_days_after(self, day: _date.DateLike, n: int) -> _dt.date:
        """The date n school days after (n < 0: before) a date."""
        out = ctypes.c_int32()
        check(_school_days_after(ctypes.byref(out), self._h, _d(day), n))
        return _date.from_days(out.value)

    def school_days_between(self, start: _date.DateLike, end: _date.DateLike) -> int:
        """School days d with start < d <= end (negative when end is earlier)."""
        out = ctypes.c_int32()
        check(_school_days_between(ctypes.byref(out), self._h, _d(start), _d(end)))
        return out.value

    @property
    def school_week_count(self) -> int:
        return int(check(_school_week_count(self._h)))

    def school_week(self, day: _date.DateLike) -> Tuple[int, bool]:
        """(school-week index, whether the date's ISO week is a school week)."""
        out, inw = ctypes.c_int32(), ctypes.c_int()
        check(_school_week(ctypes.byref(out), ctypes.byref(inw), self._h, _d(day)))
        return out.value, bool(inw.value)

    def school_week_at(self, index: int) -> SchoolWeek:
        """The school week with a 1-based index."""
        m, f, l = ctypes.c_int32(), ctypes.c_int32(), ctypes.c_int32()
        check(_school_week_at(self._h, index, ctypes.byref(m), ctypes.byref(f), ctypes.byref(l)))
        return SchoolWeek(_date.from_days(m.value), _date.from_days(f.value), _date.from_days(l.value))

    def school_weeks_between(self, start: _date.DateLike, end: _date.DateLike) -> int:
        out = ctypes.c_int32()
        check(_school_weeks_between(ctypes.byref(out), self._h, _d(start), _d(end)))
        return out.value

    def __repr__(self) -> str:
        if self.closed:
            return "Calendar(<closed>)"
        return f"Calendar({self.start_year}-{self.start_year + 1}, {self.region.name.lower()})"
