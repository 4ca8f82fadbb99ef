#!/usr/bin/python3
"""Tests of `planomsorg services` (tools/cmd_services.c).

Usage: test_services.py PATH_TO_planomsorg

The base year's users by level are recomputed here from the raw KOSTRA panel and
population files under $PLANOMSORG_RAW_DATA with the construction documented in
docs/methods/staircase.md (skipped when the files are absent). Identities that need no
raw data always run: levels sum to the same population in rates and Markov mode, a
capped level stays within its places and its queue lands one level down, JSON and CSV
agree, and usage and input errors give their exit status and messages.
"""
import csv
import io
import json
import os
import sys
import tempfile

import clitest
from clitest import check, close

EXE = sys.argv[1]
RAW = os.environ.get("PLANOMSORG_RAW_DATA", "")
PANEL = os.path.join(RAW, "framskrivningsverktoy", "paneldata_2007_2025_2024struktur.subset.csv")
POP_MUNI = os.path.join(RAW, "csdata", "derived",
                        "municipality_population_by_age_sex_2024_2026.csv")
HAVE_RAW = all(os.path.exists(p) for p in (PANEL, POP_MUNI))
LEVELS = ["none", "low_threshold", "practical_help", "home_nursing", "housing",
          "housing_24h", "short_term", "long_term"]


def run(*args):
    return clitest.run([EXE, "services", *args], timeout=300)


def rows(*args):
    rc, out, err = run("--format", "csv", *args)
    check(rc == 0, f"services {args} exit {rc}: {err}")
    return [{k: (int(v) if k == "year" else float(v)) for k, v in r.items()}
            for r in csv.DictReader(io.StringIO(out))]


def write(text):
    f = tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False)
    f.write(text)
    f.close()
    return f.name


# ------------------------------------------------ usage, exit status, formats
rc, out, _ = run("--help")
check(rc == 0 and "--transitions FILE" in out, "--help")
for bad in (["--mode", "x"], ["--mode", "markov"], ["--theta", "2"], ["--to", "abc"],
            ["--bogus"], ["--municipality", "12"], ["--transitions", "x.csv"]):
    rc, _, err = run(*bad)
    check(rc == 64 and err.startswith("planomsorg: "), f"usage error {bad}: exit {rc}, {err!r}")
rc, _, err = run("--municipality", "9999")
check(rc == 2 and "9999" in err, f"unknown municipality: {rc} {err!r}")
rc, _, err = run("--to", "2020")
check(rc == 64 and "2020" in err, f"--to before the base year: {rc} {err!r}")

cap_bad = write("year,level,places\n2027,long_term,-5\n")
rc, _, err = run("--capacity", cap_bad)
check(rc == 2 and f"{cap_bad}:2:3" in err, f"bad capacity file: {rc} {err!r}")
rc, _, err = run("--capacity", "/nonexistent/cap.csv")
check(rc == 2 and "/nonexistent/cap.csv" in err, f"missing capacity file: {rc} {err!r}")
tr_bad = write("age_from,sex,from,to,probability\n0,both,home_nursing,long_term,0.5\n")
rc, _, err = run("--mode", "markov", "--transitions", tr_bad)
check(rc == 2 and "row from level 'home_nursing' sums to 0.5" in err,
      f"non-stochastic transitions: {rc} {err!r}")

# ------------------------------------------------ identities
CODE = "3437"
rates = rows("--municipality", CODE, "--to", "2032")
check([r["year"] for r in rates] == list(range(2026, 2033)), "years 2026..2032")
tr = write("age_from,sex,from,to,probability\n"
           "0,both,none,none,0.99\n0,both,none,practical_help,0.01\n"
           "80,both,none,none,0.9\n80,both,none,home_nursing,0.1\n"
           "80,both,home_nursing,home_nursing,0.8\n80,both,home_nursing,long_term,0.2\n"
           "0,both,long_term,death_rel,4\n")
markov = rows("--municipality", CODE, "--to", "2032", "--mode", "markov", "--transitions", tr)
for a, b in zip(rates, markov):
    total_a = sum(a[k] for k in LEVELS)
    total_b = sum(b[k] for k in LEVELS)
    close(total_b, total_a, 1e-12, f"persons in {a['year']}: markov vs rates")
for k in LEVELS:
    close(markov[0][k], rates[0][k], 1e-12, f"first year's state from the rates, {k}")
