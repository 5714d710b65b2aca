"""School calendar on tests/data/calendar: school-2025.json (region midden)
and the government's open-data sample opendata.json."""
import datetime as dt
import pathlib

import pytest

import triad
from triad.calendar import Calendar, Region, school_year_of

DATA = pathlib.Path(__file__).resolve().parents[3] / "tests" / "data" / "calendar"


@pytest.fixture
def cal():
    with Calendar.load_file(DATA / "school-2025.json") as c:
        yield c


def school_days_by_hand(c):
    """Every weekday of the year outside holidays and days off: the rule
    worked out in Python, independently of the library."""
    off = set(d.day for d in c.days_off)
    days = []
    d = c.first_day
    while d <= c.last_day:
        if d.weekday() < 5 and d not in off and not any(h.first <= d <= h.last for h in c.holidays):
            days.append(d)
        d += dt.timedelta(days=1)
    return days


def test_year_and_lists(cal):
    assert (cal.start_year, cal.region) == (2025, Region.MIDDEN)
    assert (cal.first_day, cal.last_day) == (dt.date(2025, 8, 1), dt.date(2026, 7, 31))
    assert [h.name for h in cal.holidays][:2] == ["Zomervakantie", "Herfstvakantie"]
    assert cal.holidays[2].compulsory and not cal.holidays[1].compulsory
    assert cal.days_off[0] == (dt.date(2025, 11, 12), "studiedag")
    assert [p.id for p in cal.report_periods] == ["p1", "p2", "p3"]
    assert cal.report_period("p2").first == dt.date(2025, 11, 24)
    with pytest.raises(triad.NotFoundError):
        cal.report_period("p9")
    assert Region.ZUID.id == "zuid" and Region.from_id("noord") is Region.NOORD
    assert school_year_of("2026-07-31") == 2025 and school_year_of("2026-08-01") == 2026


def test_school_days(cal):
    days = school_days_by_hand(cal)
    assert cal.school_day_count == len(days)
    assert days[0] == dt.date(2025, 8, 25)          # first Monday after the summer
    assert cal.is_school_day("2025-08-25") and not cal.is_school_day("2025-08-24")
    assert not cal.is_school_day("2025-10-20")       # Herfstvakantie (midden)
    assert not cal.is_school_day("2025-11-12") and cal.is_school_day("2025-11-13")
    # 25 < d <= 29 August: 26, 27, 28, 29.
    assert cal.school_days_between("2025-08-25", "2025-08-29") == 4
    assert cal.school_days_between("2025-08-29", "2025-08-25") == -4
    assert cal.school_days_after("2025-08-29", 1) == dt.date(2025, 9, 1)
    assert cal.school_days_after("2025-10-17", 1) == dt.date(2025, 10, 27)   # over the holiday
    with pytest.raises(triad.RangeError):
        cal.is_school_day("2026-08-03")


def test_school_weeks(cal):
    weeks = sorted({d.isocalendar()[:2] for d in school_days_by_hand(cal)})
    assert cal.school_week_count == len(weeks)
    assert cal.school_week_at(1) == (dt.date(2025, 8, 25), dt.date(2025, 8, 25), dt.date(2025, 8, 29))
    # Weeks of 25 Aug, 1, 8, 15, 22, 29 Sep, 6 and 13 Oct are school weeks
    # 1..8; the autumn-holiday week keeps index 8 and is no school week.
    assert cal.school_week("2025-10-17") == (8, True)
    assert cal.school_week("2025-10-22") == (8, False)
    assert cal.school_week("2025-08-01") == (0, False)
    assert cal.school_weeks_between("2025-08-25", "2025-10-27") == 8
    with pytest.raises(triad.RangeError):
        cal.school_week_at(cal.school_week_count + 1)


def test_build_and_round_trip(tmp_path):
    with Calendar(2026, Region.NOORD) as c:
        assert (c.first_day, c.last_day) == (dt.date(2026, 8, 1), dt.date(2027, 7, 31))
        c.add_holiday("Herfstvakantie", "2026-10-17", "2026-10-25")
        c.add_day_off("2026-09-30", "studiedag")
        c.add_report_period("p1", "Periode 1", "2026-08-24", "2026-11-20")
        with pytest.raises(triad.InvalidArgumentError):
            c.add_holiday("Omgekeerd", "2026-12-01", "2026-11-01")
        text = c.save()
        with Calendar.load(text, source="c.json") as back:
            assert back.save() == text and back.holidays == c.holidays
        c.save_file(tmp_path / "cal.json")
        with Calendar.load_file(tmp_path / "cal.json") as back:
            assert back.report_periods == c.report_periods
        c.set_period("2026-08-03", "2027-07-30")
        assert c.first_day == dt.date(2026, 8, 3)
    with pytest.raises(triad.ParseError) as info:
        Calendar.load('{"format": "triad.calendar/1",\n,}', source="bad.json")
    assert (info.value.line, info.value.source) == (2, "bad.json")


def test_opendata():
    with Calendar.load_opendata_file(DATA / "opendata.json", Region.ZUID, "2025-2026") as z:
        assert z.region is Region.ZUID and z.start_year == 2025
        autumn = next(h for h in z.holidays if h.name == "Herfstvakantie")
        assert (autumn.first, autumn.last) == (dt.date(2025, 10, 11), dt.date(2025, 10, 19))
        assert not z.is_school_day("2025-10-13")
    text = (DATA / "opendata.json").read_text()
    with Calendar.load_opendata(text, Region.MIDDEN, "2025-2026", source="od.json") as m:
        assert m.is_school_day("2025-10-13")
    with pytest.raises(triad.NotFoundError) as info:
        Calendar.load_opendata(text, Region.ZUID, "2030-2031")
    assert "2030-2031" in info.value.message
