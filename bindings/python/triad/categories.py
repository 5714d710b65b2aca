"""The taxonomy of parental involvement, Epstein's six types and the Dutch
intensity scale (triad/categories.h).

The three enumerations are :class:`enum.IntEnum` subclasses whose values equal
the C ones; their methods call the library::

    >>> Category.INVOLVEMENT_HOME.id
    'involvement.home'
    >>> Category.from_id("partnership.didactic").parent
    <Category.PARTNERSHIP: 11>
"""
from __future__ import annotations

import ctypes
import enum
from typing import Tuple

from ._ffi import decode, encode, fn
from ._util import fill_array
from .common import Lang
from .error import check, check_ptr

_c_int = ctypes.c_int
_c_size = ctypes.c_size_t
_c_str = ctypes.c_char_p
_P = ctypes.POINTER

_category_count = fn("triad_category_count", _c_size)
_category_at = fn("triad_category_at", _c_int, _c_size)
_category_valid = fn("triad_category_valid", _c_int, _c_int)
_category_id = fn("triad_category_id", _c_str, _c_int)
_category_from_id = fn("triad_category_from_id", _c_int, _P(_c_int), _c_str)
_category_name = fn("triad_category_name", _c_str, _c_int, _c_int)
_category_description = fn("triad_category_description", _c_str, _c_int, _c_int)
_category_parent = fn("triad_category_parent", _c_int, _c_int)
_category_children = fn("triad_category_children", _c_int, _c_int, _P(_c_int), _c_size)
_category_is_a = fn("triad_category_is_a", _c_int, _c_int, _c_int)
_category_epstein = fn("triad_category_epstein", _c_int, _c_int, _P(_c_int), _c_size)
_epstein_categories = fn("triad_epstein_categories", _c_int, _c_int, _P(_c_int), _c_size)
_category_intensity = fn("triad_category_intensity", _c_int, _c_int)
_epstein_valid = fn("triad_epstein_valid", _c_int, _c_int)
_epstein_id = fn("triad_epstein_id", _c_str, _c_int)
_epstein_from_id = fn("triad_epstein_from_id", _c_int, _P(_c_int), _c_str)
_epstein_name = fn("triad_epstein_name", _c_str, _c_int, _c_int)
_intensity_valid = fn("triad_intensity_valid", _c_int, _c_int)
_intensity_id = fn("triad_intensity_id", _c_str, _c_int)
_intensity_from_id = fn("triad_intensity_from_id", _c_int, _P(_c_int), _c_str)
_intensity_name = fn("triad_intensity_name", _c_str, _c_int, _c_int)


def _lookup(call, text: str) -> int:
    out = _c_int()
    check(call(ctypes.byref(out), encode(text, "id")))
    return out.value


