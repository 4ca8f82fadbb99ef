#!/usr/bin/python3
"""Tests of `planomsorg estimate` (tools/cmd_estimate.c).

Usage: test_estimate_cmd.py PATH_TO_planomsorg

Draws a panel in Python, counts its transitions independently here and checks the
command's counts, probabilities (count / survivors of the row), standard errors
sqrt(p (1 - p) / n), the posterior means (n + w/K) / (n_i + w), the relative mortality
table, that --transitions-out is read by `planomsorg services --mode markov`, and the
exit status for a bad record (2, with the line), --skip-bad and bad usage (64).
Exit status 0 when all checks pass.
"""
import csv
import io
import math
import os
import random
import sys
import tempfile

import clitest
from clitest import check

EXE = sys.argv[1]
LEVELS = ["none", "low_threshold", "practical_help", "home_nursing", "housing", "housing_24h",
          "short_term", "long_term"]
BANDS = [0, 67, 80, 90]


def run(*args):
    return clitest.run([EXE, "estimate", *args], timeout=300)


def band_label(age):
    b = max(i for i, lo in enumerate(BANDS) if lo <= age)
    return "%d-%d" % (BANDS[b], BANDS[b + 1] - 1) if b + 1 < len(BANDS) else "%d+" % BANDS[b]


rnd = random.Random(7)
tmp = tempfile.mkdtemp()
panel = os.path.join(tmp, "panel.csv")
count = {}
with open(panel, "w") as f:
    f.write("person,year,age,sex,level\n")
    for p in range(2500):
        age, lev, sex = rnd.randint(60, 98), rnd.choice([0, 0, 1, 2, 3, 5, 7]), ("female", "male")[p % 2]
        for y in range(2018, 2024):
            f.write("%d,%d,%d,%s,%s\n" % (p, y, age, sex, LEVELS[lev]))
            if y == 2023:
                break
            key = (band_label(age), sex, LEVELS[lev])
            if rnd.random() < 0.04 + 0.03 * (lev >= 5):
                f.write("%d,%d,%d,%s,death\n" % (p, y + 1, age + 1, sex))
                count[key + ("death",)] = count.get(key + ("death",), 0) + 1
                break
            u = rnd.random()
            new = min(lev + 1, 7) if u < 0.1 else max(lev - 1, 0) if u < 0.13 else lev
            count[key + (LEVELS[new],)] = count.get(key + (LEVELS[new],), 0) + 1
            lev, age = new, age + 1

rc, out, err = run(panel, "--format", "csv")
check(rc == 0, "runs: " + err)
rows = list(csv.DictReader(io.StringIO(out)))
check(len(rows) == 4 * 2 * 8 * 9, "one row per band, sex, from and to (%d)" % len(rows))
worst_p = worst_se = 0.0
bad_counts = 0
for r in rows:
    key = (r["band"], r["sex"], r["from"], r["to"])
    n = count.get(key, 0)
    bad_counts += float(r["count"]) != n
    if r["to"] == "death":
        continue
    surv = sum(count.get((r["band"], r["sex"], r["from"], t), 0) for t in LEVELS)
    if surv > 0:
        p = n / surv
        worst_p = max(worst_p, abs(float(r["probability"]) - p))
        worst_se = max(worst_se, abs(float(r["se"]) - math.sqrt(p * (1 - p) / surv)))
check(bad_counts == 0, "counts equal the independent count (%d differ)" % bad_counts)
check(worst_p < 1e-6 and worst_se < 1e-6,
      "probabilities and SEs as computed here (%.2g, %.2g; 6 decimals printed)" % (worst_p, worst_se))

rc, out, _ = run(panel, "--format", "csv", "--method", "posterior", "--prior-weight", "8")
post = list(csv.DictReader(io.StringIO(out)))
worst = 0.0
for r in post:
    if r["to"] == "death":
        continue
    surv = sum(count.get((r["band"], r["sex"], r["from"], t), 0) for t in LEVELS)
    m = (count.get((r["band"], r["sex"], r["from"], r["to"]), 0) + 1.0) / (surv + 8.0)
    worst = max(worst, abs(float(r["probability"]) - m))
check(rc == 0 and worst < 1e-6, "posterior means (n + w/K) / (n_i + w) (%.2g)" % worst)

rc, out, _ = run(panel, "--what", "mortality", "--format", "csv")
mort = list(csv.DictReader(io.StringIO(out)))
check(rc == 0 and len(mort) == 8 and float(mort[0]["relative_mortality"]) == 1.0,
      "mortality table with level 0 = 1")
check(float(mort[7]["relative_mortality"]) > 1.2, "long-term care has higher mortality")

trf = os.path.join(tmp, "tr.csv")
rc, _, err = run(panel, "--format", "csv", "--transitions-out", trf)
check(rc == 0 and os.path.exists(trf), "transitions file written")
rc, out, err = clitest.run([EXE, "services", "--mode", "markov", "--transitions", trf, "--to",
                           "2030", "--format", "csv"], timeout=300)
check(rc == 0 and "2030" in out, "planomsorg services --mode markov reads it: " + err.strip())

bad = os.path.join(tmp, "bad.csv")
with open(bad, "w") as f:
    f.write("person,year,age,sex,level\n1,2020,80,f,none\n1,2020,80,f,home_nursing\n"
            "2,2020,70,m,none\n2,2021,71,m,home_nursing\n")
rc, _, err = run(bad)
check(rc == 2 and "bad.csv:3:" in err and "duplicate" in err, "duplicate record: exit 2, line 3")
rc, out, err = run(bad, "--skip-bad", "--format", "csv")
check(rc == 0 and "dropped" in err, "--skip-bad lists the dropped record")
for args in ([], [panel, "--bands", "5,10"], [panel, "--method", "bayes"], [panel, "--pool", "-1"],
             [panel, panel], [panel, "--what", "both"]):
    rc, _, err = run(*args)
    check(rc == 64 and "planomsorg" in err, "exit 64 for %s (got %d)" % (args, rc))
for name in (panel, bad, trf):
    os.remove(name)
os.rmdir(tmp)
sys.exit(clitest.summary())
