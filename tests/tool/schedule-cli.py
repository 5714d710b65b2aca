#!/usr/bin/env python3
"""The triad tool's schedule and schedule-check subcommands, as a school runs
them: schedule an evening, publish it, re-plan after a late request.

The instance (worked out by hand): one evening of 4 slots; teacher t1 is
asked for by h1..h4 (required, weight 2 each) and fills all 4 slots; h1 also
asks for t2 (optional). Every request fits, so the schedule meets all 5.

Then a late request arrives: h5 is invited (weight 4) by t1, who has no
free slot left.
- `--previous RESULT`: meeting h5 is worth more than any one required
  meeting, so exactly one of h1..h4's t1 meetings gives way (dropped: one
  moved meeting, 2 units unscheduled) and no other meeting moves, since a
  move costs 20,000 and nothing else is to gain that much.
- `--keep RESULT`: the published meetings are pinned, so h5's request stays
  unscheduled (4 units) and every published meeting stays where it was.

schedule-check: the solver's result passes (exit 0); two meetings of t1 in
one slot are a "teacher_double_booked" violation naming t1 (exit 1).
Bad input: a syntax error names the file and the line (exit 1); a
published schedule that names an unknown request names it (exit 1); bad
options exit 2. --html and --ics write one file per household and teacher.

Usage: schedule-cli.py TRIAD_TOOL
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(tool, *args):
    return subprocess.run([tool] + list(args), capture_output=True, text=True)


def instance(late=False):
    households = [{"id": "h%d" % i, "name": "Fam. %d" % i} for i in range(1, 6 if late else 5)]
    requests = [{"id": "r%d" % i, "household": "h%d" % i, "teachers": ["t1"],
                 "priority": "required"} for i in range(1, 5)]
    requests.append({"id": "r1b", "household": "h1", "teachers": ["t2"], "priority": "optional"})
    if late:
        requests.append({"id": "late", "household": "h5", "teachers": ["t1"],
                         "priority": "invited"})
    return {
        "format": "triad.conference/1",
        "sessions": [{"id": "s1", "date": "2026-11-10", "start": "19:00", "slots": 4}],
        "rooms": [{"id": "A"}, {"id": "B"}],
        "teachers": [
            {"id": "t1", "name": "Mw. Jansen", "sessions": [{"session": "s1", "room": "A"}]},
            {"id": "t2", "name": "Dhr. Smit", "sessions": [{"session": "s1", "room": "B"}]},
        ],
        "households": households,
        "requests": requests,
    }


def write(path, doc):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f)


def read(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def places(result):
    return {m["request"]: (m["session"], m["slot"]) for m in result["meetings"]}


def test_schedule_and_check(tool, tmp):
    inst = os.path.join(tmp, "evening.json")
    res = os.path.join(tmp, "result.json")
    write(inst, instance())
    p = run(tool, "schedule", inst, "-o", res, "--seed", "3")
    check(p.returncode == 0, "schedule exits 0 (%s)" % p.stderr)
    r = read(res)
    check(r["format"] == "triad.conference-result/1", "the result names its format")
    check(sorted(places(r)) == ["r1", "r1b", "r2", "r3", "r4"], "all five requests are met")
    check(sorted(s for (_, s) in (places(r)[k] for k in ("r1", "r2", "r3", "r4"))) == [0, 1, 2, 3],
          "t1's four meetings fill its four slots")
    check(r["metrics"]["unscheduled_weight"] == 0, "nothing is unscheduled")
    check("5 meetings, 0 unscheduled" in p.stdout, "schedule prints the counts: " + p.stdout)

    p = run(tool, "schedule-check", inst, res)
    check(p.returncode == 0, "the solver's result passes the checker")
    check("0 violations" in p.stdout, "schedule-check reports no violation: " + p.stdout)

    # two of t1's meetings in slot 0
    edited = dict(r)
    edited["meetings"] = [dict(m, slot=0) if m["request"] in ("r1", "r2") else m
                          for m in r["meetings"]]
    bad = os.path.join(tmp, "edited.json")
    write(bad, edited)
    p = run(tool, "schedule-check", inst, bad)
    check(p.returncode == 1, "a double booking makes schedule-check exit 1")
    check("violation teacher_double_booked" in p.stdout and "t1" in p.stdout,
          "the violation is named with the teacher: " + p.stdout)
    return res


def test_replan(tool, tmp, published):
    before = places(read(published))
    late = os.path.join(tmp, "late.json")
    write(late, instance(late=True))

    res = os.path.join(tmp, "replanned.json")
    p = run(tool, "schedule", late, "-o", res, "--previous", published)
    check(p.returncode == 0, "re-planning exits 0 (%s)" % p.stderr)
    r = read(res)
    after = places(r)
    check("late" in after, "the invited late request is met")
    kept = [k for k in before if after.get(k) == before[k]]
    check(len(kept) == 4, "all but one published meeting stay where they were: %s" % kept)
    check(r["metrics"]["moved_meetings"] == 1, "one meeting moved (dropped)")
    check(r["metrics"]["unscheduled_weight"] == 2, "the dropped meeting is a required one")

    res = os.path.join(tmp, "kept.json")
    p = run(tool, "schedule", late, "-o", res, "--keep", published)
    check(p.returncode == 0, "--keep exits 0 (%s)" % p.stderr)
    r = read(res)
    check(places(r) == before, "--keep leaves every published meeting in place")
    uns = {u["request"]: u["reason"] for u in r["unscheduled"]}
    check(list(uns) == ["late"], "only the late request is unscheduled: %s" % uns)
    check(r["metrics"]["unscheduled_weight"] == 4, "its weight (invited, 4) is unscheduled")


def test_exports(tool, tmp):
    inst = os.path.join(tmp, "evening.json")
    html, ics = os.path.join(tmp, "html"), os.path.join(tmp, "ics")
    p = run(tool, "schedule", inst, "-o", os.path.join(tmp, "r.json"), "--html", html,
            "--ics", ics, "--lang", "en", "--school", "Het Lyceum")
    check(p.returncode == 0, "schedule with exports exits 0 (%s)" % p.stderr)
    check(sorted(os.listdir(html)) == ["index.html"] + ["letter-h%d.txt" % i for i in range(1, 5)],
          "the HTML view and a letter per household: %s" % sorted(os.listdir(html)))
    check(sorted(os.listdir(ics)) == ["household-h%d.ics" % i for i in range(1, 5)]
          + ["teacher-t1.ics", "teacher-t2.ics"],
          "a calendar per household and teacher: %s" % sorted(os.listdir(ics)))
    with open(os.path.join(html, "letter-h1.txt"), encoding="utf-8") as f:
        letter = f.read()
    check("Mw. Jansen" in letter and "Dhr. Smit" in letter, "h1's letter names both teachers")
    with open(os.path.join(ics, "teacher-t1.ics"), encoding="utf-8") as f:
        cal = f.read()
    check(cal.count("BEGIN:VEVENT") == 4, "t1's calendar has its four meetings")


def test_bad_input(tool, tmp):
    inst = os.path.join(tmp, "evening.json")
    out = os.path.join(tmp, "never.json")
    broken = os.path.join(tmp, "broken.json")
    with open(broken, "w", encoding="utf-8") as f:
        f.write('{\n  "format": "triad.conference/1",\n  "sessions": [,]\n}\n')
    p = run(tool, "schedule", broken, "-o", out)
    check(p.returncode == 1, "a syntax error exits 1")
    check("broken.json" in p.stderr and "line 3" in p.stderr,
          "the message names the file and the line: " + p.stderr)
    check(not os.path.exists(out), "nothing is written")

    stale = os.path.join(tmp, "stale.json")
    write(stale, {"format": "triad.conference-result/1",
                  "meetings": [{"request": "gone", "session": "s1", "slot": 0}]})
    p = run(tool, "schedule", inst, "-o", out, "--previous", stale)
    check(p.returncode == 1, "a published schedule with an unknown request exits 1")
    check("gone" in p.stderr, "the message names the request: " + p.stderr)
    check(not os.path.exists(out), "nothing is written")

    for args, what in (((inst,), "no -o"),
                       ((inst, "-o", out, "--seed", "x"), "a bad seed"),
                       ((inst, "-o", out, "--time-limit", "0"), "a zero time limit"),
                       ((inst, "-o", out, "--previous", stale, "--keep", stale),
                        "--previous with --keep"),
                       ((inst, "-o", out, "--frobnicate"), "an unknown option")):
        p = run(tool, "schedule", *args)
        check(p.returncode == 2, "%s exits 2" % what)
        check(p.stderr.startswith("triad schedule: "), "%s: the message says who: %s"
              % (what, p.stderr))
    p = run(tool, "schedule-check", inst)
    check(p.returncode == 2, "schedule-check without a result exits 2")


def main():
    tool = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="triad-schedule.")
    try:
        published = test_schedule_and_check(tool, tmp)
        test_replan(tool, tmp, published)
        test_exports(tool, tmp)
        test_bad_input(tool, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d failure(s)" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
