"""The ouder-kind-schoolovereenkomst: the agreement between parents, student
and school, with clauses from one party to another, measurable
commitments, a contact protocol, signatures, versions and a lifecycle;
validation, ``triad.agreement/1`` JSON and rendering (triad/agreement.h).

Reading gives snapshots: :class:`Version`, :class:`Clause` and
:class:`Commitment` are plain copies, so they stay valid when the agreement
changes (the library's own handles would not).
"""
from __future__ import annotations

import ctypes
import dataclasses
import datetime as _dt
import enum
import os
from typing import Any, List, Optional, Sequence, Tuple, Union

from . import date as _date
from ._ffi import alias, decode, encode, opaque, proto
from ._handle import Handle
from .categories import Category
from .common import Lang
from .contactkind import Channel, ContactKind
from .error import NotFoundError, check, check_ptr
from .memory import take_string
from .policy import PolicyOptions
from .roster import Roster, StaffRole
from .schooltypes import SchoolTypes

FORMAT = "triad.agreement/1"

AgreementP = opaque("triad_agreement")
VersionP = opaque("triad_agreement_version")
ClauseP = opaque("triad_clause")
CommitmentP = opaque("triad_commitment")
FindingsP = opaque("triad_agreement_findings")
for _n in ("triad_agreement_state", "triad_party_role", "triad_agreement_section",
           "triad_commitment_kind", "triad_period", "triad_severity", "triad_render_format",
           "triad_category"):
    alias(_n, ctypes.c_int)


class _StartOptions(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint), ("school_year", ctypes.c_int),
                ("policy", ctypes.POINTER(PolicyOptions)), ("with_catalogue", ctypes.c_int)]


class _CheckOptions(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint), ("policy", ctypes.POINTER(PolicyOptions)),
                ("types", ctypes.c_void_p), ("ownership_threshold", ctypes.c_double)]


class _RenderOptions(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint), ("format", ctypes.c_int), ("lang", ctypes.c_int),
                ("roster", ctypes.c_void_p), ("policy", ctypes.POINTER(PolicyOptions)),
                ("version_number", ctypes.c_size_t)]


alias("triad_agreement_start_options", _StartOptions)
alias("triad_agreement_check_options", _CheckOptions)
alias("triad_render_options", _RenderOptions)

_A = "triad_agreement *agreement"
_CA = "const triad_agreement *agreement"
_V = "const triad_agreement_version *v"
_C = "const triad_clause *c"
_M = "const triad_commitment *m"
_F = "const triad_agreement_findings *findings"

