#!/usr/bin/env python3
"""The triad tool's generate and import-csv subcommands, as a user runs them.

- generate: the same seed gives byte-identical files, another seed other
  files; the school has the documented make-up (15-20 % of households with
  two or more students, 15-20 % of students with separated parents, guardians
  without authority and with restricted information, mentors, two evenings
  with joint and double-length requests, contacts up to the as-of date);
  --progress and --lang; bad options.
- import-csv: a good file gives an instance with its households and
  requests; a bad one exits 1 naming the file, row and column, and writes
  nothing.

Usage: tool-cli.py TRIAD_TOOL TEST_DATA_DIR
Exits 77 (skipped) when the tool lacks the subcommands.
"""
import collections
import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(tool, *args):
    return subprocess.run([tool] + list(args), capture_output=True, text=True)


def test_generate(tool, tmp):
    a, b, c = (os.path.join(tmp, x) for x in ("a", "b", "c"))
    r = run(tool, "generate", "--students", "1200", "--seed", "3", "--out", a)
    check(r.returncode == 0, "generate exits 0: " + r.stderr)
    check(r.stderr == "", "no progress on stderr when it is not a terminal: %r" % r.stderr)
    check("1200 students" in r.stdout, "the summary counts the students: " + r.stdout)
    r = run(tool, "generate", "--students", "1200", "--seed", "3", "--out", b, "--progress",
            "--lang", "nl")
    check(r.returncode == 0, "generate --progress exits 0")
    check(r.stderr.count("triad generate:") >= 3, "--progress reports on stderr: %r" % r.stderr)
    check("1200 leerlingen" in r.stdout, "--lang nl: a Dutch summary: " + r.stdout)
    r = run(tool, "generate", "--students", "1200", "--seed", "4", "--out", c)
    for name in ("school.json", "conference.json", "evening-base.json", "requests.csv",
                 "contacts.json"):
        check(filecmp.cmp(os.path.join(a, name), os.path.join(b, name), shallow=False),
              "the same seed gives the same %s" % name)
        check(not filecmp.cmp(os.path.join(a, name), os.path.join(c, name), shallow=False),
              "another seed gives another %s" % name)

    with open(os.path.join(a, "school.json"), encoding="utf-8") as f:
        school = json.load(f)
    check(school["format"] == "triad.school/1", "school.json is triad.school/1")
    check(len(school["students"]) == 1200, "1200 students")
    members = collections.defaultdict(set)
    homes = collections.defaultdict(set)
    info = collections.Counter()
    for g in school["guardians"]:
        for rel in g["students"]:
            info[rel["information"]] += 1
            if rel["information"] == "restricted":
                check(rel.get("restriction_reason"), "a restriction has a reason")
            if g.get("household"):
                members[g["household"]].add(rel["student"])
                homes[rel["student"]].add(g["household"])
    siblings = sum(1 for s in members.values() if len(s) >= 2) / len(school["households"])
    separated = sum(1 for s in homes.values() if len(s) == 2) / len(school["students"])
    print("households with 2+ students: %.3f, students with two households: %.3f" %
          (siblings, separated))
    check(0.15 <= siblings <= 0.20, "15-20 %% of households have 2+ students (%.3f)" % siblings)
    check(0.15 <= separated <= 0.20, "15-20 %% of students have two households (%.3f)" % separated)
    check(info["on_request"] > 0, "some guardians get information on request")
    check(0 < info["restricted"] < 0.02 * len(school["students"]),
          "a few guardians have restricted information (%d)" % info["restricted"])
    roles = collections.Counter(r for m in school["staff"] for r in m["roles"])
    check(roles["mentor"] > 0 and roles["teacher"] > roles["mentor"]
          and roles["school_leader"] >= 1 and roles["coordinator"] >= 1,
          "staff: mentors, teachers, coordinators, school leaders: %s" % dict(roles))
    mentors = {m["id"] for m in school["staff"] if "mentor" in m["roles"]}
    check(all(s.get("mentor") in mentors for s in school["students"]), "every student has a mentor")
    check(any(s.get("bridge_class") == "havo/vwo" for s in school["students"]),
          "year 1 has combined havo/vwo classes")

    with open(os.path.join(a, "conference.json"), encoding="utf-8") as f:
        conf = json.load(f)
    check(conf["format"] == "triad.conference/1" and len(conf["sessions"]) == 2,
          "conference.json: two evenings")
    reqs = conf["requests"]
    check(any(len(r["teachers"]) == 2 for r in reqs), "some joint requests")
    check(any(r["slots"] == 2 for r in reqs), "some double-length requests")
    prio = collections.Counter(r["priority"] for r in reqs)
    check(set(prio) == {"invited", "required", "optional"}, "all priorities: %s" % dict(prio))
    check(any(len(r["students"]) == 2 for r in reqs), "siblings met together")
    check(1.0 <= len(reqs) / 1200 <= 2.0, "1 to 2 requests per student (%d)" % len(reqs))

    with open(os.path.join(a, "contacts.json"), encoding="utf-8") as f:
        log = json.load(f)
    entries = log.get("entries", [])
    check(len(entries) > 1200, "contacts over the year so far (%d)" % len(entries))
    check(all(e["at"][:10] <= "2026-11-16" for e in entries),
          "no contact after the as-of date 2026-11-16")
    check(any(e.get("answers") for e in entries), "some contacts answer others")

    # the administration's export imports into the same requests
    imported = os.path.join(tmp, "imported.json")
    r = run(tool, "import-csv", os.path.join(a, "evening-base.json"),
            os.path.join(a, "requests.csv"), "-o", imported)
    check(r.returncode == 0, "requests.csv imports: " + r.stderr)
    with open(imported, encoding="utf-8") as f:
        back = json.load(f)
    check(len(back["requests"]) == len(reqs), "as many requests imported (%d) as generated (%d)"
          % (len(back["requests"]), len(reqs)))
    key = lambda r: (r["household"], tuple(r["teachers"]), tuple(sorted(r["students"])),
                     r["slots"], r["priority"])
    check(sorted(map(key, back["requests"])) == sorted(map(key, reqs)),
          "the imported requests equal the generated ones")

    r = run(tool, "generate", "--students", "5", "--out", c)
    check(r.returncode == 2 and "--students" in r.stderr, "too few students: exit 2")
    r = run(tool, "generate", "--as-of", "2026-02-30", "--out", c)
    check(r.returncode == 2 and "--as-of" in r.stderr, "an impossible date: exit 2")
    r = run(tool, "generate", "--help")
    check(r.returncode == 0 and "usage: triad generate" in r.stdout, "generate --help")


