"""The school roster: students, guardians, relations, households, staff and
consent records, and the ``triad.school/1`` format (triad/roster.h).

    >>> with Roster() as r:
    ...     r.add_staff("t1", "Anna", "Smit", StaffRole.MENTOR)
    ...     r.add_student("s1", "Emma", "Jansen", "2010-03-15", "havo", 3, mentor_id="t1")
    ...     r.student("s1").mentor_id
    't1'

Records are views (:class:`Student`, :class:`Guardian`, ...) that read the
roster on each access and keep it alive; once the roster is closed they
raise ValueError.
"""
from __future__ import annotations

import ctypes
import datetime as _dt
import enum
import os
from typing import Any, Callable, Iterator, List, Optional, Sequence, TypeVar, Union

from . import date as _date
from ._ffi import alias, decode, encode, opaque, proto
from ._handle import Handle
from .contactkind import Channel
from .error import check, check_ptr
from .memory import take_string
from .schooltypes import SchoolTypes
from .strlist import StrListP, take_list

FORMAT = "triad.school/1"

alias("triad_relation_kind", ctypes.c_int)
alias("triad_info_rights", ctypes.c_int)
alias("triad_staff_role", ctypes.c_int)
alias("triad_channel", ctypes.c_int)
RosterP = opaque("triad_roster")
for _name in ("triad_student", "triad_guardian", "triad_household", "triad_staff",
              "triad_relation", "triad_consent"):
    opaque(_name)


class _StudentInfo(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint), ("id", ctypes.c_char_p),
                ("given_name", ctypes.c_char_p), ("family_name", ctypes.c_char_p),
                ("birth_date", ctypes.c_int32), ("school_type", ctypes.c_char_p),
                ("year", ctypes.c_int), ("class_name", ctypes.c_char_p),
                ("mentor_id", ctypes.c_char_p), ("bridge_class", ctypes.c_char_p)]


class _GuardianInfo(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint), ("id", ctypes.c_char_p),
                ("given_name", ctypes.c_char_p), ("family_name", ctypes.c_char_p),
                ("household_id", ctypes.c_char_p), ("language", ctypes.c_char_p),
                ("channel", ctypes.c_int)]


class _RelationInfo(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint), ("student_id", ctypes.c_char_p),
                ("guardian_id", ctypes.c_char_p), ("kind", ctypes.c_int),
                ("authority", ctypes.c_int), ("lives_with", ctypes.c_int),
                ("primary_contact", ctypes.c_int), ("contact_priority", ctypes.c_int),
                ("info_rights", ctypes.c_int), ("restriction_reason", ctypes.c_char_p),
                ("adult_informed", ctypes.c_int), ("adult_cosigns", ctypes.c_int)]


alias("triad_student_info", _StudentInfo)
alias("triad_guardian_info", _GuardianInfo)
alias("triad_relation_info", _RelationInfo)
STUDENT_INFO_VERSION = 1
GUARDIAN_INFO_VERSION = 1
RELATION_INFO_VERSION = 1

_relation_kind_id = proto("const char *triad_relation_kind_id(triad_relation_kind kind)")
_relation_kind_from_id = proto("int triad_relation_kind_from_id(triad_relation_kind *out, const char *id)")
_info_rights_id = proto("const char *triad_info_rights_id(triad_info_rights rights)")
_info_rights_from_id = proto("int triad_info_rights_from_id(triad_info_rights *out, const char *id)")
_staff_role_id = proto("const char *triad_staff_role_id(triad_staff_role role)")
_staff_role_from_id = proto("int triad_staff_role_from_id(triad_staff_role *out, const char *id)")

