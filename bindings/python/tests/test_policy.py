"""The age policy on the roster of tests/data/school/good.json. s1 was born
2010-03-15 (16 on 2026-03-15, 18 on 2028-03-15); s2 on 2009-11-02 (16 on
2025-11-02, 18 on 2027-11-02)."""
import pathlib

import pytest

import triad
from triad import PolicyOptions, Roster, policy

GOOD = pathlib.Path(__file__).resolve().parents[3] / "tests" / "data" / "school" / "good.json"


@pytest.fixture
def roster():
    with Roster.load_file(GOOD) as r:
        yield r


def test_consenters_switch_at_16(roster):
    # Before 16: guardians with authority in priority order (m1, f1; sp1 has none).
    assert policy.consenters(roster, "s1", "2026-03-14") == ["m1", "f1"]
    assert policy.consenters(roster, "s1", "2026-03-15") == ["s1"]


def test_signers_and_informed(roster):
    assert policy.signers(roster, "s1", "2026-09-01") == ["s1", "m1", "f1"]
    # Adult: the student, then those chosen to co-sign (m1 only).
    assert policy.signers(roster, "s1", "2028-03-15") == ["s1", "m1"]
    assert policy.informed(roster, "s1", "2026-09-01") == (["m1", "f1"], ["sp1"])
    assert policy.informed(roster, "s1", "2028-03-15") == (["m1", "f1"], [])
    # s2: f2 is restricted, before and after 18; m2 was not chosen.
    assert policy.informed(roster, "s2", "2027-11-01") == (["m2"], [])
    assert policy.informed(roster, "s2", "2027-11-02") == ([], [])


def test_consent_in_force(roster):
    # f1 withdrew on 2024-05-01 and gave again on 2024-09-02.
    assert not policy.consent_in_force(roster, "s1", "photos", "2024-06-01")
    assert policy.consent_in_force(roster, "s1", "photos", "2024-09-02")
    # From 16 only s1 counts; s1 consented on 2026-04-01.
    assert not policy.consent_in_force(roster, "s1", "photos", "2026-03-15")
    assert policy.consent_in_force(roster, "s1", "photos", "2026-04-01")
    # f2 has no authority: the record does not count.
    assert not policy.consent_in_force(roster, "s2", "photos", "2023-01-01")
    assert policy.consent_in_force(roster, "s2", "data_processing", "2023-01-01")
    assert not policy.consent_in_force(roster, "s2", "data_processing", "2025-11-02")
    with pytest.raises(triad.InvalidArgumentError):
        policy.consent_in_force(roster, "s2", "Photos!", "2023-01-01")


def test_is_adult_and_options(roster):
    assert not policy.is_adult(roster, "s2", "2027-11-01")
    assert policy.is_adult(roster, "s2", "2027-11-02")
    opts = PolicyOptions(majority_age=16)
    assert (opts.version, opts.consent_age, opts.majority_age) == (1, 16, 16)
    assert policy.is_adult(roster, "s1", "2026-03-15", opts)
    assert PolicyOptions().majority_age == 18
    with pytest.raises(triad.InvalidArgumentError) as info:
        policy.is_adult(roster, "s1", "2026-03-15", PolicyOptions(consent_age=17, majority_age=16))
    assert "majority_age" in info.value.message or "consent_age" in info.value.message
    with pytest.raises(triad.NotFoundError):
        policy.signers(roster, "s9", "2026-01-01")
    with pytest.raises(triad.InvalidArgumentError):
        policy.signers(roster, "s1", "2000-01-01")     # before the birth date