_state_id = proto("const char *triad_agreement_state_id(triad_agreement_state state)")
_role_id = proto("const char *triad_party_role_id(triad_party_role role)")
_section_id = proto("const char *triad_agreement_section_id(triad_agreement_section section)")
_section_name = proto("const char *triad_agreement_section_name(triad_agreement_section section, triad_lang lang)")
_commitment_kind_id = proto("const char *triad_commitment_kind_id(triad_commitment_kind kind)")
_period_id = proto("const char *triad_period_id(triad_period period)")
_severity_id = proto("const char *triad_severity_id(triad_severity severity)")
_cat_count = proto("size_t triad_catalogue_count(void)")
_cat_id_at = proto("const char *triad_catalogue_id_at(size_t index)")
_cat_find = proto("int triad_catalogue_find(size_t *out, const char *id)")
_cat_section = proto("triad_agreement_section triad_catalogue_section(size_t index)")
_cat_text = proto("const char *triad_catalogue_text(size_t index, triad_lang lang)")
_new = proto("int triad_agreement_new(triad_agreement **out, const char *id)")
_start_options_init = proto("int triad_agreement_start_options_init(triad_agreement_start_options *opts, unsigned version)")
_start = proto("int triad_agreement_start(triad_agreement **out, const char *id, const triad_roster *roster, const char *student_id, const char *staff_id, const triad_agreement_start_options *opts)")
_free = proto("void triad_agreement_free(triad_agreement *agreement)")
_load = proto("int triad_agreement_load(triad_agreement **out, const char *text, size_t len, const char *source)")
_load_file = proto("int triad_agreement_load_file(triad_agreement **out, const char *filename)")
_save = proto(f"int triad_agreement_save(char **out, {_CA})")
_save_file = proto(f"int triad_agreement_save_file({_CA}, const char *filename)")
_equal = proto("int triad_agreement_equal(const triad_agreement *a, const triad_agreement *b)")
_set_school_year = proto(f"int triad_agreement_set_school_year({_A}, int start_year)")
_set_validity = proto(f"int triad_agreement_set_validity({_A}, triad_date from, triad_date to)")
_set_student_year = proto(f"int triad_agreement_set_student_year({_A}, const char *school_type, int year)")
_add_party = proto(f"int triad_agreement_add_party({_A}, triad_party_role role, const char *id)")
_remove_party = proto(f"int triad_agreement_remove_party({_A}, const char *id)")
_add_clause = proto(f"int triad_agreement_add_clause({_A}, const char *id, triad_agreement_section section, triad_category category, triad_party_role from_role, const char *from_id, triad_party_role to_role, const char *to_id)")
_add_catalogue_clause = proto(f"int triad_agreement_add_catalogue_clause({_A}, const char *catalogue_id)")
_remove_clause = proto(f"int triad_agreement_remove_clause({_A}, const char *clause_id)")
_clause_set_text = proto(f"int triad_agreement_clause_set_text({_A}, const char *clause_id, const char *text_nl, const char *text_en)")
_clause_set_free_text = proto(f"int triad_agreement_clause_set_free_text({_A}, const char *clause_id, const char *text)")
_clause_set_parties = proto(f"int triad_agreement_clause_set_parties({_A}, const char *clause_id, triad_party_role from_role, const char *from_id, triad_party_role to_role, const char *to_id)")
_clause_add_variant = proto(f"int triad_agreement_clause_add_variant({_A}, const char *clause_id, int year_from, int year_to, triad_party_role from_role, const char *from_id, const char *text_nl, const char *text_en)")
_clause_set_min_count = proto(f"int triad_agreement_clause_set_min_count({_A}, const char *clause_id, triad_contact_kind kind, int count, triad_period period)")
_clause_set_max_interval = proto(f"int triad_agreement_clause_set_max_interval({_A}, const char *clause_id, triad_contact_kind kind, int weeks)")
_clause_set_response_time = proto(f"int triad_agreement_clause_set_response_time({_A}, const char *clause_id, triad_contact_kind kind, int days)")
_clause_clear_commitment = proto(f"int triad_agreement_clause_clear_commitment({_A}, const char *clause_id)")
_set_protocol = proto(f"int triad_agreement_set_protocol({_A}, const char *subject, unsigned staff_role, const char *staff_id, triad_channel channel, int response_days)")
_remove_protocol = proto(f"int triad_agreement_remove_protocol({_A}, const char *subject)")
_propose = proto(f"int triad_agreement_propose({_A}, triad_date on)")
_withdraw = proto(f"int triad_agreement_withdraw({_A})")
_sign = proto(f"int triad_agreement_sign({_A}, const char *signer_id, triad_date on)")
_activate = proto(f"int triad_agreement_activate({_A}, const triad_roster *roster, const triad_policy_options *policy, triad_date on)")
_expire = proto(f"int triad_agreement_expire({_A}, triad_date as_of)")
_terminate = proto(f"int triad_agreement_terminate({_A}, triad_date on, const char *reason)")
_id = proto(f"const char *triad_agreement_id({_CA})")
_state_of = proto(f"triad_agreement_state triad_agreement_state_of({_CA})")
_version_count = proto(f"size_t triad_agreement_version_count({_CA})")
_version_at = proto(f"const triad_agreement_version *triad_agreement_version_at({_CA}, size_t number)")
_latest = proto(f"const triad_agreement_version *triad_agreement_latest({_CA})")
_in_force = proto(f"const triad_agreement_version *triad_agreement_in_force({_CA}, triad_date on)")
_v_number = proto(f"int triad_agreement_version_number({_V})")
_v_state = proto(f"triad_agreement_state triad_agreement_version_state({_V})")
_v_valid_from = proto(f"triad_date triad_agreement_version_valid_from({_V})")
_v_valid_to = proto(f"triad_date triad_agreement_version_valid_to({_V})")
_v_has_validity = proto(f"int triad_agreement_version_has_validity({_V})")
_v_school_type = proto(f"const char *triad_agreement_version_school_type({_V})")
_v_student_year = proto(f"int triad_agreement_version_student_year({_V})")
_v_date = proto(f"int triad_agreement_version_date(triad_date *out, {_V}, const char *which)")
_v_end_reason = proto(f"const char *triad_agreement_version_end_reason({_V})")
_v_party_count = proto(f"size_t triad_agreement_version_party_count({_V})")
_v_party_role = proto(f"triad_party_role triad_agreement_version_party_role({_V}, size_t index)")
_v_party_id = proto(f"const char *triad_agreement_version_party_id({_V}, size_t index)")
_v_student_id = proto(f"const char *triad_agreement_version_student_id({_V})")
_v_clause_count = proto(f"size_t triad_agreement_version_clause_count({_V})")
_v_clause_at = proto(f"const triad_clause *triad_agreement_version_clause_at({_V}, size_t index)")
_v_clause = proto(f"const triad_clause *triad_agreement_version_clause({_V}, const char *id)")
_v_protocol_count = proto(f"size_t triad_agreement_version_protocol_count({_V})")
_v_protocol_subject = proto(f"const char *triad_agreement_version_protocol_subject({_V}, size_t index)")
_v_protocol_staff_role = proto(f"unsigned triad_agreement_version_protocol_staff_role({_V}, size_t index)")
_v_protocol_staff_id = proto(f"const char *triad_agreement_version_protocol_staff_id({_V}, size_t index)")
_v_protocol_channel = proto(f"triad_channel triad_agreement_version_protocol_channel({_V}, size_t index)")
_v_protocol_response_days = proto(f"int triad_agreement_version_protocol_response_days({_V}, size_t index)")
_v_signature_count = proto(f"size_t triad_agreement_version_signature_count({_V})")
_v_signature_id = proto(f"const char *triad_agreement_version_signature_id({_V}, size_t index)")
_v_signature_role = proto(f"triad_party_role triad_agreement_version_signature_role({_V}, size_t index)")
_v_signature_date = proto(f"triad_date triad_agreement_version_signature_date({_V}, size_t index)")
_c_id = proto(f"const char *triad_clause_id({_C})")
_c_section = proto(f"triad_agreement_section triad_clause_section({_C})")
_c_category = proto(f"triad_category triad_clause_category({_C})")
_c_from_role = proto(f"triad_party_role triad_clause_from_role({_C})")
_c_from_id = proto(f"const char *triad_clause_from_id({_C})")
_c_to_role = proto(f"triad_party_role triad_clause_to_role({_C})")
_c_to_id = proto(f"const char *triad_clause_to_id({_C})")
_c_text = proto(f"const char *triad_clause_text({_C}, triad_lang lang)")
_c_is_free_text = proto(f"int triad_clause_is_free_text({_C})")
_c_variant_count = proto(f"size_t triad_clause_variant_count({_C})")
_c_variant_years = proto(f"int triad_clause_variant_years(int *year_from, int *year_to, {_C}, size_t index)")
_c_variant_from_role = proto(f"triad_party_role triad_clause_variant_from_role({_C}, size_t index)")
_c_variant_from_id = proto(f"const char *triad_clause_variant_from_id({_C}, size_t index)")
_c_variant_text = proto(f"const char *triad_clause_variant_text({_C}, size_t index, triad_lang lang)")
_c_commitment = proto(f"const triad_commitment *triad_clause_commitment({_C})")
_v_commitment_count = proto(f"size_t triad_agreement_version_commitment_count({_V})")
_v_commitment_at = proto(f"const triad_commitment *triad_agreement_version_commitment_at({_V}, size_t index)")
_m_clause = proto(f"const triad_clause *triad_commitment_clause({_M})")
_m_kind = proto(f"triad_commitment_kind triad_commitment_kind_of({_M})")
_m_contact_kind = proto(f"triad_contact_kind triad_commitment_contact_kind({_M})")
_m_count = proto(f"int triad_commitment_count({_M})")
_m_period = proto(f"triad_period triad_commitment_period({_M})")
_m_weeks = proto(f"int triad_commitment_weeks({_M})")
_m_days = proto(f"int triad_commitment_days({_M})")
_m_from_role = proto(f"triad_party_role triad_commitment_from_role({_M})")
_m_from_id = proto(f"const char *triad_commitment_from_id({_M})")
_m_to_role = proto(f"triad_party_role triad_commitment_to_role({_M})")
_m_to_id = proto(f"const char *triad_commitment_to_id({_M})")
_check_options_init = proto("int triad_agreement_check_options_init(triad_agreement_check_options *opts, unsigned version)")
_validate = proto(f"int triad_agreement_validate(triad_agreement_findings **out, {_CA}, const triad_roster *roster, const triad_agreement_check_options *opts, triad_date as_of)")
_findings_free = proto("void triad_agreement_findings_free(triad_agreement_findings *findings)")
_findings_count = proto(f"size_t triad_agreement_findings_count({_F})")
_findings_count_at_least = proto(f"size_t triad_agreement_findings_count_at_least({_F}, triad_severity severity)")
_finding_severity = proto(f"triad_severity triad_agreement_finding_severity({_F}, size_t index)")
_finding_code = proto(f"const char *triad_agreement_finding_code({_F}, size_t index)")
_finding_location = proto(f"const char *triad_agreement_finding_location({_F}, size_t index)")
_finding_message = proto(f"const char *triad_agreement_finding_message({_F}, size_t index, triad_lang lang)")
_renew = proto(f"int triad_agreement_renew(triad_agreement **out, {_CA}, const char *id, const triad_roster *roster, int school_year, const triad_policy_options *policy)")
_render_options_init = proto("int triad_render_options_init(triad_render_options *opts, unsigned version)")
_render = proto(f"int triad_agreement_render(char **out, {_CA}, const triad_render_options *opts)")


