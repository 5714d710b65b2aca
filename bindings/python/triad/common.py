"""Declarations shared by every header (triad/common.h): the language of
names, descriptions and rendered documents."""
from __future__ import annotations

import enum


class Lang(enum.IntEnum):
    """triad_lang: values are stable; new languages are appended."""

    NL = 1  #: Dutch (Nederlands)
    EN = 2  #: English
