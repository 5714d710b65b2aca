"""The contact log: what happened between home and school (date, kind,
channel, initiator, tone, reached or not, who took part), as a JSON document
or JSON Lines streamed entry by entry, with privacy tools: one household's
entries, keyed pseudonyms, erasure and retention (triad/contactlog.h)."""
from __future__ import annotations

import ctypes
import dataclasses
import datetime as _dt
import enum
import os
from typing import Any, Iterator, List, Optional, Sequence, Tuple, Union

from . import date as _date
from ._ffi import alias, decode, encode, opaque, proto
from ._handle import Handle
from .contactkind import Channel, ContactKind
from .error import check, check_ptr
from .memory import take_string
from .strlist import StrListP, take_list

FORMAT = "triad.contact-log/1"
CONTACT_VERSION = 1
PSEUDONYM_KEY_MIN = 16
PSEUDONYM_KEY_MAX = 64

LogP = opaque("triad_contactlog")
ReaderP = opaque("triad_contact_reader")
WriterP = opaque("triad_contact_writer")
alias("triad_initiator", ctypes.c_int)
alias("triad_tone", ctypes.c_int)


class _CContact(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint), ("id", ctypes.c_char_p), ("date", ctypes.c_int32),
                ("minute", ctypes.c_int32), ("kind", ctypes.c_int), ("channel", ctypes.c_int),
                ("initiator", ctypes.c_int), ("tone", ctypes.c_int), ("reached", ctypes.c_int),
                ("household", ctypes.c_char_p), ("staff", ctypes.c_char_p),
                ("answers", ctypes.c_char_p), ("student_present", ctypes.c_int),
                ("guardians", ctypes.POINTER(ctypes.c_char_p)), ("guardian_count", ctypes.c_size_t),
                ("students", ctypes.POINTER(ctypes.c_char_p)), ("student_count", ctypes.c_size_t)]


alias("triad_contact", _CContact)

_initiator_id = proto("const char *triad_initiator_id(triad_initiator initiator)")
_initiator_from_id = proto("int triad_initiator_from_id(triad_initiator *out, const char *id)")
_tone_id = proto("const char *triad_tone_id(triad_tone tone)")
_tone_from_id = proto("int triad_tone_from_id(triad_tone *out, const char *id)")
_contact_init = proto("int triad_contact_init(triad_contact *c, unsigned version)")
_contact_validate = proto("int triad_contact_validate(const triad_contact *c)")
_new = proto("int triad_contactlog_new(triad_contactlog **out)")
_free = proto("void triad_contactlog_free(triad_contactlog *log)")
_count = proto("size_t triad_contactlog_count(const triad_contactlog *log)")
_memory = proto("size_t triad_contactlog_memory(const triad_contactlog *log)")
_add = proto("int triad_contactlog_add(triad_contactlog *log, const triad_contact *entry)")
_correct = proto("int triad_contactlog_correct(triad_contactlog *log, const triad_contact *entry)")
_remove = proto("int triad_contactlog_remove(triad_contactlog *log, const char *id)")
_find = proto("int triad_contactlog_find(size_t *out, const triad_contactlog *log, const char *id)")
_get = proto("int triad_contactlog_get(triad_contact *out, const triad_contactlog *log, size_t index)")
_guardian = proto("const char *triad_contactlog_guardian(const triad_contactlog *log, size_t index, size_t k)")
_student = proto("const char *triad_contactlog_student(const triad_contactlog *log, size_t index, size_t k)")
_load_string = proto("int triad_contactlog_load_string(triad_contactlog **out, const char *text, size_t len, const char *source)")
_load = proto("int triad_contactlog_load(triad_contactlog **out, const char *filename)")
_to_json = proto("int triad_contactlog_to_json(char **out, const triad_contactlog *log)")
_save = proto("int triad_contactlog_save(const triad_contactlog *log, const char *filename)")
_load_jsonl = proto("int triad_contactlog_load_jsonl(triad_contactlog **out, const char *filename)")
_save_jsonl = proto("int triad_contactlog_save_jsonl(const triad_contactlog *log, const char *filename)")
_reader_open = proto("int triad_contact_reader_open(triad_contact_reader **out, const char *filename)")
_reader_next = proto("int triad_contact_reader_next(int *got, triad_contact *out, triad_contact_reader *r)")
_reader_line = proto("size_t triad_contact_reader_line(const triad_contact_reader *r)")
_reader_free = proto("void triad_contact_reader_free(triad_contact_reader *r)")
_writer_open = proto("int triad_contact_writer_open(triad_contact_writer **out, const char *filename)")
_writer_write = proto("int triad_contact_writer_write(triad_contact_writer *w, const triad_contact *entry)")
_writer_close = proto("int triad_contact_writer_close(triad_contact_writer *w)")
_writer_free = proto("void triad_contact_writer_free(triad_contact_writer *w)")
_for_household = proto("int triad_contactlog_for_household(triad_contactlog **out, const triad_contactlog *log, const char *household)")
_pseudonym = proto("int triad_pseudonym(char **out, const char *id, const unsigned char *key, size_t keylen)")
_pseudonymize = proto("int triad_contactlog_pseudonymize(triad_contactlog **out, const triad_contactlog *log, const unsigned char *key, size_t keylen)")
_erase = proto("int triad_contactlog_erase(triad_strlist **out_removed, size_t *out_changed, triad_contactlog *log, const char *id)")
_retain = proto("int triad_contactlog_retain(size_t *out_removed, triad_contactlog *log, triad_date as_of, int school_years)")