class _Ids(enum.IntEnum):
    @property
    def id(self) -> str:
        return decode(check_ptr(type(self)._id_fn(self)))  # type: ignore[attr-defined]


class AgreementState(_Ids):
    NONE = 0
    DRAFT = 1
    PROPOSED = 2
    ACTIVE = 3
    EXPIRED = 4
    TERMINATED = 5


class PartyRole(_Ids):
    NONE = 0
    STUDENT = 1
    GUARDIAN = 2
    SCHOOL = 3
    ALL = 4       #: everybody; only as a clause's addressee


class Section(_Ids):
    NONE = 0
    AIMS = 1
    SCHOOL = 2
    PARENTS = 3
    STUDENT = 4
    PROTOCOL = 5

    def label(self, lang: Lang = Lang.NL) -> str:
        return decode(check_ptr(_section_name(self, int(lang))))


class CommitmentKind(_Ids):
    NONE = 0
    MIN_COUNT = 1
    MAX_INTERVAL = 2
    RESPONSE_TIME = 3


class Period(_Ids):
    NONE = 0
    SCHOOL_WEEK = 1
    MONTH = 2
    REPORT_PERIOD = 3
    SCHOOL_YEAR = 4


class Severity(_Ids):
    NONE = 0
    INFO = 1
    WARNING = 2
    ERROR = 3