_new = proto("int triad_roster_new(triad_roster **out, const triad_schooltypes *types)")
_free = proto("void triad_roster_free(triad_roster *roster)")
_load = proto("int triad_roster_load(triad_roster **out, const char *text, size_t len, const char *source, const triad_schooltypes *types)")
_load_file = proto("int triad_roster_load_file(triad_roster **out, const char *filename, const triad_schooltypes *types)")
_save = proto("int triad_roster_save(char **out, const triad_roster *roster)")
_save_file = proto("int triad_roster_save_file(const triad_roster *roster, const char *filename)")
_equal = proto("int triad_roster_equal(const triad_roster *a, const triad_roster *b)")
_school_name = proto("const char *triad_roster_school_name(const triad_roster *roster)")
_set_school_name = proto("int triad_roster_set_school_name(triad_roster *roster, const char *name)")
_student_info_init = proto("int triad_student_info_init(triad_student_info *info, unsigned version)")
_guardian_info_init = proto("int triad_guardian_info_init(triad_guardian_info *info, unsigned version)")
_relation_info_init = proto("int triad_relation_info_init(triad_relation_info *info, unsigned version)")
_add_household = proto("int triad_roster_add_household(triad_roster *roster, const char *id, const char *name, const char *address)")
_add_staff = proto("int triad_roster_add_staff(triad_roster *roster, const char *id, const char *given_name, const char *family_name, unsigned roles)")
_add_student = proto("int triad_roster_add_student(triad_roster *roster, const triad_student_info *info)")
_add_guardian = proto("int triad_roster_add_guardian(triad_roster *roster, const triad_guardian_info *info)")
_add_relation = proto("int triad_roster_add_relation(triad_roster *roster, const triad_relation_info *info)")
_set_adult_choice = proto("int triad_roster_set_adult_choice(triad_roster *roster, const char *student_id, const char *guardian_id, int informed, int cosigns)")
_add_consent = proto("int triad_roster_add_consent(triad_roster *roster, const char *student_id, const char *purpose, const char *by_id, int given, triad_date on)")

_student_count = proto("size_t triad_roster_student_count(const triad_roster *roster)")
_student_at = proto("const triad_student *triad_roster_student_at(const triad_roster *roster, size_t index)")
_student = proto("const triad_student *triad_roster_student(const triad_roster *roster, const char *id)")
_guardian_count = proto("size_t triad_roster_guardian_count(const triad_roster *roster)")
_guardian_at = proto("const triad_guardian *triad_roster_guardian_at(const triad_roster *roster, size_t index)")
_guardian = proto("const triad_guardian *triad_roster_guardian(const triad_roster *roster, const char *id)")
_household_count = proto("size_t triad_roster_household_count(const triad_roster *roster)")
_household_at = proto("const triad_household *triad_roster_household_at(const triad_roster *roster, size_t index)")
_household = proto("const triad_household *triad_roster_household(const triad_roster *roster, const char *id)")
_staff_count = proto("size_t triad_roster_staff_count(const triad_roster *roster)")
_staff_at = proto("const triad_staff *triad_roster_staff_at(const triad_roster *roster, size_t index)")
_staff = proto("const triad_staff *triad_roster_staff(const triad_roster *roster, const char *id)")
_relation_count = proto("size_t triad_roster_relation_count(const triad_roster *roster)")
_relation_at = proto("const triad_relation *triad_roster_relation_at(const triad_roster *roster, size_t index)")
_relation = proto("const triad_relation *triad_roster_relation(const triad_roster *roster, const char *student_id, const char *guardian_id)")
_consent_count = proto("size_t triad_roster_consent_count(const triad_roster *roster)")
_consent_at = proto("const triad_consent *triad_roster_consent_at(const triad_roster *roster, size_t index)")

_nav = {name: proto(f"int triad_roster_{name}(triad_strlist **out, const triad_roster *roster, const char *id)")
        for name in ("student_guardians", "student_households", "guardian_students",
                     "household_guardians", "household_students", "mentor_students",
                     "class_students")}

_s = {}
for _f in ("id", "given_name", "family_name", "school_type", "bridge_class", "class_name", "mentor_id"):
    _s[_f] = proto(f"const char *triad_student_{_f}(const triad_student *s)")
