"""Loading libtriad and declaring its functions for ctypes.

The library is found through the TRIAD_LIBRARY environment variable (a path,
as the test suite sets it to the freshly built library) or else by its SONAME,
``libtriad.so.0``, through the dynamic loader's usual search.

Every module declares the C functions it wraps with :func:`fn`; the registry
lets the API-coverage test compare the binding with lib/libtriad.map.
"""
from __future__ import annotations

import ctypes
import os
import re
from typing import Any, Dict, FrozenSet

SONAME = "libtriad.so.0"


def _load() -> ctypes.CDLL:
    path = os.environ.get("TRIAD_LIBRARY") or SONAME
    try:
        return ctypes.CDLL(path)
    except OSError as exc:
        raise ImportError(
            f"triad: cannot load the C library {path!r} ({exc}); install "
            f"libtriad or set TRIAD_LIBRARY to the path of {SONAME}") from exc


lib = _load()

_declared: Dict[str, Any] = {}


def fn(name: str, restype: Any, *argtypes: Any) -> Any:
    """Declare the C function ``name`` with its result and argument types and
    return the callable. Raises ImportError when the library lacks it, so a
    binding that runs ahead of the library fails loudly at import."""
    try:
        f = getattr(lib, name)
    except AttributeError as exc:
        raise ImportError(f"triad: the loaded libtriad does not export {name}") from exc
    f.restype = restype
    f.argtypes = list(argtypes)
    _declared[name] = f
    return f


# ---- C prototypes --------------------------------------------------------
#
# Modules may declare functions with the prototype as the header writes it,
# "const char *triad_student_id(const triad_student *s)", the same text the
# Node binding hands to koffi. Named types are registered first: enumerations
# as int (alias), opaque structs (opaque), structs (struct) and callbacks.

_types: Dict[str, Any] = {
    "void": None,
    "int": ctypes.c_int,
    "unsigned": ctypes.c_uint,
    "unsigned int": ctypes.c_uint,
    "long": ctypes.c_long,
    "size_t": ctypes.c_size_t,
    "int32_t": ctypes.c_int32,
    "uint32_t": ctypes.c_uint32,
    "int64_t": ctypes.c_int64,
    "uint64_t": ctypes.c_uint64,
    "uint8_t": ctypes.c_uint8,
    "double": ctypes.c_double,
    "float": ctypes.c_float,
    "bool": ctypes.c_bool,
    "char": ctypes.c_char,
    "triad_date": ctypes.c_int32,
    # enumerations of the core headers, shared by every module
    "triad_lang": ctypes.c_int,
    "triad_category": ctypes.c_int,
    "triad_epstein": ctypes.c_int,
    "triad_intensity": ctypes.c_int,
    "triad_contact_kind": ctypes.c_int,
    "triad_channel": ctypes.c_int,
}


def alias(name: str, ctype: Any) -> Any:
    """Register a named type (an enumeration as ctypes.c_int, a typedef)."""
    _types[name] = ctype
    return ctype


def opaque(name: str) -> Any:
    """Register an opaque struct and return its ctypes pointer type."""
    cls = type(name, (ctypes.Structure,), {})
    _types[name] = cls
    return ctypes.POINTER(cls)


_QUALIFIERS = re.compile(r"\b(?:const|struct|enum|_Out_|_Inout_|_In_)\b")


def ctype_of(decl: str) -> Any:
    """The ctypes type of a C type such as "const triad_student *".

    Strings: "const char *" is c_char_p (copied into bytes by ctypes);
    "char **" (an owned string handed out) is a pointer to c_void_p so that
    the caller can release it with triad_free."""
    stars = decl.count("*")
    base = " ".join(_QUALIFIERS.sub(" ", decl.replace("*", " ")).split())
    if base in ("char", "unsigned char") and stars == 1:
        return ctypes.c_char_p  # bytes in (a NUL-terminated string, or with a length)
    if base == "char" and stars == 2 and "const" not in decl:
        return ctypes.POINTER(ctypes.c_void_p)
    if base == "char" and stars == 2:
        return ctypes.POINTER(ctypes.c_char_p)
    if base == "void" and stars >= 1:
        t: Any = ctypes.c_void_p
        stars -= 1
    else:
        if base not in _types:
            raise ImportError(f"triad: unknown C type {base!r} in {decl!r}")
        t = _types[base]
    for _ in range(stars):
        t = ctypes.POINTER(t)
    return t


_PROTO = re.compile(r"^\s*(.*?)\b(triad_\w+)\s*\((.*)\)\s*;?\s*$", re.S)


def _split_param(param: str) -> str:
    """The type of a parameter declaration, without its name (prototypes
    name their parameters, as the headers do; "unsigned int" alone is also
    understood)."""
    param = param.strip()
    m = re.match(r"^(.*?)\b(\w+)$", param)
    if m:
        rest = m.group(1).strip()
        bare = " ".join(_QUALIFIERS.sub(" ", rest.replace("*", " ")).split())
        if bare and (bare in _types or "*" in rest or bare in ("char", "void")):
            return rest
    return param


def proto(prototype: str) -> Any:
    """Declare a C function from its prototype and return the callable."""
    m = _PROTO.match(prototype)
    if not m:
        raise ImportError(f"triad: cannot read the prototype {prototype!r}")
    restype = ctype_of(m.group(1))
    params = [p for p in m.group(3).split(",") if p.strip()]
    if len(params) == 1 and params[0].strip() == "void":
        params = []
    return fn(m.group(2), restype, *(ctype_of(_split_param(p)) for p in params))


def declared() -> FrozenSet[str]:
    """The names of every C function the binding declares."""
    return frozenset(_declared)


def encode(text: str, what: str = "text") -> bytes:
    """A Python string as the NUL-terminated UTF-8 the C API expects.

    ctypes would silently cut a string at an embedded NUL, so that is refused
    here; lone surrogates cannot be encoded and are refused too."""
    if not isinstance(text, str):
        raise TypeError(f"{what} must be a str, not {type(text).__name__}")
    if "\0" in text:
        raise ValueError(f"{what} contains a NUL character")
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(f"{what} is not valid Unicode text: {exc}") from None


def decode(raw: bytes) -> str:
    """UTF-8 bytes from the library as a Python string."""
    return raw.decode("utf-8")
