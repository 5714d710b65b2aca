"""Calendar dates (triad/date.h).

The C library counts dates as days since 1970-01-01 (proleptic Gregorian);
this module converts them to and from :class:`datetime.date`. Every function
accepts a ``date``, a ``datetime`` (its date part) or an ISO "YYYY-MM-DD"
string wherever a date goes in, and returns ``date`` objects.
"""
from __future__ import annotations

import ctypes
import datetime as _dt
from typing import Tuple, Union

from ._ffi import decode, encode, fn
from .error import InvalidArgumentError, ErrorCode, check

DateLike = Union[_dt.date, _dt.datetime, str]

#: date.toordinal() of 1970-01-01, the library's day 0.
EPOCH_ORDINAL = 719163
#: Buffer size for triad_date_format(): "YYYY-MM-DD" and a NUL.
BUFSIZE = 11

_from_ymd = fn("triad_date_from_ymd", ctypes.c_int, ctypes.POINTER(ctypes.c_int32),
               ctypes.c_int, ctypes.c_int, ctypes.c_int)
_to_ymd = fn("triad_date_to_ymd", ctypes.c_int, ctypes.c_int32,
             ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_int),
             ctypes.POINTER(ctypes.c_int))
_parse = fn("triad_date_parse", ctypes.c_int, ctypes.POINTER(ctypes.c_int32),
            ctypes.c_char_p)
_format = fn("triad_date_format", ctypes.c_int, ctypes.c_int32, ctypes.c_char_p)
_weekday = fn("triad_date_weekday", ctypes.c_int, ctypes.c_int32)
_iso_week = fn("triad_date_iso_week", ctypes.c_int, ctypes.c_int32,
               ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_int))
_age = fn("triad_date_age", ctypes.c_int, ctypes.POINTER(ctypes.c_int),
          ctypes.c_int32, ctypes.c_int32)


def to_days(value: DateLike) -> int:
    """A date as the library's day number (days since 1970-01-01)."""
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value.toordinal() - EPOCH_ORDINAL
    if isinstance(value, str):
        out = ctypes.c_int32()
        check(_parse(ctypes.byref(out), encode(value, "date")))
        return out.value
    raise TypeError(f"expected a date, datetime or 'YYYY-MM-DD' string, "
                    f"not {type(value).__name__}")


#: Day numbers of 0001-01-01 and 9999-12-31, the library's range.
_MIN_DAY = 1 - EPOCH_ORDINAL
_MAX_DAY = _dt.date(9999, 12, 31).toordinal() - EPOCH_ORDINAL


def from_days(days: int) -> _dt.date:
    """The library's day number as a date. Inside years 1..9999 Python's
    proleptic Gregorian ordinals give the same calendar (the tests check it),
    so the conversion stays in Python; outside, triad_date_to_ymd reports
    the library's error."""
    if _MIN_DAY <= days <= _MAX_DAY:
        return _dt.date.fromordinal(days + EPOCH_ORDINAL)
    y, m, d = ctypes.c_int(), ctypes.c_int(), ctypes.c_int()
    check(_to_ymd(_c_day(days), ctypes.byref(y), ctypes.byref(m), ctypes.byref(d)))
    return _dt.date(y.value, m.value, d.value)


def to_ymd(days: int) -> Tuple[int, int, int]:
    """(year, month, day) of a day number, as the library computes it."""
    y, m, d = ctypes.c_int(), ctypes.c_int(), ctypes.c_int()
    check(_to_ymd(_c_day(days), ctypes.byref(y), ctypes.byref(m), ctypes.byref(d)))
    return (y.value, m.value, d.value)


def _c_day(days: int) -> int:
    """Range-check a day number before it is narrowed to int32."""
    if not -(2**31) <= days < 2**31:
        raise InvalidArgumentError(ErrorCode.EINVAL,
                                   f"day number {days} does not fit a triad_date")
    return days


def from_ymd(year: int, month: int, day: int) -> _dt.date:
    """A date from its parts; InvalidArgumentError for a day that does not
    exist (2025-02-29) or a year outside 1..9999."""
    out = ctypes.c_int32()
    check(_from_ymd(ctypes.byref(out), year, month, day))
    return from_days(out.value)


def parse(text: str) -> _dt.date:
    """Parse "YYYY-MM-DD"; ParseError for other text or a day that does not exist."""
    out = ctypes.c_int32()
    check(_parse(ctypes.byref(out), encode(text, "date")))
    return from_days(out.value)


def format(value: DateLike) -> str:  # noqa: A001 - mirrors triad_date_format
    """A date as "YYYY-MM-DD"."""
    buf = ctypes.create_string_buffer(BUFSIZE)
    check(_format(_c_day(to_days(value)), buf))
    return decode(buf.value)


def weekday(value: DateLike) -> int:
    """ISO weekday: 1 for Monday through 7 for Sunday."""
    return int(_weekday(_c_day(to_days(value))))


def iso_week(value: DateLike) -> Tuple[int, int]:
    """(ISO week-numbering year, ISO week 1..53)."""
    y, w = ctypes.c_int(), ctypes.c_int()
    check(_iso_week(_c_day(to_days(value)), ctypes.byref(y), ctypes.byref(w)))
    return (y.value, w.value)


def age(birth: DateLike, on: DateLike) -> int:
    """Age in whole years on a date (someone born on 29 February turns a year
    older on 1 March in non-leap years); InvalidArgumentError when ``on`` is
    before ``birth``."""
    out = ctypes.c_int()
    check(_age(ctypes.byref(out), _c_day(to_days(birth)), _c_day(to_days(on))))
    return out.value
