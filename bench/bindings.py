#!/usr/bin/env python3
"""What the Python binding costs on top of the C library: each row times the
same work through the binding's Pythonic wrapper and through a bare ctypes
call of the same C function (the baseline: C plus the minimum FFI cost), and
for dates also pure Python. Run against a built library:

    TRIAD_LIBRARY=build/lib/libtriad.so.0 PYTHONPATH=bindings/python \\
        /usr/bin/python3 bench/bindings.py
"""
import ctypes
import pathlib
import time

import triad
from triad import date as tdate, roster as troster

ROOT = pathlib.Path(__file__).resolve().parents[1]
GOOD = (ROOT / "tests" / "data" / "school" / "good.json").read_bytes()


def per_call(fn, n):
    fn()
    t = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - t) / n * 1e6


def row(name, n, wrapper, baseline, python=None):
    w, b = per_call(wrapper, n), per_call(baseline, n)
    p = f"{per_call(python, n):10.2f}" if python else f"{'-':>10}"
    print(f"{name:34} {w:10.2f} {b:10.2f} {p} {w / b:8.2f}x")


print(f"libtriad {triad.version()} from Python (microseconds per call)")
print(f"{'operation':34} {'binding':>10} {'bare C':>10} {'Python':>10} {'ratio':>9}")
out = ctypes.c_int32()
row("parse a date", 200_000, lambda: tdate.parse("2026-11-26"),
    lambda: tdate._parse(ctypes.byref(out), b"2026-11-26"),
    lambda: __import__("datetime").date.fromisoformat("2026-11-26"))
row("weekday of a date", 200_000, lambda: tdate.weekday("2026-11-26"),
    lambda: tdate._weekday(20418),
    lambda: __import__("datetime").date(2026, 11, 26).isoweekday())


def load_wrapped():
    with troster.Roster.load(GOOD):
        pass


def load_bare():
    p = troster.RosterP()
    troster._load(ctypes.byref(p), GOOD, len(GOOD), None, None)
    troster._free(p)


row("load good.json (3 students)", 5_000, load_wrapped, load_bare)
r = troster.Roster.load(GOOD)
row("student guardians (id list)", 100_000, lambda: r.student_guardians("s1"),
    lambda: troster._nav["student_guardians"](ctypes.byref(troster.StrListP()), r._h, b"s1"))
row("read a student's name", 200_000, lambda: r.student("s1").given_name,
    lambda: troster._s["given_name"](troster._student(r._h, b"s1")))
r.close()
