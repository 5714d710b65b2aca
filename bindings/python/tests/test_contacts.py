"""Contact plans, the contact log and the analytics on the school of
tests/data/school/good.json and the calendar school-2025.json."""
import datetime as dt
import json
import pathlib

import pytest

import triad
from triad import Channel, ContactKind, Roster
from triad.analytics import (ExpectedState, HardReason, PlanStatus, ReachGroup, ReachOptions,
                             ReachReport)
from triad.calendar import Calendar
from triad.contactlog import (Contact, ContactLog, ContactReader, ContactWriter, Initiator, Tone,
                              pseudonym)
from triad.contactplan import (Audience, ContactPlan, PlanAccess, PlanPer, PlanRule, PlanTiming,
                               PlanWith)

DATA = pathlib.Path(__file__).resolve().parents[3] / "tests" / "data"


@pytest.fixture
def school():
    with Roster.load_file(DATA / "school" / "good.json") as r, \
            Calendar.load_file(DATA / "calendar" / "school-2025.json") as c:
        yield r, c


def intake(id, day, household, reached=True, **kw):
    return Contact(id, day, ContactKind.INTAKE, Channel.IN_PERSON, Initiator.SCHOOL, Tone.POSITIVE,
                   household, reached=reached, **kw)


def test_plan_rules(tmp_path):
    with ContactPlan.default() as p:
        assert [r.id for r in p.rules] == ["intake", "positive", "triangle", "conference"]
        r = p.rule("intake")
        assert (r.kind, r.timing, r.n, r.with_) == (ContactKind.INTAKE, PlanTiming.FIRST_WEEKS, 4, PlanWith.MENTOR)
        rule = PlanRule("note-y12", ContactKind.POSITIVE_NOTE, PlanTiming.EVERY_WEEKS, n=6,
                        channel=Channel.EMAIL, per=PlanPer.STUDENT, years=(1, 2),
                        school_types=("havo", "vwo"), classes=("1A",), deadline=dt.date(2026, 6, 1),
                        note="Elke zes weken iets positiefs")
        p.add_rule(rule)
        assert p.rule("note-y12") == rule
        with pytest.raises(triad.ExistsError):
            p.add_rule(rule)
        with pytest.raises(triad.InvalidArgumentError):
            p.add_rule(PlanRule("bad id!", ContactKind.INTAKE, PlanTiming.ONCE_A_YEAR))
        p.remove_rule("positive")
        assert len(p.rules) == 4
        text = p.save()
        with ContactPlan.load(text, source="plan.json") as back:
            assert back.rules == p.rules
        p.save_file(tmp_path / "plan.json")
        with ContactPlan.load_file(tmp_path / "plan.json") as back:
            assert back.save() == text
    with ContactPlan.load_file(DATA / "contactplan" / "custom.json") as c:
        assert c.rule("home-visit-y1").years == (1,)
        assert c.rule("havo-call").classes == ("2a",)
    assert PlanWith.SCHOOL_LEADER.id == "school_leader" and PlanTiming.AFTER_REPORT.id == "after_report"
    assert PlanAccess.ON_REQUEST.id == "on_request"


def test_audience_and_expected(school):
    roster, cal = school
    with Audience.from_roster(roster, "2025-09-01") as aud, ContactPlan.default() as plan:
        assert aud[0].household_id == "h1" and aud[0].access is PlanAccess.FULL
        with plan.generate(cal, aud) as exp:
            # f2 (household h4) is restricted for s2: left out.
            assert [(s.household, s.student, s.access) for s in exp.skipped] == [
                ("h4", "s2", PlanAccess.RESTRICTED)]
            intakes = [e for e in exp if e.rule == "intake"]
            # One intake per household and mentor: h1 and h2 have s1 (mentor
            # t1) and s3 (mentor t3), h3 has s2 (t1). Due on the Friday of
            # the fourth school week: weeks of 25 Aug, 1, 8, 15 September.
            assert sorted((e.household, e.staff) for e in intakes) == [
                ("h1", "t1"), ("h1", "t3"), ("h2", "t1"), ("h2", "t3"), ("h3", "t1")]
            assert all(e.earliest == dt.date(2025, 8, 25) and e.due == dt.date(2025, 9, 19)
                       for e in intakes)
    with Audience() as aud:
        aud.add("hx", "sx", "havo", 2, class_name="2a", mentor_id="t1")
        assert len(aud) == 1 and aud[0].class_name == "2a"
        with pytest.raises(triad.InvalidArgumentError):
            aud.add("hx", "sy", "havo", 13)