# coverage and places to hold it: independent arithmetic on the printed columns
p80 = [(r["housing_24h"] + r["short_term"] + r["long_term"]) / r["coverage_24h_80p"] for r in rates]
for r, p in zip(rates, p80):
    close(r["places_24h_hold"], rates[0]["coverage_24h_80p"] * p, 1e-12,
          f"places to hold the first year's coverage, {r['year']}")

# capacity: long-term frozen at the base year's users; excess one level down (short_term)
cap = write("year,level,places\n2026,long_term,%r\n" % rates[0]["long_term"])
capped = rows("--municipality", CODE, "--to", "2032", "--capacity", cap)
for a, b in zip(rates, capped):
    check(b["long_term"] <= rates[0]["long_term"] * (1 + 1e-12), f"cap holds in {a['year']}")
    close(b["long_term"] + b["queue_long_term"], a["long_term"], 1e-12, f"queue = excess, {a['year']}")
    close(b["short_term"] - a["short_term"], b["queue_long_term"], 1e-9,
          f"held back one level down, {a['year']}")
check(capped[-1]["queue_long_term"] > 0, "the cap binds by 2032")

rc, out, _ = run("--municipality", CODE, "--to", "2028", "--format", "json")
j = json.loads(out) if rc == 0 else []
check(len(j) == 3 and abs(j[2]["home_nursing"] - rates[2]["home_nursing"]) < 1e-9 * rates[2]["home_nursing"],
      "JSON agrees with CSV")
rc, out, _ = run("--municipality", CODE, "--to", "2028", "--theta", "0.5", "--format", "csv")
th = list(csv.DictReader(io.StringIO(out)))
check(rc == 0 and float(th[0]["long_term"]) == rates[0]["long_term"], "theta: no shift in the base year")
check(rc == 0 and float(th[2]["long_term"]) < rates[2]["long_term"], "theta: fewer users later")

# ------------------------------------------------ base year from the raw files
if HAVE_RAW:
    pop = {}
    with open(POP_MUNI, newline="") as f:
        for r in csv.DictReader(f):
            if r["municipality_code"] == CODE:
                pop.setdefault(int(r["year"]), [0.0] * 106)[int(r["age"])] += (
                    float(r["male"]) + float(r["female"]))
    with open(PANEL, newline="", encoding="utf-8") as f:
        k = next(r for r in csv.DictReader(f) if r["kommunenr_2024"] == CODE and r["år"] == "2025")

    def bands_of(total, cells):
        # a suppressed band (one at most here) is the total minus the others (staircase.md)
        v = [float(c) if c != "" else None for c in cells]
        miss = [i for i, x in enumerate(v) if x is None]
        if miss:
            v[miss[0]] = max(0.0, float(total) - sum(x for x in v if x is not None))
        return v

    H = [float(k["Y_1_a_0_66"]), 0.0, float(k["Y_1_a_80p"])]
    H[1] = float(k["Y_1_a_ialt"]) - H[0] - H[2]
    LT = bands_of(k["Y_3_a_ialt"], [k["Y_3_a_0_66"], k["Y_3_a_67_79"], k["Y_3_a_80p"]])
    h24 = float(k["Y_2_ialt"])
    bands = [(0, 66), (67, 79), (80, 105)]
    want = {n: 0.0 for n in LEVELS}
    for b, (lo, hi) in enumerate(bands):
        p25 = sum(pop[2025][lo:hi + 1])
        p26 = sum(pop[2026][lo:hi + 1])
        l5 = min(h24 * LT[b] / sum(LT), H[b])
        rest = H[b] - l5
        u = {"low_threshold": [0.002, 0.03, 0.12][b] * p25, "housing": 0.1 * rest,
             "practical_help": (1 - 0.743) * 0.9 * rest, "home_nursing": 0.743 * 0.9 * rest,
             "housing_24h": l5, "short_term": 0.17 / 0.83 * LT[b], "long_term": LT[b]}
        for n, v in u.items():
            want[n] += v / p25 * p26
    for n in LEVELS[1:]:
        close(rates[0][n], want[n], 1e-9, f"base-year users of {n} from KOSTRA 2025")
    close(sum(rates[0][n] for n in LEVELS), sum(pop[2026]), 1e-12, "levels sum to the 2026 population")
else:
    print("SKIP: raw KOSTRA panel or population files absent")

for p in (cap_bad, tr_bad, tr, cap):
    os.unlink(p)
sys.exit(clitest.summary())
