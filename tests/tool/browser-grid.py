#!/usr/bin/env python3
"""Open the parents' evening HTML in headless Chromium and check it.

Generates a school with `triad generate`, schedules it with `triad
schedule --html`, opens DIR/index.html in Chromium through chromedriver
(the W3C WebDriver protocol over plain HTTP, no Selenium needed) and checks:

1. on screen, every meeting of the result is in the evening grid: in the
   grid of its session, in the row of each of its teachers, a meeting cell
   names its household;
2. in print, every teacher has a section listing exactly their meetings,
   each with its start and end time and household, in time order;
3. printed on A4 (WebDriver's print command, 21.0 x 29.7 cm), the document
   has exactly one page per teacher: no teacher's list runs onto a second
   page. The PDF's pages are counted from its page objects.

Where it fails, it names each teacher whose page is too long, as laid out
for print (print media, A4 width less the margins) and measured in the
browser. Exits 77 (skipped) when chromium or chromedriver is missing, or
when the tool lacks `generate` or `schedule`.

Usage: browser-grid.py TRIAD_TOOL [--students N] [--keep DIR]
"""
import argparse
import base64
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

SKIP = 77
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]


def find_browser():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class WebDriver:
    """A minimal W3C WebDriver client for chromedriver."""

    def __init__(self, driver, browser, profile):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        self.port = s.getsockname()[1]
        s.close()
        self.proc = subprocess.Popen([driver, "--port=%d" % self.port],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.base = "http://127.0.0.1:%d" % self.port
        deadline = time.time() + 30
        while True:
            try:
                self.call("GET", "/status")
                break
            except (urllib.error.URLError, ConnectionError):
                if time.time() > deadline:
                    raise RuntimeError("chromedriver did not start")
                time.sleep(0.1)
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": browser,
                                   "args": CHROMIUM_ARGS + ["--user-data-dir=" + profile]},
        }}}
        self.session = self.call("POST", "/session", caps)["sessionId"]

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=300) as r:
            return json.loads(r.read())["value"]

    def open(self, url):
        self.call("POST", "/session/%s/url" % self.session, {"url": url})

    def script(self, source):
        return self.call("POST", "/session/%s/execute/sync" % self.session,
                         {"script": source, "args": []})

    def cdp(self, cmd, params):
        return self.call("POST", "/session/%s/goog/cdp/execute" % self.session,
                         {"cmd": cmd, "params": params})

    def print_a4(self):
        pdf = self.call("POST", "/session/%s/print" % self.session,
                        {"page": {"width": 21.0, "height": 29.7}, "background": True,
                         "margin": {"top": 1.5, "bottom": 1.5, "left": 1.5, "right": 1.5}})
        return base64.b64decode(pdf)

    def close(self):
        try:
            self.call("DELETE", "/session/%s" % self.session)
        finally:
            self.proc.terminate()
            self.proc.wait(timeout=30)


# What the page shows, read in the browser: the screen grid per session
# (teacher index from the row's link, meeting cells' text) and the print
# sections per teacher (rows of time, room, household, students).
READ_PAGE = r"""
const grids = Array.from(document.querySelectorAll('.screen table.grid')).map(t =>
  Array.from(t.querySelectorAll('tr')).filter(r => r.querySelector('th a')).map(r => ({
    teacher: r.querySelector('th a').getAttribute('href').slice(2),
    cells: Array.from(r.querySelectorAll('td.meeting')).map(td => td.textContent)
  })));
const sections = Array.from(document.querySelectorAll('section.teacher')).map(s => ({
  id: s.id,
  rows: Array.from(s.querySelectorAll('tr')).filter(r => r.querySelectorAll('td').length == 4)
    .map(r => Array.from(r.querySelectorAll('td')).map(td => td.textContent))
}));
return {grids: grids, sections: sections};
"""


# A4 (210 x 297 mm) less 15 mm margins, in CSS pixels (96 per inch).
A4_INNER_PX = (round(180 / 25.4 * 96), round(267 / 25.4 * 96))

MEASURE = r"""
return Array.from(document.querySelectorAll('section.teacher')).map(s => {
  const r = s.getBoundingClientRect();
  return [s.id, Math.ceil(r.height)];
});
"""


