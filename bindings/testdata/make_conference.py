#!/usr/bin/env python3
"""Write a deterministic conference instance (triad.conference/1) for the
binding tests: two evenings, 8 teachers, 40 households, about 110 requests.

Usage: make_conference.py [HOUSEHOLDS] > conference.json
conference.json beside this script was written by it with the defaults and
is read by the Python and Node tests.
"""
import json
import random
import sys


def make(households: int = 40, seed: int = 7) -> dict:
    rnd = random.Random(seed)
    teachers = [f"t{i}" for i in range(1, 9)]
    doc = {
        "format": "triad.conference/1",
        "sessions": [
            {"id": "mon", "date": "2026-11-16", "start": "19:00", "slot_minutes": 10,
             "gap_minutes": 0, "slots": 14, "breaks": [[7, 8]]},
            {"id": "thu", "date": "2026-11-19", "start": "18:30", "slot_minutes": 10,
             "gap_minutes": 0, "slots": 12},
        ],
        "rooms": [{"id": f"r{i}", "name": f"Lokaal {100 + i}"} for i in range(1, 9)],
        "teachers": [],
        "households": [],
        "requests": [],
    }
    for i, t in enumerate(teachers, 1):
        sessions = [{"session": "mon", "room": f"r{i}"}]
        if i != 8:  # t8 only comes on Monday
            sessions.append({"session": "thu", "room": f"r{i}"})
        doc["teachers"].append({"id": t, "name": f"Docent {i}", "sessions": sessions})
    n = 0
    for h in range(1, households + 1):
        students = [f"Leerling {h}a"] + ([f"Leerling {h}b"] if h % 5 == 0 else [])
        hh = {"id": f"h{h}", "name": f"Gezin {h}", "students": students,
              "preference": rnd.choice(["none", "early", "late"])}
        if h % 4 == 0:  # some can only come on Thursday, from slot 3
            hh["sessions"] = [{"session": "thu", "available": [[3, 12]]}]
        doc["households"].append(hh)
        for t in rnd.sample(teachers, rnd.randint(2, 4)):
            n += 1
            req = {"id": f"q{n}", "household": f"h{h}", "teachers": [t],
                   "students": [students[0]],
                   "priority": rnd.choice(["invited", "required", "optional", "optional"])}
            if n % 9 == 0:
                req["slots"] = 2
            doc["requests"].append(req)
    return doc


if __name__ == "__main__":
    json.dump(make(int(sys.argv[1]) if len(sys.argv) > 1 else 40), sys.stdout, indent=1)
    sys.stdout.write("\n")