_student_birth_date = proto("triad_date triad_student_birth_date(const triad_student *s)")
_student_year = proto("int triad_student_year(const triad_student *s)")
_student_age = proto("int triad_student_age(int *out, const triad_student *s, triad_date on)")
_g = {f: proto(f"const char *triad_guardian_{f}(const triad_guardian *g)")
      for f in ("id", "given_name", "family_name", "household_id", "language")}
_guardian_channel = proto("triad_channel triad_guardian_channel(const triad_guardian *g)")
_hh = {f: proto(f"const char *triad_household_{f}(const triad_household *h)")
      for f in ("id", "name", "address")}
_m = {f: proto(f"const char *triad_staff_{f}(const triad_staff *m)")
      for f in ("id", "given_name", "family_name")}
_staff_roles = proto("unsigned triad_staff_roles(const triad_staff *m)")
_r_str = {f: proto(f"const char *triad_relation_{f}(const triad_relation *r)")
          for f in ("student_id", "guardian_id", "restriction_reason")}
_r_int = {f: proto(f"int triad_relation_{f}(const triad_relation *r)")
          for f in ("authority", "lives_with", "primary_contact", "contact_priority",
                    "adult_informed", "adult_cosigns")}
_relation_kind_of = proto("triad_relation_kind triad_relation_kind_of(const triad_relation *r)")
_relation_info_rights = proto("triad_info_rights triad_relation_info_rights(const triad_relation *r)")
_c_str = {f: proto(f"const char *triad_consent_{f}(const triad_consent *c)")
          for f in ("student_id", "purpose", "by_id")}
_consent_given = proto("int triad_consent_given(const triad_consent *c)")
_consent_date = proto("triad_date triad_consent_date(const triad_consent *c)")


def _lookup(call: Callable[..., int], text: str) -> int:
    out = ctypes.c_int()
    check(call(ctypes.byref(out), encode(text, "id")))
    return out.value


def _opt(text: Optional[str], what: str) -> Optional[bytes]:
    return None if text is None else encode(text, what)


def _str(raw: Optional[bytes]) -> Optional[str]:
    return None if raw is None else decode(raw)


class RelationKind(enum.IntEnum):
    """triad_relation_kind: how a guardian is related to a student (Ed-Fi relation)."""

    NONE = 0
    MOTHER = 1
    FATHER = 2
    STEP_PARENT = 3
    FOSTER_PARENT = 4
    GUARDIAN = 5      #: a court-appointed guardian (voogd)
    OTHER_CARER = 6

    @property
    def id(self) -> str:
        """The stable string id, e.g. "step_parent"."""
        return decode(check_ptr(_relation_kind_id(self)))

    @classmethod
    def from_id(cls, text: str) -> "RelationKind":
        return cls(_lookup(_relation_kind_from_id, text))


class InfoRights(enum.IntEnum):
    """triad_info_rights: a guardian's right to information about a student."""

    DEFAULT = 0      #: on input: derived from authority
    FULL = 1
    ON_REQUEST = 2   #: Dutch Civil Code art. 1:377c
    RESTRICTED = 3   #: with a recorded reason

    @property
    def id(self) -> str:
        return decode(check_ptr(_info_rights_id(self)))

    @classmethod
    def from_id(cls, text: str) -> "InfoRights":
        return cls(_lookup(_info_rights_from_id, text))


class StaffRole(enum.IntFlag):
    """triad_staff_role: role bits of a staff member (combine with |)."""

    MENTOR = 1
    TEACHER = 2
    COORDINATOR = 4
    SCHOOL_LEADER = 8

    @property
    def id(self) -> str:
        """The stable id of a single role bit, e.g. "school_leader"."""
        return decode(check_ptr(_staff_role_id(int(self))))

    @classmethod
    def from_id(cls, text: str) -> "StaffRole":
        return cls(_lookup(_staff_role_from_id, text))


#: All staff role bits together.
ALL_ROLES = StaffRole(15)

R = TypeVar("R", bound="_Record")