class RenderFormat(enum.IntEnum):
    NONE = 0
    TEXT = 1
    MARKDOWN = 2
    HTML = 3


AgreementState._id_fn = _state_id  # type: ignore[attr-defined]
PartyRole._id_fn = _role_id  # type: ignore[attr-defined]
Section._id_fn = _section_id  # type: ignore[attr-defined]
CommitmentKind._id_fn = _commitment_kind_id  # type: ignore[attr-defined]
Period._id_fn = _period_id  # type: ignore[attr-defined]
Severity._id_fn = _severity_id  # type: ignore[attr-defined]


def _s(raw: Optional[bytes]) -> Optional[str]:
    return None if raw is None else decode(raw)


def _o(text: Optional[str], what: str) -> Optional[bytes]:
    return None if text is None else encode(text, what)


# ---- the catalogue ----------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class CatalogueClause:
    """A standard clause of the library's catalogue."""
    id: str
    section: Section
    text_nl: str
    text_en: str


def _catalogue_entry(i: int) -> CatalogueClause:
    return CatalogueClause(decode(check_ptr(_cat_id_at(i))), Section(_cat_section(i)),
                           decode(check_ptr(_cat_text(i, int(Lang.NL)))),
                           decode(check_ptr(_cat_text(i, int(Lang.EN)))))


def catalogue() -> List[CatalogueClause]:
    """Every standard clause, in catalogue order."""
    return [_catalogue_entry(i) for i in range(_cat_count())]


def catalogue_clause(id: str) -> CatalogueClause:
    """A standard clause by id; NotFoundError when unknown."""
    out = ctypes.c_size_t()
    check(_cat_find(ctypes.byref(out), encode(id, "id")))
    return _catalogue_entry(out.value)


