"""The binding wraps every symbol of lib/libtriad.map except the deliberate
omissions of bindings/omissions.txt, and declares nothing the library does not
export."""
import pathlib
import re

import triad  # noqa: F401 - importing declares every function
from triad import _ffi


def map_symbols(path):
    text = re.sub(r"/\*.*?\*/", "", pathlib.Path(path).read_text(), flags=re.S)
    names = set()
    for block in re.findall(r"global:(.*?)(?:local:|\})", text, flags=re.S):
        names |= set(re.findall(r"([A-Za-z_][A-Za-z0-9_]*)\s*;", block))
    return names


def omissions():
    path = pathlib.Path(__file__).resolve().parents[2] / "omissions.txt"
    names = set()
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            names.add(line.split()[0])
    return names


def test_every_exported_symbol_is_bound(map_path):
    exported = map_symbols(map_path)
    assert len(exported) > 50
    missing = exported - _ffi.declared() - omissions()
    assert not missing, f"not bound in Python: {sorted(missing)}"


def test_binding_declares_only_exported_symbols(map_path):
    extra = _ffi.declared() - map_symbols(map_path)
    assert not extra, f"bound but not exported: {sorted(extra)}"


def test_omissions_are_exported_and_not_bound(map_path):
    # A stale omission (symbol gone, or bound after all) must be removed.
    om = omissions()
    assert om <= map_symbols(map_path)
    assert not om & _ffi.declared()