class _Record:
    """A borrowed record of a roster: valid while the roster is open, which
    it keeps alive."""

    __slots__ = ("_roster", "_p")
    _kind = "record"

    def __init__(self, roster: "Roster", ptr: Any) -> None:
        self._roster = roster
        self._p = ptr

    @property
    def _c(self) -> Any:
        self._roster._h  # raises ValueError once the roster is closed
        return self._p

    def __eq__(self, other: object) -> bool:
        return (type(other) is type(self) and other._roster is self._roster  # type: ignore[attr-defined]
                and ctypes.addressof(other._p.contents) == ctypes.addressof(self._p.contents))  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((id(self._roster), ctypes.addressof(self._p.contents)))


class Student(_Record):
    """A student (leerling) in a roster."""

    __slots__ = ()

    id = property(lambda self: decode(_s["id"](self._c)), doc="The student's id.")
    given_name = property(lambda self: decode(_s["given_name"](self._c)))
    family_name = property(lambda self: decode(_s["family_name"](self._c)))
    school_type = property(lambda self: decode(_s["school_type"](self._c)),
                           doc="The school type id (the type a combined class leads into).")
    bridge_class = property(lambda self: _str(_s["bridge_class"](self._c)),
                            doc='The combined class such as "havo/vwo", or None.')
    class_name = property(lambda self: _str(_s["class_name"](self._c)), doc="The class label, or None.")
    mentor_id = property(lambda self: _str(_s["mentor_id"](self._c)), doc="The mentor's staff id, or None.")
    year = property(lambda self: int(_student_year(self._c)), doc="The school year (leerjaar), from 1.")

    @property
    def birth_date(self) -> _dt.date:
        return _date.from_days(_student_birth_date(self._c))

    def age(self, on: _date.DateLike) -> int:
        """Age in whole years on a date; InvalidArgumentError before the birth date."""
        out = ctypes.c_int()
        check(_student_age(ctypes.byref(out), self._c, _date.to_days(on)))
        return out.value

    def __repr__(self) -> str:
        return f"Student({self.id!r}, {self.given_name} {self.family_name}, {self.school_type} {self.year})"


class Guardian(_Record):
    """A parent or other guardian in a roster."""

    __slots__ = ()

    id = property(lambda self: decode(_g["id"](self._c)))
    given_name = property(lambda self: decode(_g["given_name"](self._c)))
    family_name = property(lambda self: decode(_g["family_name"](self._c)))
    household_id = property(lambda self: _str(_g["household_id"](self._c)), doc="The household id, or None.")
    language = property(lambda self: decode(_g["language"](self._c)), doc='Preferred language (BCP-47, "nl" unless set).')
    channel = property(lambda self: Channel(_guardian_channel(self._c)), doc="Preferred channel; Channel.NONE when none.")

    def __repr__(self) -> str:
        return f"Guardian({self.id!r}, {self.given_name} {self.family_name})"


class Household(_Record):
    """A household (gezin): the unit that is invited and scheduled."""

    __slots__ = ()

    id = property(lambda self: decode(_hh["id"](self._c)))
    name = property(lambda self: decode(_hh["name"](self._c)))
    address = property(lambda self: _str(_hh["address"](self._c)), doc="The address label, or None.")

    def __repr__(self) -> str:
        return f"Household({self.id!r}, {self.name!r})"


class Staff(_Record):
    """A staff member: mentor, teacher, coordinator, school leader."""

    __slots__ = ()

    id = property(lambda self: decode(_m["id"](self._c)))
    given_name = property(lambda self: decode(_m["given_name"](self._c)))
    family_name = property(lambda self: decode(_m["family_name"](self._c)))
    roles = property(lambda self: StaffRole(_staff_roles(self._c)))

    def __repr__(self) -> str:
        return f"Staff({self.id!r}, {self.given_name} {self.family_name}, {self.roles!r})"


