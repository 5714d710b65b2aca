"""Creating and freeing 100,000 objects must not grow the process: every
wrapper frees its C object, through close() or through its finalizer."""
import gc
import os

import triad
from triad import SchoolTypes

PAGE = os.sysconf("SC_PAGE_SIZE")
# Allowed growth. A leaked SchoolTypes holds 7 types with 3 strings each,
# about 1 KiB, so a leak of 100,000 would be some 100 MiB: far above this.
SLACK = 8 * 1024 * 1024


def rss() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


def churn(n: int, close: bool) -> None:
    for i in range(n):
        st = SchoolTypes()
        st.add("own-type", "eigen type", "own type", 1 + i % 12)
        assert st.years("own-type") == 1 + i % 12
        if close:
            st.close()
        # else: dropping the last reference runs the finalizer


def test_create_and_close_100000():
    churn(5000, True)          # warm up allocator arenas and caches
    gc.collect()
    before = rss()
    churn(100_000, True)
    gc.collect()
    grown = rss() - before
    assert grown < SLACK, f"RSS grew by {grown} bytes over 100,000 objects"


def test_finalizers_free_100000():
    churn(5000, False)
    gc.collect()
    before = rss()
    churn(100_000, False)
    gc.collect()
    grown = rss() - before
    assert grown < SLACK, f"RSS grew by {grown} bytes over 100,000 objects"


def test_with_block_frees_and_error_inside_still_frees():
    st = None
    try:
        with SchoolTypes() as st:
            st.years("gymnasium")
    except triad.NotFoundError:
        pass
    assert st is not None and st.closed


def roster_churn(n: int, types: SchoolTypes) -> None:
    for i in range(n):
        r = triad.Roster(types)
        r.add_staff("t1", "Anna", "Smit", triad.StaffRole.MENTOR)
        r.add_student("s1", "Emma", "Jansen", "2010-03-15", "havo", 1 + i % 5, mentor_id="t1")
        assert r.mentor_students("t1") == ["s1"]
        if i % 2:
            r.close()


def test_100000_rosters_borrowing_one_set_of_school_types():
    # Half closed explicitly, half by their finalizer; the borrowers table of
    # the shared school types must not keep them.
    with SchoolTypes() as types:
        roster_churn(5000, types)
        gc.collect()
        before = rss()
        roster_churn(100_000, types)
        gc.collect()
        grown = rss() - before
        assert grown < SLACK, f"RSS grew by {grown} bytes over 100,000 rosters"
        assert not types._borrowers