class Initiator(enum.IntEnum):
    """triad_initiator: who started the contact."""
    NONE = 0
    SCHOOL = 1
    PARENT = 2
    STUDENT = 3

    @property
    def id(self) -> str:
        return decode(check_ptr(_initiator_id(self)))

    @classmethod
    def from_id(cls, text: str) -> "Initiator":
        out = ctypes.c_int()
        check(_initiator_from_id(ctypes.byref(out), encode(text, "id")))
        return cls(out.value)


class Tone(enum.IntEnum):
    """triad_tone: positive, neutral, or about a concern."""
    NONE = 0
    POSITIVE = 1
    NEUTRAL = 2
    CONCERN = 3

    @property
    def id(self) -> str:
        return decode(check_ptr(_tone_id(self)))

    @classmethod
    def from_id(cls, text: str) -> "Tone":
        out = ctypes.c_int()
        check(_tone_from_id(ctypes.byref(out), encode(text, "id")))
        return cls(out.value)


def _opt(v: Optional[bytes]) -> Optional[str]:
    return None if v is None else decode(v)


@dataclasses.dataclass(frozen=True)
class Contact:
    """One entry of a contact log (triad_contact). ``minute`` is the local
    time in minutes after midnight."""

    id: str
    date: _dt.date
    kind: ContactKind
    channel: Channel
    initiator: Initiator
    tone: Tone
    household: str
    reached: bool = True
    minute: int = 0
    staff: Optional[str] = None
    answers: Optional[str] = None
    student_present: bool = False
    guardians: Tuple[str, ...] = ()
    students: Tuple[str, ...] = ()

    def _c(self) -> Tuple[_CContact, Any]:
        c = _CContact()
        check(_contact_init(ctypes.byref(c), CONTACT_VERSION))
        g = (ctypes.c_char_p * max(len(self.guardians), 1))(*(encode(x, "guardians") for x in self.guardians))
        s = (ctypes.c_char_p * max(len(self.students), 1))(*(encode(x, "students") for x in self.students))
        keep = (encode(self.id, "id"), encode(self.household, "household"),
                None if self.staff is None else encode(self.staff, "staff"),
                None if self.answers is None else encode(self.answers, "answers"), g, s)
        c.id, c.household, c.staff, c.answers, c.guardians, c.students = keep
        c.date, c.minute = _date.to_days(self.date), self.minute
        c.kind, c.channel, c.initiator, c.tone = (int(self.kind), int(self.channel),
                                                  int(self.initiator), int(self.tone))
        c.reached, c.student_present = int(bool(self.reached)), int(bool(self.student_present))
        c.guardian_count, c.student_count = len(self.guardians), len(self.students)
        return c, keep

    def validate(self) -> None:
        """Check the entry on its own, as ContactLog.add() does;
        InvalidArgumentError names the wrong field."""
        c, _keep = self._c()
        check(_contact_validate(ctypes.byref(c)))

    @classmethod
    def _from_c(cls, c: _CContact, guardians: Sequence[str], students: Sequence[str]) -> "Contact":
        return cls(id=decode(c.id), date=_date.from_days(c.date), kind=ContactKind(c.kind),
                   channel=Channel(c.channel), initiator=Initiator(c.initiator), tone=Tone(c.tone),
                   household=decode(c.household), reached=bool(c.reached), minute=c.minute,
                   staff=_opt(c.staff), answers=_opt(c.answers),
                   student_present=bool(c.student_present),
                   guardians=tuple(guardians), students=tuple(students))


