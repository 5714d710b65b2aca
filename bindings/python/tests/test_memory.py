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
