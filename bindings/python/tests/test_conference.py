"""A conference scheduled from Python: loading, reading, solving with a
progress callback and cancellation from it, checking, pins, exports."""
import json
import pathlib

import pytest

import triad
from triad import conference_export as export
from triad.conference import (Conference, Metric, Preference, Priority, Reason, Setting,
                              SolvePhase, Stat, Violation)

# Written by bindings/testdata/make_conference.py; shared with the Node tests.
DATA = pathlib.Path(__file__).resolve().parents[2] / "testdata" / "conference.json"
DOC = json.loads(DATA.read_text())


@pytest.fixture
def conf():
    with Conference.load(json.dumps(DOC), source="evening.json") as c:
        yield c


def test_reading_the_instance(conf):
    assert [s.id for s in conf.sessions] == ["mon", "thu"]
    mon = conf.session("mon")
    assert mon.start == 19 * 60 and mon.slots == 14 and mon.slot_minutes == 10
    assert mon.breaks == [(7, 8)]
    assert str(mon.date) == "2026-11-16"
    # slot 3 of Thursday: 18:30 + 3 x 10 minutes = 19:00
    assert conf.session("thu").slot_start(3) == 19 * 60
    assert conf.session("thu").slot_time(3).isoformat() == "2026-11-19T19:00:00"
    assert len(conf.teachers) == 8 and len(conf.households) == 40
    assert len(conf.requests) == len(DOC["requests"])
    t8 = conf.teacher("t8")
    assert t8.present("mon") and not t8.present("thu")
    assert t8.room("mon") == "r8" and t8.room(conf.session("thu")) is None
    assert conf.rooms[0].name == "Lokaal 101"
    h5 = conf.household("h5")
    assert h5.students == ["Leerling 5a", "Leerling 5b"]
    assert h5.preference is Preference[DOC["households"][4]["preference"].upper()]
    q9 = conf.request("q9")
    assert q9.slots == 2 and q9.household.id == DOC["requests"][8]["household"]
    assert [t.id for t in q9.teachers] == DOC["requests"][8]["teachers"]
    assert q9.priority is Priority[DOC["requests"][8]["priority"].upper()]
    assert q9.pin is None
    with pytest.raises(triad.NotFoundError):
        conf.teacher("t99")


def test_settings_and_ids(conf):
    assert conf.setting(Setting.WEIGHT_UNSCHEDULED) == 1_000_000
    assert conf.setting(Setting.WEIGHT_WAIT) == 100
    conf.set_setting(Setting.WALKING_GAP, 1)
    assert conf.setting(Setting.WALKING_GAP) == 1
    with pytest.raises(triad.RangeError):
        conf.set_setting(Setting.WALKING_GAP, 10_001)
    assert conf.setting(Setting.WALKING_GAP) == 1
    assert Setting.WEIGHT_UNSCHEDULED.id == "weight_unscheduled"
    assert Metric.COST.id == "cost" and Reason.NO_COMMON_SLOT.id == "no_common_slot"
    assert Violation.TEACHER_DOUBLE_BOOKED.id == "teacher_double_booked"
    assert Stat.CANCELED.id == "canceled"


def test_solve_with_progress(conf):
    calls = []
    result = conf.solve(seed=3, progress=lambda phase, cost, frac: calls.append((phase, cost, frac)),
                        progress_interval=50)
    with result:
        phases = [p for p, _, _ in calls]
        assert phases[0] is SolvePhase.BOUND and phases[-1] is SolvePhase.DONE
        assert SolvePhase.IMPROVE in phases
        assert all(0.0 <= f <= 1.0 for _, _, f in calls)
        # The best cost never rises once a schedule exists.
        costs = [c for _, c, _ in calls if c >= 0]
        assert costs == sorted(costs, reverse=True)
        assert costs[-1] == result.metric(Metric.COST)
        assert result.stat(Stat.CANCELED) == 0 and result.stat(Stat.SEED) == 3
        # The cost is the documented weighted sum of the terms.
        m = result.metrics
        assert m["cost"] == (m["unscheduled_weight"] * 1_000_000 + m["extra_sessions"] * 10_000
                             + m["household_wait_slots"] * 100 + m["teacher_idle_slots"]
                             + m["preference_misses"])
        assert m["scheduled_weight"] + m["unscheduled_weight"] == m["total_weight"]
        assert m["scheduled_weight"] <= conf.bound() == m["schedulable_weight_bound"]
        # Every request is either met or listed with a reason.
        met = {x.request for x in result.meetings}
        missing = {u.request for u in result.unscheduled}
        assert met | missing == {r["id"] for r in DOC["requests"]} and not met & missing
        # The checker agrees: no hard constraint broken, same cost.
        with conf.check(result) as report:
            assert report.ok, report.violations
            assert report.metric(Metric.COST) == result.metric(Metric.COST)
        # Per-teacher meetings in time order, all in the teacher's room.
        for mt in result.teacher_meetings("t1"):
            assert "t1" in mt.teachers and mt.room == "r1"
        # Same seed, same schedule (only the elapsed time may differ).
        with conf.solve(seed=3) as again:
            assert ([(x.request, x.session, x.slot) for x in again.meetings]
                    == [(x.request, x.session, x.slot) for x in result.meetings])
            assert again.metrics == result.metrics


