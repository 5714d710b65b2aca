"""Whether the measurable commitments of an agreement are kept, according
to the contact log (triad/compliance.h).

The library's result borrows from the agreement version and the log, and
the version handle lives only until the agreement changes; so
:func:`check` copies everything out at once and returns a plain
:class:`ComplianceReport`.
"""
from __future__ import annotations

import ctypes
import dataclasses
import datetime as _dt
from typing import Optional, Tuple

from . import date as _date
from ._ffi import decode, opaque, proto
from .agreement import Agreement, CommitmentKind, _in_force, _latest, _version_at
from .calendar import Calendar
from .common import Lang
from .contactlog import ContactLog
from .error import check, check_ptr
from .memory import take_string

CompliancePtr = opaque("triad_compliance")

_check = proto("int triad_compliance_check(triad_compliance **out, const triad_agreement_version *version, const triad_contactlog *log, const triad_calendar *calendar, triad_date as_of)")
_free = proto("void triad_compliance_free(triad_compliance *result)")
_checked = proto("size_t triad_compliance_checked(const triad_compliance *result)")
_count = proto("size_t triad_compliance_count(const triad_compliance *result)")
_at = proto("int triad_compliance_at(const triad_compliance *result, size_t index, const char **clause, triad_commitment_kind *kind, triad_date *from, triad_date *to, int32_t *expected, int32_t *actual, const char **entry, int *answered)")
_text = proto("int triad_compliance_text(char **out, const triad_compliance *result, triad_lang lang)")
_json = proto("int triad_compliance_json(char **out, const triad_compliance *result)")


@dataclasses.dataclass(frozen=True)
class ComplianceFinding:
    """A broken commitment: a period with too few contacts, too long a gap,
    or a question answered late (or not yet)."""
    clause: str
    kind: CommitmentKind
    start: _dt.date
    end: _dt.date
    expected: int
    actual: int
    entry: Optional[str]      #: the question's log entry (response times)
    answered: bool


@dataclasses.dataclass(frozen=True)
class ComplianceReport:
    checked: int                              #: commitments checked
    findings: Tuple[ComplianceFinding, ...]
    text_nl: str
    text_en: str
    json: str                                 #: triad.compliance/1

    @property
    def kept(self) -> bool:
        return not self.findings

    def text(self, lang: Lang = Lang.NL) -> str:
        return self.text_en if lang == Lang.EN else self.text_nl


def _text_of(ptr, lang: Lang) -> str:
    out = ctypes.c_void_p()
    check(_text(ctypes.byref(out), ptr, int(lang)))
    return take_string(out.value)


def check_compliance(agreement: Agreement, log: ContactLog, as_of: _date.DateLike, *,
                     calendar: Optional[Calendar] = None, version: Optional[int] = None) -> ComplianceReport:
    """Check the commitments of one version (by number; by default the one
    in force on ``as_of``, else the latest) against the log."""
    a, day = agreement._h, _date.to_days(as_of)
    if version is not None:
        v = check_ptr(_version_at(a, version))
    else:
        v = _in_force(a, day) or check_ptr(_latest(a))
    out = CompliancePtr()
    check(_check(ctypes.byref(out), v, log._h, calendar._h if calendar is not None else None, day))
    try:
        findings = []
        for i in range(_count(out)):
            clause, entry = ctypes.c_char_p(), ctypes.c_char_p()
            kind, f, t = ctypes.c_int(), ctypes.c_int32(), ctypes.c_int32()
            exp, act, ans = ctypes.c_int32(), ctypes.c_int32(), ctypes.c_int()
            check(_at(out, i, ctypes.byref(clause), ctypes.byref(kind), ctypes.byref(f), ctypes.byref(t),
                      ctypes.byref(exp), ctypes.byref(act), ctypes.byref(entry), ctypes.byref(ans)))
            findings.append(ComplianceFinding(decode(clause.value), CommitmentKind(kind.value),
                                              _date.from_days(f.value), _date.from_days(t.value),
                                              exp.value, act.value,
                                              None if entry.value is None else decode(entry.value),
                                              bool(ans.value)))
        js = ctypes.c_void_p()
        check(_json(ctypes.byref(js), out))
        return ComplianceReport(int(_checked(out)), tuple(findings), _text_of(out, Lang.NL),
                                _text_of(out, Lang.EN), take_string(js.value))
    finally:
        _free(out)