# ---- snapshots ------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Commitment:
    """A clause's measurable commitment (count per period, maximum interval
    in school weeks, or response time in school days)."""
    clause_id: str
    kind: CommitmentKind
    contact_kind: ContactKind
    count: int
    period: Period
    weeks: int
    days: int
    from_role: PartyRole
    from_id: Optional[str]
    to_role: PartyRole
    to_id: Optional[str]

    @classmethod
    def _of(cls, m: Any) -> "Commitment":
        return cls(decode(check_ptr(_c_id(check_ptr(_m_clause(m))))), CommitmentKind(_m_kind(m)),
                   ContactKind(_m_contact_kind(m)), int(_m_count(m)), Period(_m_period(m)),
                   int(_m_weeks(m)), int(_m_days(m)), PartyRole(_m_from_role(m)), _s(_m_from_id(m)),
                   PartyRole(_m_to_role(m)), _s(_m_to_id(m)))


@dataclasses.dataclass(frozen=True)
class Variant:
    """The wording of a clause for a range of school years (ownership progression)."""
    year_from: int
    year_to: int
    from_role: PartyRole
    from_id: Optional[str]
    text_nl: Optional[str]
    text_en: Optional[str]


@dataclasses.dataclass(frozen=True)
class Clause:
    id: str
    section: Section
    category: Category
    from_role: PartyRole
    from_id: Optional[str]
    to_role: PartyRole
    to_id: Optional[str]
    text_nl: Optional[str]
    text_en: Optional[str]
    free_text: bool
    variants: Tuple[Variant, ...]
    commitment: Optional[Commitment]

    @classmethod
    def _of(cls, c: Any) -> "Clause":
        variants = []
        for i in range(_c_variant_count(c)):
            f, t = ctypes.c_int(), ctypes.c_int()
            check(_c_variant_years(ctypes.byref(f), ctypes.byref(t), c, i))
            variants.append(Variant(f.value, t.value, PartyRole(_c_variant_from_role(c, i)),
                                    _s(_c_variant_from_id(c, i)), _s(_c_variant_text(c, i, int(Lang.NL))),
                                    _s(_c_variant_text(c, i, int(Lang.EN)))))
        m = _c_commitment(c)
        return cls(decode(check_ptr(_c_id(c))), Section(_c_section(c)), Category(_c_category(c)),
                   PartyRole(_c_from_role(c)), _s(_c_from_id(c)), PartyRole(_c_to_role(c)),
                   _s(_c_to_id(c)), _s(_c_text(c, int(Lang.NL))), _s(_c_text(c, int(Lang.EN))),
                   bool(_c_is_free_text(c)), tuple(variants), Commitment._of(m) if m else None)


@dataclasses.dataclass(frozen=True)
class Party:
    role: PartyRole
    id: str


@dataclasses.dataclass(frozen=True)
class ProtocolEntry:
    """For a subject: whom to contact, through which channel, how fast the school answers."""
    subject: str
    staff_role: StaffRole
    staff_id: Optional[str]
    channel: Channel
    response_days: int


@dataclasses.dataclass(frozen=True)
class Signature:
    id: str
    role: PartyRole
    date: _dt.date