def test_cancel_from_the_callback(conf):
    seen = []

    def progress(phase, cost, fraction):
        seen.append(phase)
        return sum(p is SolvePhase.IMPROVE for p in seen) < 3   # stop at the 3rd report

    with conf.solve(seed=1, max_iterations=100_000, progress_interval=10,
                    progress=progress) as result:
        assert result.stat(Stat.CANCELED) == 1
        assert result.stat(Stat.ITERATIONS) < 100_000
        assert result.meetings            # the best schedule so far is kept
        with conf.check(result) as report:
            assert report.ok


def test_exception_in_callback_is_reraised(conf):
    def progress(phase, cost, fraction):
        if phase is SolvePhase.IMPROVE:
            raise KeyError("stop here")

    with pytest.raises(KeyError, match="stop here"):
        conf.solve(progress=progress, progress_interval=10)


def test_hand_made_schedule_and_violations(conf):
    q1 = conf.request("q1")
    t = q1.teachers[0].id
    other = next(r for r in conf.requests if r.teachers[0].id == t and r.id != "q1")
    # Both requests with the same teacher at Monday slot 0: double-booked.
    with conf.result_from_meetings([("q1", "mon", 0), (other.id, "mon", 0)]) as hand:
        assert len(hand.meetings) == 2
        assert all(u.reason is Reason.NOT_PLACED for u in hand.unscheduled)
        with conf.check(hand) as report:
            kinds = {v.kind for v in report.violations}
            assert Violation.TEACHER_DOUBLE_BOOKED in kinds
            v = next(v for v in report.violations if v.kind is Violation.TEACHER_DOUBLE_BOOKED)
            assert v.teacher == t and {v.request, v.other_request} == {"q1", other.id}
    with pytest.raises(triad.NotFoundError) as info:
        conf.result_from_meetings([("q9999", "mon", 0)])
    assert "q9999" in info.value.message
    with pytest.raises(triad.RangeError):
        conf.result_from_meetings([("q1", "mon", 14)])


def test_pins_and_result_round_trip(conf, tmp_path):
    conf.pin("q1", "thu", 5)
    assert conf.request("q1").pin[1] == 5 and conf.request("q1").pin[0].id == "thu"
    with conf.solve(seed=2, max_iterations=200) as result:
        m = next(x for x in result.meetings if x.request == "q1")
        assert (m.session, m.slot, m.pinned) == ("thu", 5, True)
        text = result.save()
        path = tmp_path / "result.json"
        result.save_file(path)
        with conf.load_result(text, source="r.json") as back, conf.load_result_file(path) as back2:
            assert back.save() == text == back2.save()
            assert back.metric(Metric.COST) == result.metric(Metric.COST)
        # Re-solving with the published schedule as previous keeps it stable.
        conf.unpin("q1")
        assert conf.request("q1").pin is None
        with conf.solve(seed=9, max_iterations=200, previous=result) as again:
            assert again.metric(Metric.MOVED_MEETINGS) >= 0
        conf.pin_result(result)
        assert all(conf.request(x.request).pin is not None for x in result.meetings)
    saved = conf.save()
    with Conference.load(saved) as copy:
        assert copy.request("q1").pin is not None


def test_load_file():
    with Conference.load_file(DATA) as c:
        assert len(c.requests) == len(DOC["requests"])
    with pytest.raises(triad.TriadIOError):
        Conference.load_file(DATA.with_name("missing.json"))


def test_load_errors_have_locations():
    with pytest.raises(triad.ParseError) as info:
        Conference.load('{"format": "triad.conference/1",\n "sessions": [}', source="bad.json")
    assert (info.value.line, info.value.column, info.value.source) == (2, 15, "bad.json")
    bad = json.loads(json.dumps(DOC))
    bad["requests"][2]["teachers"] = ["t42"]
    with pytest.raises(triad.FormatError) as info:
        Conference.load(json.dumps(bad), source="bad.json")
    assert info.value.path == "requests[2].teachers[0]"
    with pytest.raises(triad.VersionError):
        Conference.load('{"format": "triad.conference/9"}')


def test_exports(conf):
    with conf.solve(seed=4, max_iterations=300) as result:
        opts = export.ExportOptions(lang=triad.Lang.EN, school_name="Het Baken",
                                    uid_domain="hetbaken.example")
        h = result.meetings[0].household
        ics = export.household_ics(conf, result, h, opts)
        assert ics.startswith("BEGIN:VCALENDAR\r\n") and "TZID=Europe/Amsterdam" in ics
        assert ics.count("BEGIN:VEVENT") == len(result.household_meetings(h))
        assert "@hetbaken.example" in ics
        t = result.meetings[0].teachers[0]
        assert export.teacher_ics(conf, result, t).count("BEGIN:VEVENT") == len(result.teacher_meetings(t))
        page = export.html(conf, result, opts)
        assert page.lstrip().lower().startswith("<!doctype html>") and "Het Baken" in page
        letter = export.letter(conf, result, h, opts)
        assert "Het Baken" in letter
        with pytest.raises(triad.NotFoundError):
            export.letter(conf, result, "h999")
        with pytest.raises(triad.InvalidArgumentError):
            export.html(conf, result, export.ExportOptions(uid_domain="not a domain!"))
