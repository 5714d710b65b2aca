import pytest

import triad
from triad.error import ErrorCode, error_from_code


def test_strerror_every_code():
    # The static descriptions of lib/error.c, one per code.
    expected = {
        0: "success", -1: "invalid argument", -2: "out of memory",
        -3: "not found", -4: "syntax error",
        -5: "not allowed in the current state", -6: "invalid document content",
        -7: "unsupported format version", -8: "already exists",
        -9: "input/output error", -10: "canceled", -11: "value out of range",
        -12: "internal error",
    }
    for code, text in expected.items():
        assert triad.strerror(code) == text
    assert triad.strerror(-999) == "unknown error"
    assert len(ErrorCode) == len(expected)


def test_failure_raises_subclass_with_code_and_message():
    with pytest.raises(triad.NotFoundError) as info:
        triad.Category.from_id("involvement.garden")
    err = info.value
    assert err.code == ErrorCode.ENOTFOUND
    assert isinstance(err, LookupError) and isinstance(err, triad.TriadError)
    assert "involvement.garden" in err.message
    assert (err.source, err.line, err.column, err.path) == ("", 0, 0, "")


def test_last_error_and_clear():
    with pytest.raises(triad.ParseError):
        triad.date.parse("1 March 2025")
    last = triad.last_error()
    assert last.code == ErrorCode.EPARSE
    assert last.message == '"1 March 2025" is not a date of the form YYYY-MM-DD'
    triad.clear_error()
    last = triad.last_error()
    assert (last.code, last.message, last.source, last.line, last.column,
            last.path) == (0, "", "", 0, 0, "")


@pytest.mark.parametrize("code,cls,base", [
    (-1, triad.InvalidArgumentError, ValueError),
    (-2, triad.OutOfMemoryError, MemoryError),
    (-3, triad.NotFoundError, LookupError),
    (-4, triad.ParseError, ValueError),
    (-5, triad.StateError, triad.TriadError),
    (-6, triad.FormatError, ValueError),
    (-7, triad.VersionError, ValueError),
    (-8, triad.ExistsError, KeyError),
    (-9, triad.TriadIOError, OSError),
    (-10, triad.CanceledError, triad.TriadError),
    (-11, triad.RangeError, ValueError),
    (-12, triad.InternalError, triad.TriadError),
])
def test_every_code_has_its_class(code, cls, base):
    err = error_from_code(code, "m", "f.json", 3, 7, "a[1].b")
    assert type(err) is cls and isinstance(err, base)
    assert err.code == code and err.code.name == ErrorCode(code).name
    assert (err.source, err.line, err.column, err.path) == ("f.json", 3, 7, "a[1].b")
    assert str(err) == "m (line 3, column 7)"


def test_unknown_code_keeps_raw_value():
    err = error_from_code(-77, "future error")
    assert type(err) is triad.TriadError and err.code == -77
