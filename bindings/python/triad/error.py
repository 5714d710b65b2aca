"""Error codes, the thread-local last error and the exceptions raised for
them (triad/error.h).

Every failed libtriad call raises a :class:`TriadError` subclass chosen by the
error code. The exception carries what the library recorded: ``code``,
``message``, ``source`` (file or input name), ``line`` and ``column`` (syntax
errors) and ``path`` (the JSON path of a content error).
"""
from __future__ import annotations

import ctypes
import enum
from typing import Dict, NoReturn, Optional, Type

from ._ffi import decode, fn


class ErrorCode(enum.IntEnum):
    """triad_error_code: 0 on success, negative on failure."""

    OK = 0
    EINVAL = -1
    ENOMEM = -2
    ENOTFOUND = -3
    EPARSE = -4
    ESTATE = -5
    EFORMAT = -6
    EVERSION = -7
    EEXISTS = -8
    EIO = -9
    ECANCELED = -10
    ERANGE = -11
    EINTERNAL = -12


class _CError(ctypes.Structure):
    _fields_ = [
        ("code", ctypes.c_int),
        ("message", ctypes.c_char_p),
        ("source", ctypes.c_char_p),
        ("line", ctypes.c_int32),
        ("column", ctypes.c_int32),
        ("path", ctypes.c_char_p),
    ]


_error_last = fn("triad_error_last", ctypes.POINTER(_CError))
_error_clear = fn("triad_error_clear", None)
_strerror = fn("triad_strerror", ctypes.c_char_p, ctypes.c_int)


class TriadError(Exception):
    """A libtriad call failed.

    Attributes mirror ``triad_error``: ``code`` (an :class:`ErrorCode`, or the
    raw int for a code this binding does not know), ``message``, ``source``,
    ``line``, ``column`` and ``path`` (empty strings and 0 when unknown).
    """

    code: int

    def __init__(self, code: int, message: str, source: str = "",
                 line: int = 0, column: int = 0, path: str = "") -> None:
        super().__init__(message)
        try:
            self.code = ErrorCode(code)
        except ValueError:
            self.code = code
        self.message = message
        self.source = source
        self.line = line
        self.column = column
        self.path = path

    def __str__(self) -> str:
        where = ""
        if self.line:
            where = f" (line {self.line}, column {self.column})"
        return f"{self.message}{where}"

    def __repr__(self) -> str:
        return (f"{type(self).__name__}(code={int(self.code)}, "
                f"message={self.message!r}, source={self.source!r}, "
                f"line={self.line}, column={self.column}, path={self.path!r})")


class InvalidArgumentError(TriadError, ValueError):
    """TRIAD_EINVAL: an argument is invalid."""


class OutOfMemoryError(TriadError, MemoryError):
    """TRIAD_ENOMEM."""


class NotFoundError(TriadError, LookupError):
    """TRIAD_ENOTFOUND: an id or name does not exist."""


class ParseError(TriadError, ValueError):
    """TRIAD_EPARSE: a document is not well-formed (has line and column)."""


class StateError(TriadError):
    """TRIAD_ESTATE: not allowed in the object's current state."""


class FormatError(TriadError, ValueError):
    """TRIAD_EFORMAT: a well-formed document has invalid content (has a path)."""


class VersionError(TriadError, ValueError):
    """TRIAD_EVERSION: a document's format version is newer than supported."""


class ExistsError(TriadError, KeyError):
    """TRIAD_EEXISTS: an id is already in use."""

    __str__ = TriadError.__str__  # KeyError would quote the message


class TriadIOError(TriadError, OSError):
    """TRIAD_EIO: reading or writing a file failed."""

    __str__ = TriadError.__str__


class CanceledError(TriadError):
    """TRIAD_ECANCELED: a callback asked to stop."""


class RangeError(TriadError, ValueError):
    """TRIAD_ERANGE: a value lies outside its allowed range."""


class InternalError(TriadError):
    """TRIAD_EINTERNAL: a dependency failed in an unexpected way."""


_CLASSES: Dict[int, Type[TriadError]] = {
    ErrorCode.EINVAL: InvalidArgumentError,
    ErrorCode.ENOMEM: OutOfMemoryError,
    ErrorCode.ENOTFOUND: NotFoundError,
    ErrorCode.EPARSE: ParseError,
    ErrorCode.ESTATE: StateError,
    ErrorCode.EFORMAT: FormatError,
    ErrorCode.EVERSION: VersionError,
    ErrorCode.EEXISTS: ExistsError,
    ErrorCode.EIO: TriadIOError,
    ErrorCode.ECANCELED: CanceledError,
    ErrorCode.ERANGE: RangeError,
    ErrorCode.EINTERNAL: InternalError,
}


def _s(raw: Optional[bytes]) -> str:
    return decode(raw) if raw else ""


class LastError:
    """A snapshot of the calling thread's last error (triad_error_last)."""

    __slots__ = ("code", "message", "source", "line", "column", "path")

    def __init__(self, code: int, message: str, source: str, line: int,
                 column: int, path: str) -> None:
        self.code = code
        self.message = message
        self.source = source
        self.line = line
        self.column = column
        self.path = path

    def __repr__(self) -> str:
        return (f"LastError(code={self.code}, message={self.message!r}, "
                f"source={self.source!r}, line={self.line}, "
                f"column={self.column}, path={self.path!r})")


def last_error() -> LastError:
    """The last error recorded on the calling thread, copied out (the
    library's strings only live until the next call)."""
    e = _error_last().contents
    return LastError(e.code, _s(e.message), _s(e.source), e.line, e.column,
                     _s(e.path))


def clear_error() -> None:
    """Forget the calling thread's last error."""
    _error_clear()


def strerror(code: int) -> str:
    """A short English description of an error code."""
    return decode(_strerror(int(code)))


def error_from_code(code: int, message: str, source: str = "", line: int = 0,
                    column: int = 0, path: str = "") -> TriadError:
    """The exception class for ``code``, built from the given fields."""
    cls = _CLASSES.get(code, TriadError)
    return cls(code, message, source, line, column, path)


def raise_last(rc: Optional[int] = None) -> NoReturn:
    """Raise the calling thread's last error. ``rc`` is the code the call
    returned; it wins when the recorded error is missing or stale."""
    e = last_error()
    code = e.code if rc is None or e.code == rc else rc
    if code == 0:
        code = ErrorCode.EINTERNAL
    message = e.message if e.code == code and e.message else strerror(code)
    raise error_from_code(code, message, e.source, e.line, e.column, e.path)


def check(rc: int) -> int:
    """Raise for a negative return code; return non-negative codes as is."""
    if rc < 0:
        raise_last(rc)
    return rc


def check_ptr(ptr):
    """Raise the last error when a call returned NULL (None for strings, a
    false pointer object for handles; an empty string is not NULL)."""
    if ptr is None or (not isinstance(ptr, bytes) and not ptr):
        raise_last()
    return ptr
