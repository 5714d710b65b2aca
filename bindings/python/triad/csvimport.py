"""Importing parents' evening requests and households from a CSV export of
a school administration system into a conference instance
(triad/csvimport.h). Errors name the row (``line``) and column."""
from __future__ import annotations

import ctypes
import enum
import os
from typing import Any, Dict, Optional, Union

from ._ffi import alias, decode, encode, proto
from .conference import Conference, ConferenceP
from .error import check, check_ptr

OPTIONS_VERSION = 1
HEADERS_MAX = 32
alias("triad_csv_column", ctypes.c_int)


class _Options(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint), ("delimiter", ctypes.c_char),
                ("ignore_unknown_columns", ctypes.c_int), ("headers", ctypes.c_char_p * HEADERS_MAX)]


alias("triad_csvimport_options", _Options)

_options_init = proto("int triad_csvimport_options_init(triad_csvimport_options *opts, unsigned version)")
_column_id = proto("const char *triad_csv_column_id(triad_csv_column column)")
_import = proto("int triad_conference_import_csv(triad_conference **out, const triad_conference *base, const char *text, size_t len, const char *source, const triad_csvimport_options *options)")
_import_file = proto("int triad_conference_import_csv_file(triad_conference **out, const triad_conference *base, const char *filename, const triad_csvimport_options *options)")


class CsvColumn(enum.IntEnum):
    """triad_csv_column: the columns of a CSV import."""
    NONE = 0
    HOUSEHOLD = 1
    HOUSEHOLD_NAME = 2
    PARENT = 3
    STUDENT = 4
    TEACHER = 5
    JOINT_TEACHER = 6
    PRIORITY = 7
    SLOTS = 8
    PREFERENCE = 9
    SESSIONS = 10
    MAX_SESSIONS = 11

    @property
    def id(self) -> str:
        return decode(check_ptr(_column_id(self)))


def _options(delimiter: Optional[str], ignore_unknown_columns: bool,
             headers: Optional[Dict[CsvColumn, str]]) -> Any:
    o = _Options()
    check(_options_init(ctypes.byref(o), OPTIONS_VERSION))
    if delimiter is not None:
        o.delimiter = encode(delimiter, "delimiter")[:1] or b"\0"
    o.ignore_unknown_columns = int(bool(ignore_unknown_columns))
    for col, name in (headers or {}).items():
        o.headers[int(col)] = encode(name, "header")
    return o


def import_csv(base: Conference, text: Union[str, bytes], source: Optional[str] = None, *,
               delimiter: Optional[str] = None, ignore_unknown_columns: bool = False,
               headers: Optional[Dict[CsvColumn, str]] = None) -> Conference:
    """A new instance: ``base`` plus the households and requests of the CSV.
    ParseError/FormatError carry the row in ``line`` and the column number
    in ``column``."""
    data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    o = _options(delimiter, ignore_unknown_columns, headers)
    out = ConferenceP()
    check(_import(ctypes.byref(out), base._h, data, len(data),
                  None if source is None else encode(source, "source"), ctypes.byref(o)))
    return Conference(out)


def import_csv_file(base: Conference, path: Union[str, "os.PathLike[str]"], *,
                    delimiter: Optional[str] = None, ignore_unknown_columns: bool = False,
                    headers: Optional[Dict[CsvColumn, str]] = None) -> Conference:
    o = _options(delimiter, ignore_unknown_columns, headers)
    out = ConferenceP()
    check(_import_file(ctypes.byref(out), base._h, encode(os.fspath(path), "path"), ctypes.byref(o)))
    return Conference(out)
