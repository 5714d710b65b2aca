"""The age policy: who consents, who signs and who is informed on a date
(triad/policy.h). Every query takes the as-of date: there is no hidden clock.

    >>> signers(roster, "s1", "2026-09-01")
    ['s1', 'm1', 'f1']
"""
from __future__ import annotations

import ctypes
from typing import List, Optional, Tuple

from . import date as _date
from ._ffi import alias, encode, proto
from .error import check
from .roster import Roster
from .strlist import StrListP, take_list

OPTIONS_VERSION = 1


class PolicyOptions(ctypes.Structure):
    """triad_policy_options: the ages the policy turns on. Fields left out
    keep the library's defaults (consent at 16, majority at 18)."""

    _fields_ = [("version", ctypes.c_uint), ("consent_age", ctypes.c_int),
                ("majority_age", ctypes.c_int)]

    def __init__(self, consent_age: Optional[int] = None,
                 majority_age: Optional[int] = None) -> None:
        super().__init__()
        check(_options_init(ctypes.byref(self), OPTIONS_VERSION))
        if consent_age is not None:
            self.consent_age = consent_age
        if majority_age is not None:
            self.majority_age = majority_age

    def __repr__(self) -> str:
        return f"PolicyOptions(consent_age={self.consent_age}, majority_age={self.majority_age})"


alias("triad_policy_options", PolicyOptions)

_options_init = proto("int triad_policy_options_init(triad_policy_options *opts, unsigned version)")
_consenters = proto("int triad_policy_consenters(triad_strlist **out, const triad_roster *roster, const triad_policy_options *opts, const char *student_id, triad_date on)")
_signers = proto("int triad_policy_signers(triad_strlist **out, const triad_roster *roster, const triad_policy_options *opts, const char *student_id, triad_date on)")
_informed = proto("int triad_policy_informed(triad_strlist **out_full, triad_strlist **out_on_request, const triad_roster *roster, const triad_policy_options *opts, const char *student_id, triad_date on)")
_consent_in_force = proto("int triad_policy_consent_in_force(int *out, const triad_roster *roster, const triad_policy_options *opts, const char *student_id, const char *purpose, triad_date on)")
_is_adult = proto("int triad_policy_is_adult(int *out, const triad_roster *roster, const triad_policy_options *opts, const char *student_id, triad_date on)")


def _opts(opts: Optional[PolicyOptions]):
    return ctypes.byref(opts) if opts is not None else None


def consenters(roster: Roster, student_id: str, on: _date.DateLike,
               opts: Optional[PolicyOptions] = None) -> List[str]:
    """Who must consent to processing the student's data on a date: the
    guardians with authority before the consent age, the student from it."""
    out = StrListP()
    check(_consenters(ctypes.byref(out), roster._h, _opts(opts),
                      encode(student_id, "student_id"), _date.to_days(on)))
    return take_list(out)


def signers(roster: Roster, student_id: str, on: _date.DateLike,
            opts: Optional[PolicyOptions] = None) -> List[str]:
    """Who must sign an agreement for the student on a date (the student first)."""
    out = StrListP()
    check(_signers(ctypes.byref(out), roster._h, _opts(opts),
                   encode(student_id, "student_id"), _date.to_days(on)))
    return take_list(out)


def informed(roster: Roster, student_id: str, on: _date.DateLike,
             opts: Optional[PolicyOptions] = None) -> Tuple[List[str], List[str]]:
    """(guardians fully informed, guardians informed on request) on a date."""
    full, on_request = StrListP(), StrListP()
    check(_informed(ctypes.byref(full), ctypes.byref(on_request), roster._h, _opts(opts),
                    encode(student_id, "student_id"), _date.to_days(on)))
    return take_list(full), take_list(on_request)


def consent_in_force(roster: Roster, student_id: str, purpose: str, on: _date.DateLike,
                     opts: Optional[PolicyOptions] = None) -> bool:
    """Whether consent for a purpose is in force on a date."""
    out = ctypes.c_int()
    check(_consent_in_force(ctypes.byref(out), roster._h, _opts(opts),
                            encode(student_id, "student_id"), encode(purpose, "purpose"),
                            _date.to_days(on)))
    return bool(out.value)


def is_adult(roster: Roster, student_id: str, on: _date.DateLike,
             opts: Optional[PolicyOptions] = None) -> bool:
    """Whether the student has reached the age of majority on a date."""
    out = ctypes.c_int()
    check(_is_adult(ctypes.byref(out), roster._h, _opts(opts),
                    encode(student_id, "student_id"), _date.to_days(on)))
    return bool(out.value)
