import datetime as dt

import pytest

import triad
from triad import date as tdate


def test_epoch_and_known_days():
    # Day 0 is 1970-01-01; 2000-03-01 is 30 years later: 10957 days to
    # 2000-01-01 (7 leap days from 1972 to 1996) plus 31 + 29 = 11017.
    assert tdate.from_days(0) == dt.date(1970, 1, 1)
    assert tdate.from_days(-1) == dt.date(1969, 12, 31)
    assert tdate.to_days(dt.date(2000, 3, 1)) == 11017
    assert tdate.to_days("2000-03-01") == 11017
    assert tdate.to_days(dt.datetime(2000, 3, 1, 23, 59)) == 11017
    assert tdate.from_days(11017) == dt.date(2000, 3, 1)


def test_from_ymd_and_bounds():
    assert tdate.from_ymd(2024, 2, 29) == dt.date(2024, 2, 29)
    with pytest.raises(triad.InvalidArgumentError):
        tdate.from_ymd(2025, 2, 29)          # 2025 is no leap year
    with pytest.raises(triad.InvalidArgumentError):
        tdate.from_ymd(10000, 1, 1)
    with pytest.raises(triad.InvalidArgumentError) as info:
        tdate.from_days(tdate.to_days(dt.date(9999, 12, 31)) + 1)
    assert "outside years 1..9999" in info.value.message
    with pytest.raises(triad.InvalidArgumentError):
        tdate.from_days(2**40)               # does not fit int32
    with pytest.raises(triad.InvalidArgumentError):
        tdate.to_ymd(-719163)                # 0000-12-31


def test_parse_and_format():
    assert tdate.parse("2026-08-01") == dt.date(2026, 8, 1)
    assert tdate.format(dt.date(7, 3, 9)) == "0007-03-09"
    assert tdate.format("2026-11-26") == "2026-11-26"
    with pytest.raises(triad.ParseError) as info:
        tdate.parse("2026-02-30")
    assert info.value.message == "the date 2026-02-30 does not exist"
    with pytest.raises(ValueError):
        tdate.parse("2026-02-01\0junk")      # would be cut silently by C
    with pytest.raises(TypeError):
        tdate.to_days(20260201)


def test_weekday_iso_week_age():
    # 2026-11-26 is a Thursday; 2021-01-03 (Sunday) still belongs to ISO
    # week 53 of 2020; 2024-12-30 (Monday) is week 1 of 2025.
    assert tdate.weekday("2026-11-26") == 4
    assert tdate.weekday(dt.date(2021, 1, 3)) == 7
    assert tdate.iso_week("2021-01-03") == (2020, 53)
    assert tdate.iso_week("2024-12-30") == (2025, 1)
    # Born 2008-02-29: 17 on 2026-02-28, 18 on 2026-03-01.
    assert tdate.age("2008-02-29", "2026-02-28") == 17
    assert tdate.age("2008-02-29", "2026-03-01") == 18
    with pytest.raises(triad.InvalidArgumentError) as info:
        tdate.age("2010-01-01", "2009-12-31")
    assert "before the birth date" in info.value.message


def test_agrees_with_python_everywhere_sampled():
    # Every 997th day from year 1 to 9999: the C encoding equals Python's
    # ordinal shifted by 719163, and formatting equals isoformat().
    for ordinal in range(1, dt.date(9999, 12, 31).toordinal(), 997):
        d = dt.date.fromordinal(ordinal)
        assert tdate.to_ymd(ordinal - 719163) == (d.year, d.month, d.day)   # the C calendar
        assert tdate.from_days(ordinal - 719163) == d
        if ordinal % (997 * 50) == 1:
            assert tdate.format(d) == d.isoformat()
            assert tdate.weekday(d) == d.isoweekday()
            assert tdate.iso_week(d) == tuple(d.isocalendar())[:2]