@dataclasses.dataclass(frozen=True)
class Version:
    """A snapshot of one version of an agreement."""
    number: int
    state: AgreementState
    valid_from: Optional[_dt.date]
    valid_to: Optional[_dt.date]
    school_type: Optional[str]
    student_year: int
    student_id: Optional[str]
    proposed: Optional[_dt.date]
    activated: Optional[_dt.date]
    ended: Optional[_dt.date]
    end_reason: Optional[str]
    parties: Tuple[Party, ...]
    clauses: Tuple[Clause, ...]
    protocol: Tuple[ProtocolEntry, ...]
    signatures: Tuple[Signature, ...]
    commitments: Tuple[Commitment, ...]

    def clause(self, id: str) -> Clause:
        for c in self.clauses:
            if c.id == id:
                return c
        raise KeyError(id)

    @classmethod
    def _of(cls, v: Any) -> "Version":
        def when(which: str) -> Optional[_dt.date]:
            out = ctypes.c_int32()
            rc = _v_date(ctypes.byref(out), v, which.encode())
            if rc == -3:   # TRIAD_ENOTFOUND: no such date yet
                return None
            check(rc)
            return _date.from_days(out.value)
        has = bool(_v_has_validity(v))
        clauses = [check_ptr(_v_clause_at(v, i)) for i in range(_v_clause_count(v))]
        return cls(
            int(_v_number(v)), AgreementState(_v_state(v)),
            _date.from_days(_v_valid_from(v)) if has else None,
            _date.from_days(_v_valid_to(v)) if has else None,
            _s(_v_school_type(v)), int(_v_student_year(v)), _s(_v_student_id(v)),
            when("proposed"), when("activated"), when("ended"), _s(_v_end_reason(v)),
            tuple(Party(PartyRole(_v_party_role(v, i)), decode(check_ptr(_v_party_id(v, i))))
                  for i in range(_v_party_count(v))),
            tuple(Clause._of(c) for c in clauses),
            tuple(ProtocolEntry(decode(check_ptr(_v_protocol_subject(v, i))),
                                StaffRole(_v_protocol_staff_role(v, i)), _s(_v_protocol_staff_id(v, i)),
                                Channel(_v_protocol_channel(v, i)), int(_v_protocol_response_days(v, i)))
                  for i in range(_v_protocol_count(v))),
            tuple(Signature(decode(check_ptr(_v_signature_id(v, i))), PartyRole(_v_signature_role(v, i)),
                            _date.from_days(_v_signature_date(v, i)))
                  for i in range(_v_signature_count(v))),
            tuple(Commitment._of(check_ptr(_v_commitment_at(v, i)))
                  for i in range(_v_commitment_count(v))))


@dataclasses.dataclass(frozen=True)
class Finding:
    severity: Severity
    code: str
    location: str
    message: str       #: in the language asked for


class Findings(List[Finding]):
    """The findings of a validation, most severe first as the library
    orders them; ``at_least(severity)`` counts those of that severity or worse."""

    def __init__(self, at_least: dict, items: Sequence[Finding]) -> None:
        super().__init__(items)
        self._at_least = at_least

    def at_least(self, severity: Severity) -> int:
        return self._at_least[Severity(severity)]


# ---- the agreement ---------------------------------------------------------------------------