def hhmm(minutes):
    return "%02d:%02d" % (minutes // 60, minutes % 60)


def expected(instance, result):
    """Per session and teacher index, the meetings: (start, end, household name)."""
    sessions = {s["id"]: (i, s) for i, s in enumerate(instance["sessions"])}
    teachers = {t["id"]: i for i, t in enumerate(instance["teachers"])}
    households = {h["id"]: h.get("name", h["id"]) for h in instance["households"]}
    requests = {r["id"]: r for r in instance["requests"]}
    out = []
    for m in result["meetings"]:
        si, s = sessions[m["session"]]
        h, mm = (int(x) for x in s["start"].split(":"))
        step = s["slot_minutes"] + s.get("gap_minutes", 0)
        start = h * 60 + mm + m["slot"] * step
        slots = requests[m["request"]].get("slots", 1)
        end = start + slots * step - s.get("gap_minutes", 0)
        for t in requests[m["request"]]["teachers"]:
            out.append((si, teachers[t], hhmm(start), hhmm(end),
                        households[requests[m["request"]]["household"]], m["request"]))
    return out


def count_pages(pdf):
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tool")
    ap.add_argument("--students", type=int, default=1200)
    ap.add_argument("--keep", help="keep the generated files in this directory")
    args = ap.parse_args()

    browser = find_browser()
    driver = shutil.which("chromedriver")
    if not browser or not driver:
        print("skipped: chromium and chromedriver are needed (scripts/deps --extra)")
        return SKIP
    commands = subprocess.run([args.tool, "--help"], check=True, capture_output=True,
                              text=True).stdout
    for needed in ("generate", "schedule"):
        if not re.search(r"^  %s " % needed, commands, re.M):
            print("skipped: this triad tool has no \"%s\" command" % needed)
            return SKIP
    work = args.keep or tempfile.mkdtemp(prefix="triad-browser.")
    os.makedirs(work, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="triad-chromium.")
    try:
        def run(*cmd):
            subprocess.run([args.tool] + list(cmd), check=True, stdout=subprocess.DEVNULL)

        run("generate", "--students", str(args.students), "--seed", "7", "--out", work)
        # construction and a short search: the layout is what is tested here
        run("schedule", os.path.join(work, "conference.json"), "-o",
            os.path.join(work, "result.json"), "--iterations", "2000", "--html",
            os.path.join(work, "html"), "--lang", "nl")
        with open(os.path.join(work, "conference.json"), encoding="utf-8") as f:
            instance = json.load(f)
        with open(os.path.join(work, "result.json"), encoding="utf-8") as f:
            result = json.load(f)
        want = expected(instance, result)
        nteachers = len(instance["teachers"])
        print("%d meetings (%d teacher places), %d teachers" %
              (len(result["meetings"]), len(want), nteachers))

        wd = WebDriver(driver, browser, profile)
        try:
            wd.open("file://" + os.path.abspath(os.path.join(work, "html", "index.html")))
            page = wd.script(READ_PAGE)
            pdf = wd.print_a4()
            # Lay the page out as printed (print media, the width of A4 inside
            # 15 mm margins at 96 px/inch) and measure each teacher's section.
            wd.cdp("Emulation.setEmulatedMedia", {"media": "print"})
            wd.cdp("Emulation.setDeviceMetricsOverride",
                   {"width": A4_INNER_PX[0], "height": A4_INNER_PX[1],
                    "deviceScaleFactor": 1, "mobile": False})
            heights = wd.script(MEASURE)
        finally:
            wd.close()

        failures = []
        # 1. the screen grid
        grids = page["grids"]
        if len(grids) != len(instance["sessions"]):
            failures.append("%d grids for %d sessions" % (len(grids), len(instance["sessions"])))
        else:
            for si, ti, start, end, name, rq in want:
                rows = [r for r in grids[si] if r["teacher"] == str(ti)]
                if not rows or not any(name in c for c in rows[0]["cells"]):
                    failures.append("grid of session %d: the row of teacher %s lacks the "
                                    "meeting %s (%s %s)" % (si, ti, rq, start, name))
        # 2. the print sections
        sections = {s["id"]: s["rows"] for s in page["sections"]}
        if len(sections) != nteachers:
            failures.append("%d teacher sections for %d teachers" % (len(sections), nteachers))
        for ti in range(nteachers):
            mine = [w for w in want if w[1] == ti]
            rows = sections.get("t%d" % ti, [])
            shown = [(r[0], r[2]) for r in rows]
            listed = [("%s\u2013%s" % (w[2], w[3]), w[4]) for w in sorted(
                mine, key=lambda w: (w[0], w[2]))]
            if len(rows) != len(mine):
                failures.append("teacher %d: %d rows for %d meetings" % (ti, len(rows), len(mine)))
            for want_row in listed:
                if not any(s[0] == want_row[0] and s[1].startswith(want_row[1]) for s in shown):
                    failures.append("teacher %d: no row %s %s" % (ti, want_row[0], want_row[1]))
        # 3. one A4 page per teacher
        pages = count_pages(pdf)
        with open(os.path.join(work, "print.pdf"), "wb") as f:
            f.write(pdf)
        print("printed on A4: %d pages for %d teachers" % (pages, nteachers))
        too_tall = [(sid, h) for sid, h in heights if h > A4_INNER_PX[1]]
        count = {t: sum(1 for w in want if w[1] == t) for t in range(nteachers)}
        if too_tall:
            fits = [count[int(sid[1:])] for sid, h in heights if h <= A4_INNER_PX[1]]
            print("laid out for print, %d of %d teacher sections are taller than an A4 page "
                  "(%d px); the most meetings that fit: %d" %
                  (len(too_tall), nteachers, A4_INNER_PX[1], max(fits) if fits else 0))
        for sid, h in too_tall:
            failures.append("teacher %s (%d meetings): %d px, taller than an A4 page (%d px)" %
                            (sid[1:], count[int(sid[1:])], h, A4_INNER_PX[1]))
        if pages != nteachers:
            failures.append("%d A4 pages for %d teachers: not one page per teacher" %
                            (pages, nteachers))
        for f in failures[:30]:
            print("FAIL:", f)
        if len(failures) > 30:
            print("... and %d more" % (len(failures) - 30))
        return 1 if failures else 0
    finally:
        shutil.rmtree(profile, ignore_errors=True)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
