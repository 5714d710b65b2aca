"""Roster: loading, reading, navigating, building, saving, errors with their
location. Expected values are read by hand from tests/data/school/good.json."""
import datetime as dt
import pathlib

import pytest

import triad
from triad import (Channel, InfoRights, RelationKind, Roster, SchoolTypes, StaffRole)

GOOD = pathlib.Path(__file__).resolve().parents[3] / "tests" / "data" / "school" / "good.json"


@pytest.fixture
def roster():
    with Roster.load_file(GOOD) as r:
        yield r


def test_counts_and_records(roster):
    assert roster.school_name == "Het Baken, Almere"
    # 3 students, 5 guardians, 4 households, 3 staff; relations m1:2 f1:2
    # sp1:1 m2:1 f2:1 = 7; 7 consent records.
    assert [s.id for s in roster.students] == ["s1", "s2", "s3"]
    assert [g.id for g in roster.guardians] == ["m1", "f1", "sp1", "m2", "f2"]
    assert [h.id for h in roster.households] == ["h1", "h2", "h3", "h4"]
    assert [m.id for m in roster.staff_members] == ["t1", "t2", "t3"]
    assert len(roster.relations) == 7 and len(roster.consents) == 7
    s3 = roster.student("s3")
    assert (s3.given_name, s3.family_name, s3.school_type, s3.bridge_class, s3.year,
            s3.class_name, s3.mentor_id) == ("Lotte", "Jansen", "vwo", "havo/vwo", 1, "1HV3", "t3")
    assert s3.birth_date == dt.date(2012, 2, 29)
    # Born on 29 February: 13 on 2026-02-28, 14 on 2026-03-01.
    assert s3.age("2026-02-28") == 13 and s3.age(dt.date(2026, 3, 1)) == 14
    assert roster.student("s1").bridge_class is None
    assert roster.students[-1] == s3 and roster.students[0] != s3
    assert roster.guardian("sp1").language == "en-GB"
    assert roster.guardian("m2").channel is Channel.PHONE
    assert roster.guardian("f1").channel is Channel.NONE
    assert roster.guardian("m1").household_id == "h1"
    assert roster.household("h2").address is None
    assert roster.household("h1").address == "Lindenlaan 4, Almere"
    assert roster.staff("t3").roles == StaffRole.MENTOR | StaffRole.TEACHER | StaffRole.COORDINATOR
    assert roster.staff("t3").family_name == "Yıldız"
    assert roster.staff("t2").roles == StaffRole.SCHOOL_LEADER


def test_relations_and_consents(roster):
    sp = roster.relation("s1", "sp1")
    assert (sp.kind, sp.authority, sp.lives_with, sp.primary_contact, sp.contact_priority,
            sp.info_rights) == (RelationKind.STEP_PARENT, False, True, False, 0, InfoRights.ON_REQUEST)
    f2 = roster.relation("s2", "f2")
    assert f2.info_rights is InfoRights.RESTRICTED
    assert f2.restriction_reason.startswith("Court order of 2023-06-12")
    m1 = roster.relation("s1", "m1")
    assert m1.adult_informed and m1.adult_cosigns and m1.restriction_reason is None
    c = roster.consents[2]
    assert (c.student_id, c.purpose, c.by_id, c.given, c.date) == (
        "s1", "photos", "f1", False, dt.date(2024, 5, 1))
    with pytest.raises(triad.NotFoundError):
        roster.relation("s2", "m1")


def test_navigation(roster):
    assert roster.student_guardians("s1") == ["m1", "f1", "sp1"]     # priority 1, 2, none
    assert roster.student_households("s1") == ["h1", "h2"]           # sp1's h1 only once
    assert roster.guardian_students("m1") == ["s1", "s3"]
    assert roster.household_guardians("h1") == ["m1", "sp1"]
    assert roster.household_students("h1") == ["s1", "s3"]
    assert roster.mentor_students("t1") == ["s1", "s2"]
    assert roster.class_students("3H2") == ["s1"]
    assert roster.class_students("9Z") == []
    with pytest.raises(triad.NotFoundError) as info:
        roster.student_guardians("s9")
    assert "s9" in info.value.message


def test_round_trip(roster, tmp_path):
    text = roster.save()
    assert text.startswith("{") and '"format": "triad.school/1"' in text
    with Roster.load(text, source="copy") as copy:
        assert copy == roster
        copy.school_name = "Het Baken, Almere-Haven"
        assert copy != roster
    out = tmp_path / "school.json"
    roster.save_file(out)
    with Roster.load_file(out) as again:
        assert again == roster
    with pytest.raises(TypeError):
        hash(roster)


def test_errors_carry_location():
    with pytest.raises(triad.ParseError) as info:
        Roster.load('{"format": "triad.school/1",\n  "students": [,]}', source="bad.json")
    e = info.value
    assert (e.source, e.line, e.column) == ("bad.json", 2, 16)
    assert e.message.startswith("bad.json: line 2, column 16:")
    with pytest.raises(triad.FormatError) as info:
        Roster.load('{"format": "triad.school/1", "students": [{"id": 5}]}', source="s.json")
    assert info.value.path == "students[0].id" and info.value.source == "s.json"
    assert "expected a string" in info.value.message
    with pytest.raises(triad.FormatError) as info:
        Roster.load('{"format": "triad.school/1", "staf": []}')
    assert info.value.path == "staf"
    with pytest.raises(triad.VersionError):
        Roster.load('{"format": "triad.school/2"}')
    with pytest.raises(triad.TriadIOError):
        Roster.load_file("/nonexistent/school.json")


