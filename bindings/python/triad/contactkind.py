"""Kinds of contact between home and school, and their channels
(triad/contactkind.h)."""
from __future__ import annotations

import ctypes
import enum
from typing import Tuple

from ._ffi import decode, encode, fn
from .categories import Category
from .common import Lang
from .error import check, check_ptr

_c_int = ctypes.c_int
_c_str = ctypes.c_char_p

_kind_count = fn("triad_contact_kind_count", ctypes.c_size_t)
_kind_valid = fn("triad_contact_kind_valid", _c_int, _c_int)
_kind_id = fn("triad_contact_kind_id", _c_str, _c_int)
_kind_from_id = fn("triad_contact_kind_from_id", _c_int, ctypes.POINTER(_c_int), _c_str)
_kind_name = fn("triad_contact_kind_name", _c_str, _c_int, _c_int)
_kind_category = fn("triad_contact_kind_category", _c_int, _c_int)
_kind_channel = fn("triad_contact_kind_default_channel", _c_int, _c_int)
_channel_count = fn("triad_channel_count", ctypes.c_size_t)
_channel_valid = fn("triad_channel_valid", _c_int, _c_int)
_channel_id = fn("triad_channel_id", _c_str, _c_int)
_channel_from_id = fn("triad_channel_from_id", _c_int, ctypes.POINTER(_c_int), _c_str)
_channel_name = fn("triad_channel_name", _c_str, _c_int, _c_int)


class Channel(enum.IntEnum):
    """triad_channel: how a contact takes place."""

    NONE = 0
    IN_PERSON = 1
    PHONE = 2
    VIDEO = 3
    EMAIL = 4
    MESSAGE = 5  #: the school's message system or app
    LETTER = 6

    @classmethod
    def all(cls) -> Tuple["Channel", ...]:
        """Every channel, 1..triad_channel_count()."""
        return tuple(cls(i) for i in range(1, _channel_count() + 1))

    @classmethod
    def from_id(cls, text: str) -> "Channel":
        """Look a channel up by id ("in_person"); NotFoundError when unknown."""
        out = _c_int()
        check(_channel_from_id(ctypes.byref(out), encode(text, "id")))
        return cls(out.value)

    @staticmethod
    def valid(value: int) -> bool:
        """Whether an integer is a valid channel."""
        return bool(_channel_valid(int(value)))

    @property
    def id(self) -> str:
        """The stable string id."""
        return decode(check_ptr(_channel_id(self)))

    def label(self, lang: Lang = Lang.NL) -> str:
        """The channel's name in a language."""
        return decode(check_ptr(_channel_name(self, int(lang))))


class ContactKind(enum.IntEnum):
    """triad_contact_kind: a kind of contact between home and school."""

    NONE = 0
    INTAKE = 1               #: kennismakingsgesprek
    TRIANGLE = 2             #: student, parent and mentor
    CONFERENCE = 3           #: ten-minute conference
    MENTOR_CALL = 4
    HOME_VISIT = 5
    THEME_EVENING = 6
    INFORMATION_EVENING = 7
    POSITIVE_NOTE = 8
    CONCERN = 9

    @classmethod
    def all(cls) -> Tuple["ContactKind", ...]:
        """Every kind, 1..triad_contact_kind_count()."""
        return tuple(cls(i) for i in range(1, _kind_count() + 1))

    @classmethod
    def from_id(cls, text: str) -> "ContactKind":
        """Look a kind up by id ("mentor_call"); NotFoundError when unknown."""
        out = _c_int()
        check(_kind_from_id(ctypes.byref(out), encode(text, "id")))
        return cls(out.value)

    @staticmethod
    def valid(value: int) -> bool:
        """Whether an integer is a valid contact kind."""
        return bool(_kind_valid(int(value)))

    @property
    def id(self) -> str:
        """The stable string id."""
        return decode(check_ptr(_kind_id(self)))

    def label(self, lang: Lang = Lang.NL) -> str:
        """The kind's name in a language."""
        return decode(check_ptr(_kind_name(self, int(lang))))

    @property
    def category(self) -> Category:
        """The involvement category the kind belongs to."""
        return Category(_kind_category(self))

    @property
    def default_channel(self) -> Channel:
        """The channel the kind normally uses."""
        return Channel(_kind_channel(self))