class Relation(_Record):
    """How one guardian relates to one student (Ed-Fi StudentContactAssociation)."""

    __slots__ = ()

    student_id = property(lambda self: decode(_r_str["student_id"](self._c)))
    guardian_id = property(lambda self: decode(_r_str["guardian_id"](self._c)))
    kind = property(lambda self: RelationKind(_relation_kind_of(self._c)))
    authority = property(lambda self: bool(_r_int["authority"](self._c)), doc="Holds parental authority (gezag).")
    lives_with = property(lambda self: bool(_r_int["lives_with"](self._c)))
    primary_contact = property(lambda self: bool(_r_int["primary_contact"](self._c)))
    contact_priority = property(lambda self: int(_r_int["contact_priority"](self._c)), doc="1 first; 0 for none.")
    info_rights = property(lambda self: InfoRights(_relation_info_rights(self._c)))
    restriction_reason = property(lambda self: _str(_r_str["restriction_reason"](self._c)))
    adult_informed = property(lambda self: bool(_r_int["adult_informed"](self._c)))
    adult_cosigns = property(lambda self: bool(_r_int["adult_cosigns"](self._c)))

    def __repr__(self) -> str:
        return f"Relation({self.student_id!r}, {self.guardian_id!r}, {self.kind.name})"


class Consent(_Record):
    """A record that consent was given or withdrawn."""

    __slots__ = ()

    student_id = property(lambda self: decode(_c_str["student_id"](self._c)))
    purpose = property(lambda self: decode(_c_str["purpose"](self._c)))
    by_id = property(lambda self: decode(_c_str["by_id"](self._c)))
    given = property(lambda self: bool(_consent_given(self._c)))

    @property
    def date(self) -> _dt.date:
        return _date.from_days(_consent_date(self._c))

    def __repr__(self) -> str:
        verb = "given" if self.given else "withdrawn"
        return f"Consent({self.student_id!r}, {self.purpose!r}, {verb} by {self.by_id!r} on {self.date})"


class Records(Sequence[R]):
    """A live, read-only sequence of one kind of record of a roster."""

    def __init__(self, roster: "Roster", count: Any, at: Any, cls: type) -> None:
        self._roster, self._count, self._at, self._cls = roster, count, at, cls

    def __len__(self) -> int:
        return int(self._count(self._roster._h))

    def __getitem__(self, index):  # type: ignore[no-untyped-def, override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError(f"{self._cls.__name__.lower()} index out of range")
        return self._cls(self._roster, check_ptr(self._at(self._roster._h, index)))

    def __iter__(self) -> Iterator[R]:
        for i in range(len(self)):
            yield self[i]