def _path(p: Union[str, "os.PathLike[str]"]) -> bytes:
    return encode(os.fspath(p), "path")


def pseudonym(id: str, key: bytes) -> str:
    """A keyed pseudonym for one id ("p" and 24 hex digits); the key is
    16..64 bytes of secret."""
    out = ctypes.c_void_p()
    check(_pseudonym(ctypes.byref(out), encode(id, "id"), bytes(key), len(key)))
    return take_string(out.value)


class ContactLog(Handle):
    """A log of contacts between home and school; a sequence of :class:`Contact`."""

    __slots__ = ()
    _kind = "contact log"

    def __init__(self, *, _ptr: Any = None) -> None:
        if _ptr is None:
            _ptr = LogP()
            check(_new(ctypes.byref(_ptr)))
        super().__init__(_ptr, _free)

    @classmethod
    def load(cls, text: Union[str, bytes], source: Optional[str] = None) -> "ContactLog":
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        out = LogP()
        check(_load_string(ctypes.byref(out), data, len(data),
                           None if source is None else encode(source, "source")))
        return cls(_ptr=out)

    @classmethod
    def load_file(cls, path: Union[str, "os.PathLike[str]"]) -> "ContactLog":
        out = LogP()
        check(_load(ctypes.byref(out), _path(path)))
        return cls(_ptr=out)

    @classmethod
    def load_jsonl(cls, path: Union[str, "os.PathLike[str]"]) -> "ContactLog":
        """Load JSON Lines; errors carry the line number."""
        out = LogP()
        check(_load_jsonl(ctypes.byref(out), _path(path)))
        return cls(_ptr=out)

    def to_json(self) -> str:
        out = ctypes.c_void_p()
        check(_to_json(ctypes.byref(out), self._h))
        return take_string(out.value)

    def save(self, path: Union[str, "os.PathLike[str]"]) -> None:
        check(_save(self._h, _path(path)))

    def save_jsonl(self, path: Union[str, "os.PathLike[str]"]) -> None:
        check(_save_jsonl(self._h, _path(path)))

    def __len__(self) -> int:
        return int(_count(self._h))

    @property
    def memory(self) -> int:
        """Bytes of memory the log holds."""
        return int(_memory(self._h))

    def add(self, contact: Contact) -> None:
        c, _keep = contact._c()
        check(_add(self._h, ctypes.byref(c)))

    def correct(self, contact: Contact) -> None:
        """Replace the entry with the same id."""
        c, _keep = contact._c()
        check(_correct(self._h, ctypes.byref(c)))

    def remove(self, id: str) -> None:
        check(_remove(self._h, encode(id, "id")))

    def find(self, id: str) -> int:
        """The index of an entry; NotFoundError when there is none."""
        out = ctypes.c_size_t()
        check(_find(ctypes.byref(out), self._h, encode(id, "id")))
        return out.value

    def __getitem__(self, i: int) -> Contact:
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("contact log index out of range")
        c = _CContact()
        check(_contact_init(ctypes.byref(c), CONTACT_VERSION))
        check(_get(ctypes.byref(c), self._h, i))
        g = [decode(check_ptr(_guardian(self._h, i, k))) for k in range(c.guardian_count)]
        s = [decode(check_ptr(_student(self._h, i, k))) for k in range(c.student_count)]
        return Contact._from_c(c, g, s)

    def __iter__(self) -> Iterator[Contact]:
        for i in range(len(self)):
            yield self[i]

    def get(self, id: str) -> Contact:
        return self[self.find(id)]

    def for_household(self, household: str) -> "ContactLog":
        """A new log with one household's entries (e.g. for a parent's request)."""
        out = LogP()
        check(_for_household(ctypes.byref(out), self._h, encode(household, "household")))
        return ContactLog(_ptr=out)

    def pseudonymize(self, key: bytes) -> "ContactLog":
        """A copy in which every id is replaced by its keyed pseudonym."""
        out = LogP()
        check(_pseudonymize(ctypes.byref(out), self._h, bytes(key), len(key)))
        return ContactLog(_ptr=out)

    def erase(self, id: str) -> Tuple[List[str], int]:
        """Erase a person or household: (ids of removed entries, number of
        remaining entries changed)."""
        removed, changed = StrListP(), ctypes.c_size_t()
        check(_erase(ctypes.byref(removed), ctypes.byref(changed), self._h, encode(id, "id")))
        return take_list(removed), changed.value

    def retain(self, as_of: _date.DateLike, school_years: int) -> int:
        """Drop entries older than a number of school years; returns how many."""
        out = ctypes.c_size_t()
        check(_retain(ctypes.byref(out), self._h, _date.to_days(as_of), school_years))
        return out.value


