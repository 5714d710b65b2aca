"""The parent–child–school agreement: started from the roster of
tests/data/school/good.json (s1 born 2010-03-15: 16 in September 2026, so
the parents with authority sign too), signed, activated, saved and loaded
back (round trip), validated and rendered."""
import datetime as dt
import pathlib

import pytest

import triad
from triad import ContactKind, Roster, policy
from triad.agreement import (Agreement, AgreementState, CommitmentKind, PartyRole, Period,
                             RenderFormat, Section, Severity, catalogue, catalogue_clause)
from triad.categories import Category

GOOD = pathlib.Path(__file__).resolve().parents[3] / "tests" / "data" / "school" / "good.json"


@pytest.fixture
def roster():
    with Roster.load_file(GOOD) as r:
        yield r


@pytest.fixture
def draft(roster):
    with Agreement.start("agr-s1-2026", roster, "s1", "t1", 2026) as a:
        yield a


def test_start_from_the_roster(roster, draft):
    v = draft.latest
    assert (draft.id, draft.state, v.number) == ("agr-s1-2026", AgreementState.DRAFT, 1)
    # The student, the guardians with authority (not the step-parent), the mentor.
    assert [(p.role, p.id) for p in v.parties] == [
        (PartyRole.STUDENT, "s1"), (PartyRole.GUARDIAN, "m1"), (PartyRole.GUARDIAN, "f1"),
        (PartyRole.SCHOOL, "t1")]
    assert (v.valid_from, v.valid_to) == (dt.date(2026, 8, 1), dt.date(2027, 7, 31))
    assert (v.school_type, v.student_year, v.student_id) == ("havo", 3, "s1")
    # Every catalogue clause, in catalogue order.
    assert [c.id for c in v.clauses] == [c.id for c in catalogue()]
    assert v.proposed is None and v.signatures == ()
    positive = draft.clause("school.positive_contact")
    assert positive.text_nl == catalogue_clause("school.positive_contact").text_nl
    assert positive.commitment is not None and positive.commitment.kind is CommitmentKind.MIN_COUNT
    assert len(v.commitments) == sum(c.commitment is not None for c in v.clauses)
    assert v.protocol[0].subject == "study_progress"
    with pytest.raises(triad.NotFoundError):
        Agreement.start("a", roster, "s99", "t1", 2026)
    with pytest.raises(triad.NotFoundError):
        catalogue_clause("school.nonsense")


def test_lifecycle_and_round_trip(roster, draft, tmp_path):
    draft.add_clause("parents.read_along", Section.PARENTS, Category.INVOLVEMENT_HOME,
                     PartyRole.GUARDIAN, PartyRole.SCHOOL, to_id="t1")
    draft.set_clause_text("parents.read_along", "Wij lezen mee.", "We read along.")
    draft.add_clause_variant("parents.read_along", 4, 6, PartyRole.STUDENT, "Ik lees zelf.", "I read myself.")
    draft.set_min_count("parents.read_along", ContactKind.CONFERENCE, 2, Period.SCHOOL_YEAR)
    c = draft.clause("parents.read_along")
    assert (c.text_en, c.variants[0].year_from, c.variants[0].from_role) == ("We read along.", 4, PartyRole.STUDENT)
    assert (c.commitment.count, c.commitment.period) == (2, Period.SCHOOL_YEAR)
    draft.propose("2026-09-01")
    assert draft.state is AgreementState.PROPOSED
    with pytest.raises(triad.StateError):
        draft.remove_clause("parents.read_along")         # proposed: no changes
    signers = policy.signers(roster, "s1", "2026-09-01")
    assert signers == ["s1", "m1", "f1"]
    for s in signers[:-1]:
        draft.sign(s, "2026-09-02")
    with pytest.raises(triad.StateError) as info:
        draft.activate(roster, "2026-09-03")
    assert "f1" in info.value.message                     # names who has not signed
    draft.sign("f1", "2026-09-02")
    draft.sign("t1", "2026-09-02")
    with pytest.raises(triad.ExistsError):
        draft.sign("t1", "2026-09-02")
    with pytest.raises(triad.RangeError):
        draft.activate(roster, "2026-08-31")             # before the proposal
    draft.activate(roster, "2026-09-03")
    v = draft.latest
    assert (draft.state, v.activated, [s.id for s in v.signatures]) == (
        AgreementState.ACTIVE, dt.date(2026, 9, 3), ["s1", "m1", "f1", "t1"])
    assert draft.in_force("2026-10-01").number == 1 and draft.in_force("2026-09-02") is None
    # Round trip through text and through a file.
    text = draft.save()
    with Agreement.load(text, source="agr.json") as back:
        assert back == draft and back.save() == text
        assert back.latest == v
    draft.save_file(tmp_path / "agr.json")
    with Agreement.load_file(tmp_path / "agr.json") as back:
        assert back == draft
    # Ending it.
    with pytest.raises(triad.StateError):
        draft.expire("2027-07-31")                         # not after its last day
    draft.terminate("2027-01-15", "the student changed schools")
    assert draft.state is AgreementState.TERMINATED
    assert draft.latest.end_reason == "the student changed schools"
    assert draft.latest.ended == dt.date(2027, 1, 15)