class Roster(Handle):
    """A school roster. Create it empty, or load ``triad.school/1`` JSON.

    ``types`` are the school types students may have (the built-ins when
    None); the roster borrows them, so closing them closes the roster first.
    """

    __slots__ = ()
    _kind = "roster"

    def __init__(self, types: Optional[SchoolTypes] = None, *, _ptr: Any = None) -> None:
        if _ptr is None:
            _ptr = RosterP()
            check(_new(ctypes.byref(_ptr), types._h if types is not None else None))
        super().__init__(_ptr, _free)
        self._pin(types)

    @classmethod
    def load(cls, text: Union[str, bytes], source: Optional[str] = None,
             types: Optional[SchoolTypes] = None) -> "Roster":
        """Load ``triad.school/1`` JSON text. ParseError carries line and
        column, FormatError the JSON path of the bad content."""
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        out = RosterP()
        check(_load(ctypes.byref(out), data, len(data), _opt(source, "source"),
                    types._h if types is not None else None))
        return cls(types, _ptr=out)

    @classmethod
    def load_file(cls, path: Union[str, "os.PathLike[str]"],
                  types: Optional[SchoolTypes] = None) -> "Roster":
        """Load a ``triad.school/1`` file; TriadIOError when it cannot be read."""
        out = RosterP()
        check(_load_file(ctypes.byref(out), encode(os.fspath(path), "path"),
                         types._h if types is not None else None))
        return cls(types, _ptr=out)

    def save(self) -> str:
        """The roster as ``triad.school/1`` JSON text."""
        out = ctypes.c_void_p()
        check(_save(ctypes.byref(out), self._h))
        return take_string(out.value)

    def save_file(self, path: Union[str, "os.PathLike[str]"]) -> None:
        """Write the roster to a file, atomically."""
        check(_save_file(self._h, encode(os.fspath(path), "path")))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Roster):
            return NotImplemented
        return bool(_equal(self._h, other._h))

    __hash__ = None  # type: ignore[assignment]

    @property
    def school_name(self) -> Optional[str]:
        """The school's name, or None."""
        return _str(_school_name(self._h))

    @school_name.setter
    def school_name(self, name: Optional[str]) -> None:
        check(_set_school_name(self._h, _opt(name, "school_name")))

    # ---- building ----------------------------------------------------------

    def add_household(self, id: str, name: str, address: Optional[str] = None) -> Household:
        check(_add_household(self._h, encode(id, "id"), encode(name, "name"),
                             _opt(address, "address")))
        return self.household(id)

    def add_staff(self, id: str, given_name: str, family_name: str,
                  roles: Union[StaffRole, int]) -> Staff:
        check(_add_staff(self._h, encode(id, "id"), encode(given_name, "given_name"),
                         encode(family_name, "family_name"), int(roles)))
        return self.staff(id)

    def add_student(self, id: str, given_name: str, family_name: str,
                    birth_date: _date.DateLike, school_type: str, year: int, *,
                    class_name: Optional[str] = None, mentor_id: Optional[str] = None,
                    bridge_class: Optional[str] = None) -> Student:
        info = _StudentInfo()
        check(_student_info_init(ctypes.byref(info), STUDENT_INFO_VERSION))
        info.id = encode(id, "id")
        info.given_name = encode(given_name, "given_name")
        info.family_name = encode(family_name, "family_name")
        info.birth_date = _date.to_days(birth_date)
        info.school_type = encode(school_type, "school_type")
        info.year = year
        info.class_name = _opt(class_name, "class_name")
        info.mentor_id = _opt(mentor_id, "mentor_id")
        info.bridge_class = _opt(bridge_class, "bridge_class")
        check(_add_student(self._h, ctypes.byref(info)))
        return self.student(id)

    def add_guardian(self, id: str, given_name: str, family_name: str, *,
                     household_id: Optional[str] = None, language: Optional[str] = None,
                     channel: Channel = Channel.NONE) -> Guardian:
        info = _GuardianInfo()
        check(_guardian_info_init(ctypes.byref(info), GUARDIAN_INFO_VERSION))
        info.id = encode(id, "id")
        info.given_name = encode(given_name, "given_name")
        info.family_name = encode(family_name, "family_name")
        info.household_id = _opt(household_id, "household_id")
        info.language = _opt(language, "language")
        info.channel = int(channel)
        check(_add_guardian(self._h, ctypes.byref(info)))
        return self.guardian(id)

    def add_relation(self, student_id: str, guardian_id: str, kind: RelationKind, *,
                     authority: bool = False, lives_with: bool = False,
                     primary_contact: bool = False, contact_priority: int = 0,
                     info_rights: InfoRights = InfoRights.DEFAULT,
                     restriction_reason: Optional[str] = None,
                     adult_informed: bool = False, adult_cosigns: bool = False) -> Relation:
        info = _RelationInfo()
        check(_relation_info_init(ctypes.byref(info), RELATION_INFO_VERSION))
        info.student_id = encode(student_id, "student_id")
        info.guardian_id = encode(guardian_id, "guardian_id")
        info.kind = int(kind)
        info.authority = int(bool(authority))
        info.lives_with = int(bool(lives_with))
        info.primary_contact = int(bool(primary_contact))
        info.contact_priority = contact_priority
        info.info_rights = int(info_rights)
        info.restriction_reason = _opt(restriction_reason, "restriction_reason")
        info.adult_informed = int(bool(adult_informed))
        info.adult_cosigns = int(bool(adult_cosigns))
        check(_add_relation(self._h, ctypes.byref(info)))
        return self.relation(student_id, guardian_id)

    def set_adult_choice(self, student_id: str, guardian_id: str, *, informed: bool,
                         cosigns: bool) -> None:
        """Record what an adult student chose about one guardian."""
        check(_set_adult_choice(self._h, encode(student_id, "student_id"),
                                encode(guardian_id, "guardian_id"), int(bool(informed)),
                                int(bool(cosigns))))

    def add_consent(self, student_id: str, purpose: str, by_id: str, given: bool,
                    on: _date.DateLike) -> None:
        """Record that consent for a purpose was given (or withdrawn) on a date."""
        check(_add_consent(self._h, encode(student_id, "student_id"), encode(purpose, "purpose"),
                           encode(by_id, "by_id"), int(bool(given)), _date.to_days(on)))

    # ---- records -------------------------------------------------------------

    @property
    def students(self) -> Records[Student]:
        return Records(self, _student_count, _student_at, Student)

    @property
    def guardians(self) -> Records[Guardian]:
        return Records(self, _guardian_count, _guardian_at, Guardian)

    @property
    def households(self) -> Records[Household]:
        return Records(self, _household_count, _household_at, Household)

    @property
    def staff_members(self) -> Records[Staff]:
        return Records(self, _staff_count, _staff_at, Staff)

    @property
    def relations(self) -> Records[Relation]:
        return Records(self, _relation_count, _relation_at, Relation)

    @property
    def consents(self) -> Records[Consent]:
        return Records(self, _consent_count, _consent_at, Consent)

    def student(self, id: str) -> Student:
        """The student with an id; NotFoundError when there is none."""
        return Student(self, check_ptr(_student(self._h, encode(id, "id"))))

    def guardian(self, id: str) -> Guardian:
        return Guardian(self, check_ptr(_guardian(self._h, encode(id, "id"))))

    def household(self, id: str) -> Household:
        return Household(self, check_ptr(_household(self._h, encode(id, "id"))))

    def staff(self, id: str) -> Staff:
        return Staff(self, check_ptr(_staff(self._h, encode(id, "id"))))

    def relation(self, student_id: str, guardian_id: str) -> Relation:
        """The relation between a student and a guardian; NotFoundError when unrelated."""
        return Relation(self, check_ptr(_relation(self._h, encode(student_id, "student_id"),
                                                  encode(guardian_id, "guardian_id"))))

    # ---- navigating ------------------------------------------------------------

    def _ids(self, name: str, key: str) -> List[str]:
        out = StrListP()
        check(_nav[name](ctypes.byref(out), self._h, encode(key, "id")))
        return take_list(out)

    def student_guardians(self, student_id: str) -> List[str]:
        """Guardian ids of a student, by contact priority (1 first, 0 last)."""
        return self._ids("student_guardians", student_id)

    def student_households(self, student_id: str) -> List[str]:
        """Household ids of a student (those of its guardians, each once)."""
        return self._ids("student_households", student_id)

    def guardian_students(self, guardian_id: str) -> List[str]:
        return self._ids("guardian_students", guardian_id)

    def household_guardians(self, household_id: str) -> List[str]:
        return self._ids("household_guardians", household_id)

    def household_students(self, household_id: str) -> List[str]:
        return self._ids("household_students", household_id)

    def mentor_students(self, staff_id: str) -> List[str]:
        return self._ids("mentor_students", staff_id)

    def class_students(self, class_name: str) -> List[str]:
        """Student ids of a class (empty when no student has that class)."""
        return self._ids("class_students", class_name)

    def __repr__(self) -> str:
        if self.closed:
            return "Roster(<closed>)"
        return (f"Roster({self.school_name!r}: {len(self.students)} students, "
                f"{len(self.guardians)} guardians, {len(self.households)} households)")