class ContactReader(Handle):
    """Streams a JSON Lines contact log entry by entry::

        with ContactReader("log.jsonl") as r:
            for contact in r: ...
    """

    __slots__ = ()
    _kind = "contact reader"

    def __init__(self, path: Union[str, "os.PathLike[str]"]) -> None:
        out = ReaderP()
        check(_reader_open(ctypes.byref(out), _path(path)))
        super().__init__(out, _reader_free)

    @property
    def line(self) -> int:
        """Line number of the entry last read (the format line is 1)."""
        return int(_reader_line(self._h))

    def __iter__(self) -> "ContactReader":
        return self

    def __next__(self) -> Contact:
        got = ctypes.c_int()
        c = _CContact()
        check(_contact_init(ctypes.byref(c), CONTACT_VERSION))
        check(_reader_next(ctypes.byref(got), ctypes.byref(c), self._h))
        if not got.value:
            raise StopIteration
        g = [decode(c.guardians[k]) for k in range(c.guardian_count)]
        s = [decode(c.students[k]) for k in range(c.student_count)]
        return Contact._from_c(c, g, s)


class ContactWriter(Handle):
    """Writes a JSON Lines contact log entry by entry; the file appears only
    on commit(). As a context manager it commits on success and abandons
    the file when the block raises."""

    __slots__ = ()
    _kind = "contact writer"

    def __init__(self, path: Union[str, "os.PathLike[str]"]) -> None:
        out = WriterP()
        check(_writer_open(ctypes.byref(out), _path(path)))
        super().__init__(out, _writer_free)

    def write(self, contact: Contact) -> None:
        c, _keep = contact._c()
        check(_writer_write(self._h, ctypes.byref(c)))

    def commit(self) -> None:
        """Flush, sync and rename the file into place (the writer is done
        either way)."""
        check(_writer_close(self._detach()))

    def __exit__(self, exc_type: Any, *rest: Any) -> None:
        if exc_type is None and not self.closed:
            self.commit()
        else:
            self.close()