def test_log_entries(tmp_path):
    with ContactLog() as log:
        log.add(intake("c1", "2025-09-03", "h1", minute=600, staff="t1", guardians=("m1",),
                       students=("s1",), student_present=True))
        log.add(Contact("c2", "2025-09-05", ContactKind.MENTOR_CALL, Channel.PHONE, Initiator.SCHOOL,
                        Tone.NEUTRAL, "h3", reached=False))
        assert len(log) == 2 and log.find("c2") == 1
        assert log[0].guardians == ("m1",) and log[0].minute == 600 and log[0].student_present
        assert log.get("c2").reached is False
        with pytest.raises(triad.InvalidArgumentError) as info:
            log.add(intake("c3", "2025-09-03", "h1", minute=1440))
        assert "minute" in info.value.message
        with pytest.raises(triad.InvalidArgumentError):
            intake("c3", "2025-09-03", "", minute=0).validate()
        with pytest.raises(triad.ExistsError):
            log.add(intake("c1", "2025-09-03", "h1"))
        fixed = intake("c2", "2025-09-05", "h3", reached=True)
        log.correct(fixed)
        assert log.get("c2").reached
        log.add(Contact("c4", "2025-09-08", ContactKind.CONCERN, Channel.EMAIL, Initiator.PARENT,
                        Tone.CONCERN, "h3", answers="c2"))
        with pytest.raises(triad.StateError):
            log.remove("c2")             # c4 answers it
        # Round trips: JSON text, file, JSON Lines.
        text = log.to_json()
        assert json.loads(text)["format"] == "triad.contact-log/1"
        with ContactLog.load(text, source="log.json") as back:
            assert list(back) == list(log)
        log.save(tmp_path / "log.json")
        log.save_jsonl(tmp_path / "log.jsonl")
        with ContactLog.load_file(tmp_path / "log.json") as a, ContactLog.load_jsonl(tmp_path / "log.jsonl") as b:
            assert list(a) == list(b) == list(log)
        with ContactReader(tmp_path / "log.jsonl") as r:
            assert [c.id for c in r] == ["c1", "c2", "c4"]
            assert r.line == 4
        with ContactWriter(tmp_path / "w.jsonl") as w:
            for c in log:
                w.write(c)
        with ContactLog.load_jsonl(tmp_path / "w.jsonl") as back:
            assert list(back) == list(log)
        with pytest.raises(RuntimeError):
            with ContactWriter(tmp_path / "abandoned.jsonl") as w:
                w.write(log[0])
                raise RuntimeError("stop")
        assert not (tmp_path / "abandoned.jsonl").exists()
        # Privacy.
        with log.for_household("h3") as h3:
            assert [c.id for c in h3] == ["c2", "c4"]
        key = b"0123456789abcdef"
        p = pseudonym("h1", key)
        assert p.startswith("p") and len(p) == 25 and p == pseudonym("h1", key) != pseudonym("h1", key[::-1])
        with log.pseudonymize(key) as pl:
            assert pl[0].household == p and pl[0].id != "c1"
        with pytest.raises(triad.InvalidArgumentError):
            pseudonym("h1", b"short")
        removed, changed = log.erase("h3")
        assert removed == ["c2", "c4"] and len(log) == 1
        assert log.retain("2031-09-01", 1) == 1 and len(log) == 0