class Category(enum.IntEnum):
    """triad_category: an involvement category; the tree is documented in
    triad/categories.h. NONE (0) is not a category."""

    NONE = 0
    PARTICIPATION = 1
    PARTICIPATION_INFORMAL = 2
    PARTICIPATION_FORMAL = 3
    PARTICIPATION_FORMAL_PARENT_COUNCIL = 4
    PARTICIPATION_FORMAL_PARTICIPATION_COUNCIL = 5
    RESPONSIBILITY = 6
    INVOLVEMENT = 7
    INVOLVEMENT_HOME = 8
    INVOLVEMENT_SCHOOL = 9
    INVOLVEMENT_DEVELOPMENT_SUPPORT = 10
    PARTNERSHIP = 11
    PARTNERSHIP_PEDAGOGICAL = 12
    PARTNERSHIP_DIDACTIC = 13
    OWNERSHIP = 14

    @classmethod
    def all(cls) -> Tuple["Category", ...]:
        """Every category in the documented tree order (pre-order)."""
        return tuple(cls(_category_at(i)) for i in range(_category_count()))

    @classmethod
    def from_id(cls, text: str) -> "Category":
        """Look a category up by its stable id; NotFoundError when unknown."""
        return cls(_lookup(_category_from_id, text))

    @staticmethod
    def valid(value: int) -> bool:
        """Whether an integer is a valid category (not NONE, in range)."""
        return bool(_category_valid(int(value)))

    @property
    def id(self) -> str:
        """The stable string id, such as "involvement.home"."""
        return decode(check_ptr(_category_id(self)))

    def label(self, lang: Lang = Lang.NL) -> str:
        """The category's name in a language, e.g. "thuisbetrokkenheid"."""
        return decode(check_ptr(_category_name(self, int(lang))))

    def description(self, lang: Lang = Lang.NL) -> str:
        """A one-paragraph description in a language."""
        return decode(check_ptr(_category_description(self, int(lang))))

    @property
    def parent(self) -> "Category":
        """The parent in the tree; NONE for a root."""
        return Category(_category_parent(self))

    @property
    def children(self) -> Tuple["Category", ...]:
        """The direct children, in tree order."""
        return tuple(Category(c) for c in
                     fill_array(lambda b, n: _category_children(self, b, n), _c_int))

    def is_a(self, ancestor: "Category") -> bool:
        """Whether this category is ``ancestor`` or lies below it."""
        return bool(_category_is_a(self, int(ancestor)))

    @property
    def epstein(self) -> Tuple["Epstein", ...]:
        """Epstein's types this category corresponds to (ascending)."""
        return tuple(Epstein(e) for e in
                     fill_array(lambda b, n: _category_epstein(self, b, n), _c_int))

    @property
    def intensity(self) -> "Intensity":
        """The highest intensity of participation the category typically asks."""
        return Intensity(_category_intensity(self))


class Epstein(enum.IntEnum):
    """triad_epstein: Epstein's six types of involvement."""

    NONE = 0
    PARENTING = 1
    COMMUNICATING = 2
    VOLUNTEERING = 3
    LEARNING_AT_HOME = 4
    DECISION_MAKING = 5
    COLLABORATING_WITH_COMMUNITY = 6

    @classmethod
    def from_id(cls, text: str) -> "Epstein":
        """Look a type up by id ("learning_at_home"); NotFoundError when unknown."""
        return cls(_lookup(_epstein_from_id, text))

    @staticmethod
    def valid(value: int) -> bool:
        """Whether an integer is one of the six types."""
        return bool(_epstein_valid(int(value)))

    @property
    def id(self) -> str:
        """The stable string id, e.g. "decision_making"."""
        return decode(check_ptr(_epstein_id(self)))

    def label(self, lang: Lang = Lang.NL) -> str:
        """The type's name in a language."""
        return decode(check_ptr(_epstein_name(self, int(lang))))

    @property
    def categories(self) -> Tuple[Category, ...]:
        """The categories that correspond to this type, in tree order."""
        return tuple(Category(c) for c in
                     fill_array(lambda b, n: _epstein_categories(self, b, n), _c_int))


class Intensity(enum.IntEnum):
    """triad_intensity: the Dutch intensity scale of participation."""

    NONE = 0
    MEELEVEN = 1      #: sympathise
    MEEHELPEN = 2     #: help; also called meedoen
    MEEDENKEN = 3     #: think along
    MEEBESLISSEN = 4  #: co-decide

    @classmethod
    def from_id(cls, text: str) -> "Intensity":
        """Look a level up by id; "meedoen" is accepted for MEEHELPEN."""
        return cls(_lookup(_intensity_from_id, text))

    @staticmethod
    def valid(value: int) -> bool:
        """Whether an integer is one of the four levels."""
        return bool(_intensity_valid(int(value)))

    @property
    def id(self) -> str:
        """The stable string id, e.g. "meedenken"."""
        return decode(check_ptr(_intensity_id(self)))

    def label(self, lang: Lang = Lang.NL) -> str:
        """The level's name in a language."""
        return decode(check_ptr(_intensity_name(self, int(lang))))