def test_load_errors_have_locations():
    with pytest.raises(triad.ParseError) as info:
        Agreement.load('{"format": "triad.agreement/1",\n "id": }', source="a.json")
    assert (info.value.line, info.value.source) == (2, "a.json")
    with pytest.raises(triad.FormatError) as info:
        Agreement.load('{"format": "triad.agreement/1", "id": 7}', source="a.json")
    assert info.value.path == "id"
    with pytest.raises(triad.VersionError):
        Agreement.load('{"format": "triad.agreement/2"}')


def test_validate_and_render(roster, draft):
    assert draft.validate(roster, "2026-09-01") == []
    draft.remove_party("f1")                               # a parent with authority left out
    findings = draft.validate(roster, "2026-09-01")
    assert findings and findings.at_least(Severity.INFO) == len(findings)
    assert any("f1" in f.message for f in findings)
    assert findings.at_least(Severity.ERROR) <= findings.at_least(Severity.WARNING)
    text = draft.render(RenderFormat.TEXT, triad.Lang.EN, roster=roster)
    assert "Emma Jansen (s1)" in text and "Valid: 2026-08-01 to 2027-07-31" in text
    html = draft.render(RenderFormat.HTML, triad.Lang.NL, roster=roster)
    assert html.lstrip().lower().startswith("<!doctype html>")
    md = draft.render(RenderFormat.MARKDOWN)
    assert md.startswith("#")
    assert Section.PARENTS.label(triad.Lang.EN) and AgreementState.TERMINATED.id == "terminated"
    assert PartyRole.ALL.id == "all" and Period.REPORT_PERIOD.id == "report_period"
    assert Severity.WARNING.id == "warning" and CommitmentKind.MAX_INTERVAL.id == "max_interval"


def test_yearly_renewal(roster, draft):
    with draft.renew("agr-s1-2027", roster, 2027) as nxt:
        v = nxt.latest
        # A year up (havo 3 -> 4), valid for 2027-2028, a new draft; the
        # old agreement is unchanged.
        assert (nxt.id, nxt.state, v.student_year) == ("agr-s1-2027", AgreementState.DRAFT, 4)
        assert (v.valid_from, v.valid_to) == (dt.date(2027, 8, 1), dt.date(2028, 7, 31))
        assert [c.id for c in v.clauses] == [c.id for c in draft.latest.clauses]
        assert draft.latest.student_year == 3
    with pytest.raises(triad.InvalidArgumentError):
        draft.renew("bad id!", roster, 2027)


def test_compliance_with_the_log(roster, draft):
    from triad import Channel
    from triad.compliance import check_compliance
    from triad.contactlog import Contact, ContactLog, Initiator, Tone
    # A commitment of one mentor call a month: August has none, September one.
    draft.add_clause("school.monthly_call", Section.SCHOOL, Category.INVOLVEMENT_SCHOOL,
                     PartyRole.SCHOOL, PartyRole.GUARDIAN)
    draft.set_clause_text("school.monthly_call", "Elke maand belt de mentor.", "The mentor calls every month.")
    draft.set_min_count("school.monthly_call", ContactKind.MENTOR_CALL, 1, Period.MONTH)
    with ContactLog() as log:
        log.add(Contact("c1", "2026-09-10", ContactKind.MENTOR_CALL, Channel.PHONE, Initiator.SCHOOL,
                        Tone.NEUTRAL, "h1", students=("s1",)))
        report = check_compliance(draft, log, "2026-10-01")
    assert report.checked == len(draft.latest.commitments)
    monthly = [f for f in report.findings if f.clause == "school.monthly_call"]
    assert [(f.kind, f.start, f.end, f.expected, f.actual) for f in monthly] == [
        (CommitmentKind.MIN_COUNT, dt.date(2026, 8, 1), dt.date(2026, 8, 31), 1, 0)]
    assert "school.monthly_call" in report.json and report.text(triad.Lang.EN)
    assert not report.kept