def test_import(tool, data, tmp):
    base = os.path.join(data, "csv", "base.json")
    out = os.path.join(tmp, "instance.json")
    r = run(tool, "import-csv", base, os.path.join(data, "csv", "semicolon.csv"), "-o", out)
    check(r.returncode == 0, "import-csv exits 0: " + r.stderr)
    check("2 households and 3 requests" in r.stdout, "import-csv summary: " + r.stdout)
    with open(out, encoding="utf-8") as f:
        inst = json.load(f)
    check([h["id"] for h in inst["households"]] == ["h1", "h2"], "households written")
    check([q["id"] for q in inst["requests"]] == ["csv-2", "csv-5", "csv-7"], "requests written")

    bad = os.path.join(data, "csv", "err-unknown-teacher.csv")
    out2 = os.path.join(tmp, "not-written.json")
    r = run(tool, "import-csv", base, bad, "-o", out2)
    check(r.returncode == 1, "a bad file: exit 1")
    check('err-unknown-teacher.csv: row 3, column "Docent": unknown teacher "xyz"' in r.stderr,
          "the message names file, row and column: " + r.stderr)
    check(not os.path.exists(out2), "nothing written on failure")
    check(not [f for f in os.listdir(tmp) if ".tmp-" in f], "no temporary files left")

    r = run(tool, "import-csv", base, os.path.join(data, "csv", "semicolon.csv"), "-o", out,
            "--column", "teacher=Docent", "--delimiter", ";", "--lang", "nl")
    check(r.returncode == 0 and "2 gezinnen en 3 aanvragen" in r.stdout,
          "--column, --delimiter, --lang nl: " + r.stdout + r.stderr)
    r = run(tool, "import-csv", base, "-o", out)
    check(r.returncode == 2, "missing CSV: exit 2")
    r = run(tool, "import-csv", base, bad, "-o", out, "--column", "nosuch=x")
    check(r.returncode == 2, "unknown column name: exit 2")
    r = run(tool, "import-csv", "--help")
    check(r.returncode == 0 and "doc/formats/csv-import.md" in r.stdout, "import-csv --help")


def main():
    tool, data = sys.argv[1], sys.argv[2]
    commands = run(tool, "--help").stdout
    for needed in ("generate", "import-csv"):
        if not re.search(r"^  %s " % needed, commands, re.M):
            print("skipped: this triad tool has no \"%s\" command" % needed)
            return SKIP
    tmp = tempfile.mkdtemp(prefix="triad-cli.")
    try:
        test_generate(tool, tmp)
        test_import(tool, data, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d failure(s)" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
