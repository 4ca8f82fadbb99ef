#!/usr/bin/python3
"""Recomputes the figures of docs/methods/projection-backtest.md and checks the document.

usage: test_projection_backtest.py PLANOMSORG_EXE DOC [--print]

- Observed 2026 and SSB's projections are read from the raw SSB files under
  $PLANOMSORG_RAW_DATA/telemark with the csv module (independently of the library).
- The library's projections come from the command-line program
  (`planomsorg project --bands --format csv`).
- Every figure in the document's tables must equal the recomputed one within the
  rounding of the printed figure (0.5 persons; 0.005 percentage points).
With --print, prints the tables in the document's format instead (to regenerate it).
Exit 77 (skipped) when the raw files are absent.
"""
import csv
import io
import os
import re
import subprocess
import sys

from clitest import check, summary

EXE, DOC = sys.argv[1], sys.argv[2]
PRINT = "--print" in sys.argv[3:]
RAW = os.environ.get("PLANOMSORG_RAW_DATA", "")
TELEMARK = os.path.join(RAW, "telemark")
if not RAW or not os.path.isdir(TELEMARK):
    print("SKIP: PLANOMSORG_RAW_DATA/telemark not found")
    sys.exit(77)

BANDS = {"67+": ["67-79 år", "80-89 år", "90 år eller eldre"],
         "80+": ["80-89 år", "90 år eller eldre"],
         "90+": ["90 år eller eldre"]}
MAIN = "Hovedalternativet (MMMM)"


def ssb(file, variable, year, band, region="Hele landet"):
    total, found = 0.0, 0
    with open(os.path.join(TELEMARK, file), encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if (r["region"] == region and r["statistikkvariabel"] == variable
                    and int(r["år"]) == year and r["alder"] in BANDS[band]):
                total += float(r["value"])
                found += 1
    assert found == len(BANDS[band]), (file, variable, year, band, found)
    return total


def model(args, year):
    p = subprocess.run([EXE, "project", "--bands", "--format", "csv", *args],
                       capture_output=True, text=True)
    if p.returncode != 0:
        print(f"FAIL: planomsorg project {' '.join(args)}: exit {p.returncode}: {p.stderr}")
        sys.exit(1)
    rows = list(csv.reader(io.StringIO(p.stdout)))
    return {r[1]: float(r[2]) for r in rows[1:] if int(r[0]) == year}


# ------------------------------------------------------------------ recompute
observed = {b: ssb("befolkningsframskrivinger_historiske.csv", "Personer", 2026, b) for b in BANDS}
ssb2020 = {b: ssb("Framskrevet_folkemengde_2020-2050.csv", MAIN, 2026, b) for b in BANDS}
ours2020 = model(["--from", "2020", "--as-of", "2019", "--to", "2026"], 2026)
embedded2026 = model(["--from", "2026", "--to", "2026"], 2026)

backtest = []
for b in BANDS:
    o, m, s = observed[b], ours2020[b], ssb2020[b]
    backtest.append((b, o, m, m - o, 100 * (m - o) / o, s, s - o, 100 * (s - o) / o))

long_run = []
ours2024 = {y: model(["--from", "2024", "--as-of", "2023", "--to", "2050"], y) for y in (2030, 2040, 2050)}
for y in (2030, 2040, 2050):
    s = ssb("Framskrevet_folkemengde_2024-2050.csv", MAIN, y, "80+")
    m = ours2024[y]["80+"]
    long_run.append((y, m, s, m - s, 100 * (m - s) / s))


def table_backtest():
    lines = ["| band | observed 2026 | libplanomsorg 2026 | error | error % | SSB 2020 main 2026 | "
             "SSB error | SSB error % |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for b, o, m, e, ep, s, se, sep in backtest:
        lines.append(f"| {b} | {o:,.0f} | {m:,.0f} | {e:+,.0f} | {ep:+.2f} | {s:,.0f} | "
                     f"{se:+,.0f} | {sep:+.2f} |")
    return "\n".join(lines)


def table_long_run():
    lines = ["| year | libplanomsorg 80+ | SSB 2024 main 80+ | difference | difference % |",
             "|---|---:|---:|---:|---:|"]
    for y, m, s, d, dp in long_run:
        lines.append(f"| {y} | {m:,.0f} | {s:,.0f} | {d:+,.0f} | {dp:+.2f} |")
    return "\n".join(lines)


if PRINT:
    print(table_backtest())
    print()
    print(table_long_run())
    sys.exit(0)

# ------------------------------------------------------------------ check the document
def numbers(line):
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    return cells[0], [float(c.replace(",", "").replace("+", "")) for c in cells[1:]]


doc = open(DOC, encoding="utf-8").read()
# The observed population in the raw historical file equals the embedded data's.
for b in BANDS:
    check(observed[b] == embedded2026[b], f"observed {b} 2026: raw {observed[b]} vs embedded "
                                          f"{embedded2026[b]}")
for row in backtest:
    m = re.search(r"^\| " + re.escape(row[0]) + r" \|.*$", doc, re.M)
    check(m is not None, f"backtest row {row[0]} in the document")
    if m:
        _, got = numbers(m.group(0))
        tol = [0.5, 0.5, 0.5, 0.005, 0.5, 0.5, 0.005]
        check(len(got) == 7 and all(abs(g - w) <= t for g, w, t in zip(got, row[1:], tol)),
              f"backtest {row[0]}: document {got}, recomputed {[round(x, 3) for x in row[1:]]}")
for row in long_run:
    m = re.search(r"^\| " + str(row[0]) + r" \|.*$", doc, re.M)
    check(m is not None, f"80+ row {row[0]} in the document")
    if m:
        _, got = numbers(m.group(0))
        tol = [0.5, 0.5, 0.5, 0.005]
        check(len(got) == 4 and all(abs(g - w) <= t for g, w, t in zip(got, row[1:], tol)),
              f"80+ {row[0]}: document {got}, recomputed {[round(x, 3) for x in row[1:]]}")
# Published anchors, independent of both: SSB's observed 80+ on 1 January 2026.
check(observed["80+"] == 284939, "observed 80+ 2026 equals SSB's published 284,939")
sys.exit(summary())