def test_jsonl_errors_name_the_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"format":"triad.contact-log/1"}\n'
                   '{"id":"c1","at":"2025-09-03T10:00","kind":"intake","channel":"in_person",'
                   '"initiator":"school","tone":"positive","reached":true,"household":"h1"}\n'
                   '{"id": "c2", \n')
    with pytest.raises(triad.ParseError) as info:
        ContactLog.load_jsonl(bad)
    assert info.value.line == 3
    with ContactReader(bad) as r:
        assert next(r).id == "c1"
        with pytest.raises(triad.ParseError):
            next(r)


def test_reach_and_plan_status(school):
    roster, cal = school
    with ContactLog() as log, Audience.from_roster(roster, "2025-09-01") as aud:
        log.add(intake("c1", "2025-09-03", "h1", students=("s1",)))
        log.add(Contact("c2", "2025-09-05", ContactKind.MENTOR_CALL, Channel.PHONE, Initiator.SCHOOL,
                        Tone.NEUTRAL, "h3", reached=False))
        with ReachReport(log, aud, "2025-10-01", ReachOptions(calendar=cal)) as rep:
            school_group = rep.groups[0]
            assert (school_group.type, school_group.name) == (ReachGroup.SCHOOL, "")
            f = school_group.figures
            # Households h1, h2, h3 (h4 is restricted); h1 reached by a
            # proactive positive contact; h3 one failed attempt.
            assert (f.households, f.reached, f.contacts, f.proactive, f.failed,
                    f.never_contacted) == (3, 1, 1, 1, 1, 2)
            assert f.reach == pytest.approx(1 / 3) and f.proactive_share == 1.0
            assert [(n.household, n.attempts, n.last_attempt) for n in rep.never_contacted] == [
                ("h2", 0, None), ("h3", 1, dt.date(2025, 9, 5))]
            assert rep.window[1] == dt.date(2025, 10, 1)
            assert {g.type for g in rep.groups} >= {ReachGroup.CLASS, ReachGroup.MENTOR}
            assert "h3" in rep.text(triad.Lang.EN)
            assert json.loads(rep.to_json())["format"].startswith("triad.reach-report/")
        with pytest.raises(triad.InvalidArgumentError):
            ReachReport(log, aud, "2025-10-01", ReachOptions(window=("2025-10-01", "2025-09-01")))
        with ContactPlan.default() as plan, plan.generate(cal, aud) as exp:
            status = PlanStatus(exp, log, "2025-10-01")
            i = next(k for k, e in enumerate(exp) if e.rule == "intake" and e.household == "h1")
            assert status[i] == (ExpectedState.DONE, "c1")
            j = next(k for k, e in enumerate(exp) if e.rule == "intake" and e.household == "h3")
            assert status[j] == (ExpectedState.OVERDUE, None)   # due 19 September
            h1 = status.household("h1")
            assert h1.done == 1 and h1.next is not None
            assert "h2" in status.text(lang=triad.Lang.EN)
            assert ExpectedState.DONE_LATE.id == "done_late"
            # The household's calendar: a VTODO per expected contact, the
            # intake done by c1 completed.
            from triad.contactics import to_ics
            ics = to_ics("2025-10-01", household="h1", expected=exp, status=status, log=log,
                         lang=triad.Lang.EN)
            assert ics.startswith("BEGIN:VCALENDAR\r\n") and "TZID:Europe/Amsterdam" in ics
            assert ics.count("BEGIN:VTODO") == sum(e.household == "h1" for e in exp)
            assert "STATUS:COMPLETED" in ics
            with pytest.raises(triad.InvalidArgumentError):
                to_ics("2025-10-01", household="h1", staff="t1", expected=exp)
            with pytest.raises(triad.NotFoundError):
                status.household("h9")
            exp.close()                   # closes the status that borrows it
            assert status.closed
    assert HardReason.FAILED_IN_ROW == 2