def test_build_and_refuse(tmp_path):
    with Roster() as r:
        assert r.school_name is None
        r.school_name = "De Meent"
        r.add_household("h1", "Familie Yılmaz", "Hoofdstraat 1")
        r.add_staff("t1", "Anna", "Smit", StaffRole.MENTOR | StaffRole.TEACHER)
        s = r.add_student("s1", "Elif", "Yılmaz", "2011-05-20", "vmbo-tl", 2,
                          class_name="2T1", mentor_id="t1")
        assert s.id == "s1" and s.mentor_id == "t1"
        r.add_guardian("g1", "Ayşe", "Yılmaz", household_id="h1", language="tr",
                       channel=Channel.PHONE)
        rel = r.add_relation("s1", "g1", RelationKind.MOTHER, authority=True, lives_with=True,
                             primary_contact=True, contact_priority=1)
        # info_rights DEFAULT with authority becomes FULL.
        assert rel.info_rights is InfoRights.FULL
        r.add_consent("s1", "photos", "g1", True, "2024-09-01")
        r.set_adult_choice("s1", "g1", informed=True, cosigns=False)
        assert r.relation("s1", "g1").adult_informed
        assert r.household_students("h1") == ["s1"]
        with pytest.raises(triad.ExistsError):
            r.add_staff("t1", "B", "C", StaffRole.TEACHER)
        with pytest.raises(triad.ExistsError):
            r.add_guardian("s1", "X", "Y")               # a student's id
        with pytest.raises(triad.NotFoundError):
            r.add_student("s2", "A", "B", "2011-01-01", "havo", 1, mentor_id="t9")
        with pytest.raises(triad.NotFoundError):
            r.add_student("s2", "A", "B", "2011-01-01", "gymnasium", 1)
        with pytest.raises(triad.RangeError):
            r.add_student("s2", "A", "B", "2011-01-01", "havo", 6)
        with pytest.raises(triad.ExistsError):
            r.add_relation("s1", "g1", RelationKind.FATHER)   # the pair is related
        r.add_guardian("g2", "Mehmet", "Yılmaz")
        with pytest.raises(triad.InvalidArgumentError) as info:
            r.add_relation("s1", "g2", RelationKind.FATHER, info_rights=InfoRights.RESTRICTED)
        assert "reason" in info.value.message
        with pytest.raises(triad.InvalidArgumentError):
            r.add_guardian("g2", "", "Y")
        assert len(r.students) == 1                      # failures left it unchanged
        path = tmp_path / "built.json"
        r.save_file(str(path))
        with Roster.load_file(path) as back:
            assert back == r


def test_own_school_types_are_pinned():
    types = SchoolTypes()
    types.add("isk", "internationale schakelklas", "international transition class", 2)
    r = Roster(types)
    r.add_student("s1", "Amir", "Haddad", "2012-01-01", "isk", 2)
    with pytest.raises(triad.NotFoundError):
        Roster().add_student("s1", "Amir", "Haddad", "2012-01-01", "isk", 2)
    student = r.student("s1")
    types.close()                     # closes the roster that borrows them first
    assert r.closed
    with pytest.raises(ValueError, match="closed"):
        student.id
    with pytest.raises(ValueError):
        Roster(types)


def test_enumeration_ids():
    assert RelationKind.STEP_PARENT.id == "step_parent"
    assert RelationKind.from_id("foster_parent") is RelationKind.FOSTER_PARENT
    assert InfoRights.from_id("on_request") is InfoRights.ON_REQUEST
    assert InfoRights.RESTRICTED.id == "restricted"
    assert StaffRole.from_id("school_leader") is StaffRole.SCHOOL_LEADER
    assert StaffRole.TEACHER.id == "teacher"
    with pytest.raises(triad.InvalidArgumentError):
        (StaffRole.MENTOR | StaffRole.TEACHER).id   # not a single role
    with pytest.raises(triad.NotFoundError):
        RelationKind.from_id("aunt")
    with pytest.raises(triad.InvalidArgumentError):
        RelationKind.NONE.id


def test_strlist_wrapper(roster):
    # Queries copy their lists out; a raw list wrapped in StrList behaves as
    # a read-only sequence and frees itself once.
    import ctypes
    from triad import roster as troster
    from triad.strlist import StrList, StrListP
    raw = StrListP()
    assert troster._nav["student_guardians"](ctypes.byref(raw), roster._h, b"s1") == 0
    with StrList(raw) as sl:
        assert len(sl) == 3 and sl[0] == "m1" and sl[-1] == "sp1" and sl[1:] == ["f1", "sp1"]
        assert "f1" in sl and "x" not in sl and 5 not in sl and "a\0b" not in sl
        assert list(sl) == ["m1", "f1", "sp1"] and repr(sl) == "StrList(['m1', 'f1', 'sp1'])"
        with pytest.raises(IndexError):
            sl[3]
    assert sl.closed and repr(sl) == "StrList(<closed>)"
    with pytest.raises(ValueError):
        len(sl)
