"""Publishing a conference schedule: iCalendar files per household and per
teacher, an HTML view of the whole event and a letter per household
(triad/conference_export.h). Every export returns a new ``str``."""
from __future__ import annotations

import ctypes
import datetime as _dt
from typing import Any, Optional, Union

from ._ffi import alias, encode, proto
from .common import Lang
from .conference import Conference, Result
from .error import check
from .memory import take_string

OPTIONS_VERSION = 1


class ExportOptions(ctypes.Structure):
    """triad_conference_export_options. ``stamp`` is the iCalendar DTSTAMP
    (seconds since 1970 UTC, or a datetime); 0 gives reproducible output."""

    _fields_ = [("version", ctypes.c_uint), ("lang", ctypes.c_int),
                ("school_name", ctypes.c_char_p), ("uid_domain", ctypes.c_char_p),
                ("stamp", ctypes.c_int64)]

    def __init__(self, lang: Lang = Lang.NL, school_name: Optional[str] = None,
                 uid_domain: Optional[str] = None,
                 stamp: Union[int, _dt.datetime] = 0) -> None:
        super().__init__()
        check(_options_init(ctypes.byref(self), OPTIONS_VERSION))
        self.lang = int(lang)
        # The encoded strings are kept on the object so that they outlive
        # the pointers ctypes stores in the struct.
        self._keep = (None if school_name is None else encode(school_name, "school_name"),
                      None if uid_domain is None else encode(uid_domain, "uid_domain"))
        self.school_name, self.uid_domain = self._keep
        if isinstance(stamp, _dt.datetime):
            if stamp.tzinfo is None:
                raise ValueError("stamp must be an aware datetime (or seconds since 1970 UTC)")
            stamp = int(stamp.timestamp())
        self.stamp = stamp


alias("triad_conference_export_options", ExportOptions)

_options_init = proto("int triad_conference_export_options_init(triad_conference_export_options *opts, unsigned version)")
_household_ics = proto("int triad_conference_export_household_ics(char **out, const triad_conference *conf, const triad_conference_result *result, const char *household_id, const triad_conference_export_options *options)")
_teacher_ics = proto("int triad_conference_export_teacher_ics(char **out, const triad_conference *conf, const triad_conference_result *result, const char *teacher_id, const triad_conference_export_options *options)")
_html = proto("int triad_conference_export_html(char **out, const triad_conference *conf, const triad_conference_result *result, const triad_conference_export_options *options)")
_letter = proto("int triad_conference_export_letter(char **out, const triad_conference *conf, const triad_conference_result *result, const char *household_id, const triad_conference_export_options *options)")


def _run(call: Any, *args: Any) -> str:
    out = ctypes.c_void_p()
    check(call(ctypes.byref(out), *args))
    return take_string(out.value)


def _o(options: Optional[ExportOptions]) -> Any:
    return ctypes.byref(options) if options is not None else None


def household_ics(conf: Conference, result: Result, household_id: str,
                  options: Optional[ExportOptions] = None) -> str:
    """The iCalendar file (CRLF line ends) of one household's meetings."""
    return _run(_household_ics, conf._h, result._h, encode(household_id, "household_id"), _o(options))


def teacher_ics(conf: Conference, result: Result, teacher_id: str,
                options: Optional[ExportOptions] = None) -> str:
    """The iCalendar file of one teacher's meetings."""
    return _run(_teacher_ics, conf._h, result._h, encode(teacher_id, "teacher_id"), _o(options))


def html(conf: Conference, result: Result, options: Optional[ExportOptions] = None) -> str:
    """An HTML5 page of the whole event (grid on screen, a page per teacher in print)."""
    return _run(_html, conf._h, result._h, _o(options))


def letter(conf: Conference, result: Result, household_id: str,
           options: Optional[ExportOptions] = None) -> str:
    """A plain-text letter to one household listing its meetings."""
    return _run(_letter, conf._h, result._h, encode(household_id, "household_id"), _o(options))
