"""Dutch secondary school types, their years and the ownership curve
(triad/schooltypes.h).

    >>> with SchoolTypes() as st:
    ...     st.years("havo"), st.ownership("havo", 1)
    (5, 0.25)
"""
from __future__ import annotations

import ctypes
from typing import Iterator, Sequence

from ._ffi import decode, encode, fn
from ._handle import Handle, opaque
from .common import Lang
from .error import check, check_ptr

SchoolTypesP = opaque("triad_schooltypes")

#: Longest school type the library accepts, in years.
MAX_YEARS = 12

_c_int = ctypes.c_int
_c_str = ctypes.c_char_p

_new = fn("triad_schooltypes_new", _c_int, ctypes.POINTER(SchoolTypesP))
_free = fn("triad_schooltypes_free", None, SchoolTypesP)
_add = fn("triad_schooltypes_add", _c_int, SchoolTypesP, _c_str, _c_str, _c_str, _c_int)
_count = fn("triad_schooltypes_count", ctypes.c_size_t, SchoolTypesP)
_id_at = fn("triad_schooltypes_id_at", _c_str, SchoolTypesP, ctypes.c_size_t)
_years = fn("triad_schooltypes_years", _c_int, SchoolTypesP, _c_str, ctypes.POINTER(_c_int))
_name = fn("triad_schooltypes_name", _c_str, SchoolTypesP, _c_str, _c_int)
_set_ownership = fn("triad_schooltypes_set_ownership", _c_int, SchoolTypesP, _c_str,
                    ctypes.POINTER(ctypes.c_double), ctypes.c_size_t)
_ownership = fn("triad_schooltypes_ownership", _c_int, SchoolTypesP, _c_str, _c_int,
                ctypes.POINTER(ctypes.c_double))


class SchoolTypes(Handle):
    """A set of school types (the built-ins first, then the school's own),
    with their years and ownership curves. Iterating yields the ids.

    Not safe to change from one thread while another reads it."""

    __slots__ = ()
    _kind = "school type set"

    def __init__(self) -> None:
        out = SchoolTypesP()
        check(_new(ctypes.byref(out)))
        super().__init__(out, _free)

    def add(self, id: str, name_nl: str, name_en: str, years: int) -> None:
        """Add a school type of the school's own. InvalidArgumentError names
        the bad argument; ExistsError for an id already present."""
        check(_add(self._h, encode(id, "id"), encode(name_nl, "name_nl"),
                   encode(name_en, "name_en"), years))

    def __len__(self) -> int:
        return int(_count(self._h))

    def __iter__(self) -> Iterator[str]:
        for i in range(len(self)):
            yield decode(check_ptr(_id_at(self._h, i)))

    def __contains__(self, id: object) -> bool:
        return isinstance(id, str) and id in list(self)

    def years(self, id: str) -> int:
        """Number of years of a school type; NotFoundError for an unknown id."""
        out = _c_int()
        check(_years(self._h, encode(id, "id"), ctypes.byref(out)))
        return out.value

    def name(self, id: str, lang: Lang = Lang.NL) -> str:
        """The name of a school type in a language."""
        return decode(check_ptr(_name(self._h, encode(id, "id"), int(lang))))

    def set_ownership(self, id: str, shares: Sequence[float]) -> None:
        """Replace a type's ownership curve: one share in [0, 1] per school
        year, year 1 first, never decreasing. On error the curve is unchanged."""
        arr = (ctypes.c_double * max(len(shares), 1))(*shares)
        check(_set_ownership(self._h, encode(id, "id"), arr, len(shares)))

    def ownership(self, id: str, year: int) -> float:
        """The share of responsibility (0..1) the student holds in a school
        year; RangeError for a year outside the type."""
        out = ctypes.c_double()
        check(_ownership(self._h, encode(id, "id"), year, ctypes.byref(out)))
        return out.value

    def curve(self, id: str) -> list:
        """The whole ownership curve of a type, year 1 first."""
        return [self.ownership(id, y) for y in range(1, self.years(id) + 1)]

    def __repr__(self) -> str:
        if self.closed:
            return "SchoolTypes(<closed>)"
        return f"SchoolTypes({list(self)!r})"