class Agreement(Handle):
    """An agreement (``triad.agreement/1``) with all its versions."""

    __slots__ = ()
    _kind = "agreement"

    def __init__(self, id: str, *, _ptr: Any = None) -> None:
        if _ptr is None:
            _ptr = AgreementP()
            check(_new(ctypes.byref(_ptr), encode(id, "id")))
        super().__init__(_ptr, _free)

    @classmethod
    def start(cls, id: str, roster: Roster, student_id: str, staff_id: str, school_year: int, *,
              policy: Optional[PolicyOptions] = None, with_catalogue: bool = True) -> "Agreement":
        """A draft for a student from the roster: parties by the age policy,
        the catalogue clauses and the default contact protocol."""
        opts = _StartOptions()
        check(_start_options_init(ctypes.byref(opts), 1))
        opts.school_year = school_year
        opts.with_catalogue = int(bool(with_catalogue))
        if policy is not None:
            opts.policy = ctypes.pointer(policy)
        out = AgreementP()
        check(_start(ctypes.byref(out), encode(id, "id"), roster._h, encode(student_id, "student_id"),
                     encode(staff_id, "staff_id"), ctypes.byref(opts)))
        return cls(id, _ptr=out)

    def renew(self, id: str, roster: Roster, school_year: int, *,
              policy: Optional[PolicyOptions] = None) -> "Agreement":
        """Next year's agreement (the yearly review): a new draft with this
        one's clauses and protocol, the student a year up, the parties by the
        age policy on 1 August of ``school_year``. This agreement is unchanged."""
        out = AgreementP()
        check(_renew(ctypes.byref(out), self._h, encode(id, "id"), roster._h, school_year,
                     ctypes.byref(policy) if policy is not None else None))
        return Agreement(id, _ptr=out)

    @classmethod
    def load(cls, text: Union[str, bytes], source: Optional[str] = None) -> "Agreement":
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        out = AgreementP()
        check(_load(ctypes.byref(out), data, len(data), _o(source, "source")))
        return cls("", _ptr=out)

    @classmethod
    def load_file(cls, path: Union[str, "os.PathLike[str]"]) -> "Agreement":
        out = AgreementP()
        check(_load_file(ctypes.byref(out), encode(os.fspath(path), "path")))
        return cls("", _ptr=out)

    def save(self) -> str:
        out = ctypes.c_void_p()
        check(_save(ctypes.byref(out), self._h))
        return take_string(out.value)

    def save_file(self, path: Union[str, "os.PathLike[str]"]) -> None:
        check(_save_file(self._h, encode(os.fspath(path), "path")))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Agreement):
            return NotImplemented
        return bool(_equal(self._h, other._h))

    __hash__ = None  # type: ignore[assignment]

    # ---- changing the latest version

    def set_school_year(self, start_year: int) -> None:
        check(_set_school_year(self._h, start_year))

    def set_validity(self, valid_from: _date.DateLike, valid_to: _date.DateLike) -> None:
        check(_set_validity(self._h, _date.to_days(valid_from), _date.to_days(valid_to)))

    def set_student_year(self, school_type: str, year: int) -> None:
        check(_set_student_year(self._h, encode(school_type, "school_type"), year))

    def add_party(self, role: PartyRole, id: str) -> None:
        check(_add_party(self._h, int(role), encode(id, "id")))

    def remove_party(self, id: str) -> None:
        check(_remove_party(self._h, encode(id, "id")))

    def add_clause(self, id: str, section: Section, category: Category, from_role: PartyRole,
                   to_role: PartyRole, *, from_id: Optional[str] = None, to_id: Optional[str] = None) -> None:
        check(_add_clause(self._h, encode(id, "id"), int(section), int(category), int(from_role),
                          _o(from_id, "from_id"), int(to_role), _o(to_id, "to_id")))

    def add_catalogue_clause(self, catalogue_id: str) -> None:
        check(_add_catalogue_clause(self._h, encode(catalogue_id, "catalogue_id")))

    def remove_clause(self, clause_id: str) -> None:
        check(_remove_clause(self._h, encode(clause_id, "clause_id")))

    def set_clause_text(self, clause_id: str, text_nl: Optional[str], text_en: Optional[str]) -> None:
        check(_clause_set_text(self._h, encode(clause_id, "clause_id"), _o(text_nl, "text_nl"),
                               _o(text_en, "text_en")))

    def set_clause_free_text(self, clause_id: str, text: str) -> None:
        check(_clause_set_free_text(self._h, encode(clause_id, "clause_id"), encode(text, "text")))

    def set_clause_parties(self, clause_id: str, from_role: PartyRole, to_role: PartyRole, *,
                           from_id: Optional[str] = None, to_id: Optional[str] = None) -> None:
        check(_clause_set_parties(self._h, encode(clause_id, "clause_id"), int(from_role),
                                  _o(from_id, "from_id"), int(to_role), _o(to_id, "to_id")))

    def add_clause_variant(self, clause_id: str, year_from: int, year_to: int, from_role: PartyRole,
                           text_nl: Optional[str], text_en: Optional[str], *,
                           from_id: Optional[str] = None) -> None:
        check(_clause_add_variant(self._h, encode(clause_id, "clause_id"), year_from, year_to,
                                  int(from_role), _o(from_id, "from_id"), _o(text_nl, "text_nl"),
                                  _o(text_en, "text_en")))

    def set_min_count(self, clause_id: str, kind: ContactKind, count: int, period: Period) -> None:
        check(_clause_set_min_count(self._h, encode(clause_id, "clause_id"), int(kind), count, int(period)))

    def set_max_interval(self, clause_id: str, kind: ContactKind, weeks: int) -> None:
        check(_clause_set_max_interval(self._h, encode(clause_id, "clause_id"), int(kind), weeks))

    def set_response_time(self, clause_id: str, kind: ContactKind, days: int) -> None:
        check(_clause_set_response_time(self._h, encode(clause_id, "clause_id"), int(kind), days))

    def clear_commitment(self, clause_id: str) -> None:
        check(_clause_clear_commitment(self._h, encode(clause_id, "clause_id")))

    def set_protocol(self, subject: str, channel: Channel, response_days: int, *,
                     staff_role: StaffRole = StaffRole(0), staff_id: Optional[str] = None) -> None:
        check(_set_protocol(self._h, encode(subject, "subject"), int(staff_role),
                            _o(staff_id, "staff_id"), int(channel), response_days))

    def remove_protocol(self, subject: str) -> None:
        check(_remove_protocol(self._h, encode(subject, "subject")))

    # ---- lifecycle

    def propose(self, on: _date.DateLike) -> None:
        check(_propose(self._h, _date.to_days(on)))

    def withdraw(self) -> None:
        check(_withdraw(self._h))

    def sign(self, signer_id: str, on: _date.DateLike) -> None:
        check(_sign(self._h, encode(signer_id, "signer_id"), _date.to_days(on)))

    def activate(self, roster: Roster, on: _date.DateLike, policy: Optional[PolicyOptions] = None) -> None:
        """Make the proposed version active; StateError names who has not signed."""
        check(_activate(self._h, roster._h, ctypes.byref(policy) if policy is not None else None,
                        _date.to_days(on)))

    def expire(self, as_of: _date.DateLike) -> None:
        check(_expire(self._h, _date.to_days(as_of)))

    def terminate(self, on: _date.DateLike, reason: str) -> None:
        check(_terminate(self._h, _date.to_days(on), encode(reason, "reason")))

    # ---- reading

    @property
    def id(self) -> str:
        return decode(check_ptr(_id(self._h)))

    @property
    def state(self) -> AgreementState:
        return AgreementState(_state_of(self._h))

    @property
    def versions(self) -> List[Version]:
        """Snapshots of every version, the first (number 1) first."""
        return [Version._of(check_ptr(_version_at(self._h, n)))
                for n in range(1, _version_count(self._h) + 1)]

    @property
    def latest(self) -> Version:
        return Version._of(check_ptr(_latest(self._h)))

    def clause(self, id: str) -> Clause:
        """A clause of the latest version by id; NotFoundError when there is none."""
        v = check_ptr(_latest(self._h))
        return Clause._of(check_ptr(_v_clause(v, encode(id, "id"))))

    def in_force(self, on: _date.DateLike) -> Optional[Version]:
        """The version in force on a date, or None."""
        v = _in_force(self._h, _date.to_days(on))
        return Version._of(v) if v else None

    # ---- validation and rendering

    def validate(self, roster: Roster, as_of: _date.DateLike, *, policy: Optional[PolicyOptions] = None,
                 types: Optional[SchoolTypes] = None, ownership_threshold: Optional[float] = None,
                 lang: Lang = Lang.EN) -> List[Finding]:
        """What the school should look at: findings with a severity, a code,
        a location and a message in ``lang``."""
        opts = _CheckOptions()
        check(_check_options_init(ctypes.byref(opts), 1))
        if policy is not None:
            opts.policy = ctypes.pointer(policy)
        if types is not None:
            opts.types = ctypes.cast(types._h, ctypes.c_void_p)
        if ownership_threshold is not None:
            opts.ownership_threshold = ownership_threshold
        out = FindingsP()
        check(_validate(ctypes.byref(out), self._h, roster._h, ctypes.byref(opts), _date.to_days(as_of)))
        try:
            n = _findings_count(out)
            at_least = {s: int(_findings_count_at_least(out, int(s))) for s in list(Severity)[1:]}
            return Findings(at_least, [Finding(Severity(_finding_severity(out, i)), decode(check_ptr(_finding_code(out, i))),
                            decode(check_ptr(_finding_location(out, i))),
                            decode(check_ptr(_finding_message(out, i, int(lang))))) for i in range(n)])
        finally:
            _findings_free(out)

    def render(self, format: RenderFormat = RenderFormat.TEXT, lang: Lang = Lang.NL, *,
               roster: Optional[Roster] = None, policy: Optional[PolicyOptions] = None,
               version: int = 0) -> str:
        """The agreement as text, Markdown or a printable HTML page."""
        opts = _RenderOptions()
        check(_render_options_init(ctypes.byref(opts), 1))
        opts.format, opts.lang, opts.version_number = int(format), int(lang), version
        if roster is not None:
            opts.roster = ctypes.cast(roster._h, ctypes.c_void_p)
        if policy is not None:
            opts.policy = ctypes.pointer(policy)
        out = ctypes.c_void_p()
        check(_render(ctypes.byref(out), self._h, ctypes.byref(opts)))
        return take_string(out.value)

    def __repr__(self) -> str:
        if self.closed:
            return "Agreement(<closed>)"
        return f"Agreement({self.id!r}, {self.state.name.lower()}, {_version_count(self._h)} versions)"
