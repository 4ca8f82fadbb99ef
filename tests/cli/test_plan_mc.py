#!/usr/bin/python3
"""Tests of `planomsorg plan --draws` (tools/plan_mc.c, montecarlo.h plan mode).

Usage: test_plan_mc.py PATH_TO_planomsorg

Checks the header, that the output with 1 and 2 threads is byte-identical for the same
seed and differs for another seed, that every row has p05 <= p50 <= p95 and
min <= mean <= max implied bounds (p05 <= mean + 3 sd), that the `value` column equals
the `value` of the ordinary `plan --format csv` run row by row, that a lever not drawn
leaves the population rows without spread, and the exit status 64 for bad options.
Exit status 0 when all checks pass.
"""
import csv
import io
import sys

import clitest
from clitest import check

EXE = sys.argv[1]
def run(*args):
    return clitest.run([EXE, "plan", "--municipality", "5001", "--to", "2030", *args],
                       timeout=600)


LEVERS = ["--lever", "family_care=uniform:0.8,1.1",
          "--lever", "productivity=triangular:0,0.005,0.02",
          "--lever", "dreining=split_normal:1,0.05,0.1"]
rc1, out1, err1 = run("--draws", "24", "--seed", "7", "--threads", "1", *LEVERS)
rc2, out2, err2 = run("--draws", "24", "--seed", "7", "--threads", "2", *LEVERS)
rc3, out3, _ = run("--draws", "24", "--seed", "8", "--threads", "2", *LEVERS)
check(rc1 == 0 and rc2 == 0 and rc3 == 0, "runs succeed: " + err1 + err2)
check(out1 == out2, "1 and 2 threads give identical output")
check(out1 != out3, "another seed gives other draws")
rows = list(csv.DictReader(io.StringIO(out1)))
check(out1.splitlines()[0] == "scenario,year,measure,level,group,value,mean,sd,p05,p50,p95",
      "header")
check(len(rows) > 100, "rows written")
bad = [r for r in rows if not (float(r["p05"]) <= float(r["p50"]) <= float(r["p95"]))]
check(not bad, "p05 <= p50 <= p95 on every row (%d bad)" % len(bad))
spread = [r for r in rows if r["measure"] == "users" and r["level"] == "all"
          and r["year"] == "2030"]
check(spread and float(spread[0]["sd"]) > 0 and float(spread[0]["p95"]) > float(spread[0]["p05"]),
      "users spread when family care is drawn")
pop = [r for r in rows if r["measure"] == "population"]
check(all(float(r["sd"]) == 0 for r in pop), "population has no spread (no demographic lever)")

# value = the ordinary run.
rc, plain, _ = run("--format", "csv")
check(rc == 0, "plain run")
ref = {(r["scenario"], r["year"], r["measure"], r["level"], r["group"]): float(r["value"])
       for r in csv.DictReader(io.StringIO(plain))}
missing = 0
worst = 0.0
for r in rows:
    key = (r["scenario"], r["year"], r["measure"], r["level"], r["group"])
    if key not in ref:
        missing += 1
        continue
    v, w = float(r["value"]), ref[key]
    worst = max(worst, abs(v - w) / max(abs(w), 1.0))
check(missing == 0, "every MC row has a plain row (%d missing)" % missing)
check(len(rows) == len(ref), "as many rows as the plain CSV (%d vs %d)" % (len(rows), len(ref)))
check(worst < 1e-12, "value equals the plain run (worst relative %.3g)" % worst)

# All scenarios: each scenario's rows, one header.
rc, outall, _ = run("--draws", "5", "--scenario", "all", *LEVERS)
names = {r["scenario"] for r in csv.DictReader(io.StringIO(outall))}
check(rc == 0 and names == {"worst", "middle", "best"}, "three scenarios: %s" % names)
check(outall.count("scenario,year") == 1, "one header")

# --panel: transitions estimated from panel records, Markov mode, Dirichlet draws.
import os
import random
import tempfile

LEVELS = ["none", "low_threshold", "practical_help", "home_nursing", "housing", "housing_24h",
          "short_term", "long_term"]
rnd = random.Random(20261122)
tmp = tempfile.mkdtemp()
panel = os.path.join(tmp, "panel.csv")
with open(panel, "w") as f:
    f.write("person,year,age,sex,level\n")
    for p in range(3000):
        age, lev, sex = rnd.randint(60, 95), rnd.choice([0, 0, 0, 1, 2, 3, 7]), ("female", "male")[p % 2]
        for y in range(2019, 2025):
            f.write("%d,%d,%d,%s,%s\n" % (p, y, age, sex, LEVELS[lev]))
            if rnd.random() < 0.03 + 0.02 * (lev >= 5):
                f.write("%d,%d,%d,%s,death\n" % (p, y + 1, age + 1, sex))
                break
            u = rnd.random()
            lev = min(lev + 1, 7) if u < 0.08 else max(lev - 1, 0) if u < 0.11 else lev
            age += 1
rc1, p1, e1 = run("--draws", "12", "--seed", "3", "--threads", "1", "--panel", panel)
rc2, p2, _ = run("--draws", "12", "--seed", "3", "--threads", "2", "--panel", panel)
check(rc1 == 0 and rc2 == 0 and p1 == p2, "--panel runs, identical with 1 and 2 threads: " + e1)
prow = [r for r in csv.DictReader(io.StringIO(p1)) if r["measure"] == "users"
        and r["level"] == "home_nursing" and r["year"] == "2030"]
check(prow and float(prow[0]["sd"]) > 0, "Dirichlet draws alone spread the users")
base = [r for r in csv.DictReader(io.StringIO(p1)) if r["measure"] == "population"]
check(all(float(r["sd"]) == 0 for r in base), "population unaffected by transition draws")
bad = os.path.join(tmp, "bad.csv")
with open(bad, "w") as f:
    f.write("person,year,age,sex,level\n1,2020,80,f,none\n1,2021,81,f,sykehjem\n"
            "2,2020,80,f,none\n2,2021,81,f,home_nursing\n")
rc, _, err = run("--draws", "3", "--panel", bad)
check(rc == 2 and "bad.csv:3:" in err and "sykehjem" in err, "bad panel: exit 2 naming the line")
rc, _, err = run("--draws", "3", "--panel", bad, "--panel-skip-bad")
check(rc == 0 and "dropped" in err and "bad.csv:3:" in err, "--panel-skip-bad lists the record")
rc, _, err = run("--panel", panel)
check(rc == 64 and "needs --draws" in err, "--panel without --draws: exit 64")
rc, _, err = run("--draws", "3", "--panel", panel, "--panel-bands", "5,10")
check(rc == 64, "--panel-bands must start at 0")
for name in (panel, bad):
    os.remove(name)
os.rmdir(tmp)

# Bad options.
for args in (["--draws", "0"], ["--draws", "5", "--lever", "family_care=gamma:1,2"],
             ["--draws", "5", "--lever", "nolever=uniform:0,1"],
             ["--draws", "5", "--lever", "family_care=uniform:1,0"],
             ["--draws", "5", "--lever", "family_care"], ["--threads", "-1"], ["--seed"]):
    rc, _, err = run(*args)
    check(rc == 64 and "planomsorg:" in err, "exit 64 for %s (got %d)" % (args, rc))

sys.exit(clitest.summary())
