#!/usr/bin/python3
"""CLI test of `planomsorg markov` on the Chancellor et al. (1997) HIV model.

Usage: test_markov.py PLANOMSORG_EXE EXAMPLES_DIR

Reference figures: Briggs, Claxton and Sculpher (2006), Decision Modelling for
Health Economic Evaluation, example 2.5 (spreadsheet solution), as checked by
the R package heemod (tests/testthat/test_dmhee.R): life years undiscounted,
costs discounted at 6 % from cycle 1.
"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

from clitest import check, summary

REFERENCE = {
    "mono": {"life_years": 7.9912066, "value_discounted": 44663.4535637},
    "comb": {"life_years": 8.9373889, "value_discounted": 50601.6513312},
}
REL_TOL = 1e-6

def run(exe, *args):
    return subprocess.run([exe, "markov", *args], capture_output=True, text=True, timeout=60)


def parse_csv_output(text):
    """Splits the output into the trace rows and the totals block (after a blank line)."""
    trace_text, totals_text = text.split("\n\n", 1)
    trace = list(csv.DictReader(io.StringIO(trace_text)))
    totals = {row["measure"]: float(row["value"]) for row in csv.DictReader(io.StringIO(totals_text))}
    return trace, totals


def main():
    exe, examples = sys.argv[1], sys.argv[2]
    d = os.path.join(examples, "markov", "chancellor")
    results = {}
    for arm in ("mono", "comb"):
        p = run(exe, "--transitions", os.path.join(d, f"transitions_{arm}.csv"),
                "--initial", os.path.join(d, "initial.csv"),
                "--values", os.path.join(d, f"values_{arm}.csv"),
                "--cycles", "20", "--discount", "0.06", "--format", "csv")
        check(p.returncode == 0, f"{arm}: exit status 0 (stderr: {p.stderr.strip()})")
        if p.returncode != 0:
            continue
        trace, totals = parse_csv_output(p.stdout)
        results[arm] = totals
        check(list(trace[0].keys()) == ["cycle", "state", "share"], f"{arm}: trace header")
        check(len(trace) == 21 * 4, f"{arm}: 21 cycles x 4 states of trace rows")
        sums = {}
        for row in trace:
            sums[int(row["cycle"])] = sums.get(int(row["cycle"]), 0.0) + float(row["share"])
        check(all(abs(s - 1.0) < 1e-12 for s in sums.values()), f"{arm}: shares sum to 1 in every cycle")
        # life_years is the sum over cycles 1..20 of the share not in the absorbing state D
        alive = sum(float(r["share"]) for r in trace if r["state"] != "D" and int(r["cycle"]) >= 1)
        check(abs(alive - totals["life_years"]) < 1e-12, f"{arm}: life_years equals the trace sum")
        for measure, want in REFERENCE[arm].items():
            got = totals[measure]
            check(abs(got - want) / want <= REL_TOL,
                  f"{arm}: {measure} {got:.10g} vs published {want} (relative {abs(got - want) / want:.2g})")
        check(set(totals) >= {"life_years", "life_years_discounted", "value_total", "value_discounted"},
              f"{arm}: totals block has the documented measures")
    if len(results) == 2:
        icer = (results["comb"]["value_discounted"] - results["mono"]["value_discounted"]) / (
            results["comb"]["life_years"] - results["mono"]["life_years"])
        check(abs(icer - 6275.95560) / 6275.95560 <= REL_TOL, f"ICER {icer:.8g} vs published 6275.95560")

    # JSON is one document with the trace and the totals
    p = run(exe, "--transitions", os.path.join(d, "transitions_mono.csv"),
            "--initial", os.path.join(d, "initial.csv"), "--cycles", "20", "--format", "json")
    check(p.returncode == 0, "json: exit status 0")
    if p.returncode == 0:
        doc = json.loads(p.stdout)
        check(len(doc["trace"]) == 84 and doc["totals"][0]["measure"] == "life_years",
              "json: trace and totals present")
        check(abs(doc["totals"][0]["value"] - REFERENCE["mono"]["life_years"]) / 7.9912066 <= REL_TOL,
              "json: life_years")
    # the text table runs too
    p = run(exe, "--transitions", os.path.join(d, "transitions_comb.csv"),
            "--initial", os.path.join(d, "initial.csv"), "--half-cycle")
    check(p.returncode == 0 and "life_years" in p.stdout, "table: exit 0 with a totals block (cycles from file)")

    # errors: a bad input file exits 2 naming file and line; bad usage exits 64
    with tempfile.TemporaryDirectory() as tmp:
        t = os.path.join(tmp, "t.csv")
        with open(t, "w") as f:
            f.write("cycle,from,to,probability\n*,A,A,1\n*,B,B,1\n*,C,C,1\n*,D,D,1\n*,A,E,0\n")
        p = run(exe, "--transitions", t, "--initial", os.path.join(d, "initial.csv"), "--cycles", "3")
        check(p.returncode == 2 and "t.csv:6:3: unknown state 'E'" in p.stderr,
              f"unknown state: exit 2 and message ({p.returncode}: {p.stderr.strip()})")
        p = run(exe, "--transitions", os.path.join(d, "transitions_comb.csv"),
                "--initial", os.path.join(d, "initial.csv"), "--cycles", "1")
        check(p.returncode != 0 and "cycle 2 is beyond the 1 cycles run" in p.stderr,
              f"cycle beyond --cycles: failure and message ({p.returncode}: {p.stderr.strip()})")
    p = run(exe, "--initial", os.path.join(d, "initial.csv"))
    check(p.returncode == 64 and "--transitions" in p.stderr, "missing --transitions: exit 64")
    p = run(exe, "--transitions", "x", "--initial", "y", "--discount", "abc")
    check(p.returncode == 64, "bad --discount: exit 64")
    p = run(exe, "--help")
    check(p.returncode == 0 and "cycle,state,share" in p.stdout, "--help documents the output")

    return summary()


if __name__ == "__main__":
    sys.exit(main())
