#!/usr/bin/python3
"""Hostile input to every subcommand of planomsorg (tools/cmd_*.c): options without their
value, empty, huge, negative or non-numeric values, unknown regions and years outside the
data, and unreadable, empty, binary, Latin-1, endless, huge-line and malformed files for
every file option.

Usage: test_hostile.py PATH_TO_planomsorg EXAMPLES_DIR

Every case must end with exit status 2 (bad data or input file, unknown region or year)
or 64 (bad usage), a single line on standard error naming the problem, no sanitizer
report and no hang (20 s per run); cases that succeed must print no nan, inf or -0.
"""
import os
import re
import sys
import tempfile

import clitest
from clitest import check

EXE = sys.argv[1]
CHANCELLOR = os.path.join(sys.argv[2], "markov", "chancellor")
INITIAL = os.path.join(CHANCELLOR, "initial.csv")
TRANS = os.path.join(CHANCELLOR, "transitions_mono.csv")
TMP = tempfile.mkdtemp(prefix="planomsorg_hostile_")
BAD_NUMBER = re.compile(r"(?i)(^|[,\s:\[])-?(nan|inf|infinity)($|[,\s\]])|(^|,)-0(\.0*)?($|,)",
                        re.M)


def write(name, data):
    path = os.path.join(TMP, name)
    with open(path, "wb") as f:
        f.write(data.encode() if isinstance(data, str) else data)
    return path


def run(args, codes=(2, 64), fragment=None):
    """Runs planomsorg with args; checks the exit status is one of codes and, on failure, a
    one-line 'planomsorg: ' message (containing fragment when given)."""
    what = " ".join(a if len(a) < 60 else a[:57] + "..." for a in args)
    try:
        rc, out, err = clitest.run([EXE, *args], timeout=20)
    except Exception as e:  # a hang (TimeoutExpired) or undecodable output
        check(False, f"{what}: {type(e).__name__}")
        return None
    check("Sanitizer" not in err and "runtime error" not in err, f"{what}: sanitizer: {err}")
    check(rc in codes, f"{what}: exit {rc} not in {codes}: {err!r}")
    if rc != 0:
        lines = err.strip().split("\n")
        check(len(lines) == 1 and lines[0].startswith("planomsorg"),
              f"{what}: message is not one 'planomsorg...' line: {err!r}")
        if fragment is not None:
            check(fragment in err, f"{what}: message lacks {fragment!r}: {err!r}")
    else:
        check(BAD_NUMBER.search(out) is None, f"{what}: nan/inf/-0 in the output")
    return rc, out, err


# --------------------------------------------------------------- options without values
OPTIONS = {
    "profile": ["--municipality", "--year", "--format"],
    "project": ["--municipality", "--from", "--to", "--as-of", "--alternative", "--align-ssb",
                "--ssb-region", "--format"],
    "services": ["--municipality", "--to", "--mode", "--transitions", "--capacity", "--theta",
                 "--format"],
    "markov": ["--transitions", "--initial", "--values", "--cycles", "--discount", "--format"],
    "plan": ["--municipality", "--scenario", "--to", "--format", "--draws", "--seed",
             "--threads", "--lever", "--panel", "--panel-bands"],
    "estimate": ["--bands", "--levels", "--method", "--prior", "--prior-weight", "--pool",
                 "--what", "--format", "--transitions-out"],
}
PANEL_OK = write("panel_ok.csv", "person,year,age,sex,level\n1,2020,80,f,none\n"
                 "1,2021,81,f,home_nursing\n2,2020,85,m,none\n2,2021,86,m,death\n")
BASE = {"markov": ["--transitions", TRANS, "--initial", INITIAL], "estimate": [PANEL_OK]}
for cmd, opts in OPTIONS.items():
    for opt in opts:
        run([cmd, *BASE.get(cmd, []), opt], (64,), f"{opt}")
    run([cmd, "--bogus"], (64,), "--bogus")
for cmd, opt in (("profile", "--year"), ("project", "--to"), ("services", "--to"),
                 ("markov", "--cycles"), ("plan", "--draws"), ("estimate", "--pool")):
    for value in ("", "99999999999999999999", "nan", "abc", "--format"):
        run([cmd, *BASE.get(cmd, []), opt, value], (64,))

# ------------------------------------------------------------ regions and years
for code in ("123", "12345", "abcd", "-301", " 301", "03O1"):
    run(["profile", "--municipality", code], (64,), "--municipality")
run(["profile", "--municipality", "9999"], (2,), "9999")
for year in ("-2020", "0", "1800", "3000", "2147483648"):
    run(["profile", "--year", year], (2, 64), year)
    run(["project", "--from", year], (2, 64), year)
run(["project", "--from", "2024", "--to", "2020"], (64,))
run(["project", "--to", "2200"], (2, 64), "2100")
run(["services", "--to", "2300"], (2,), "2100")
run(["services", "--to", "2102"], (2,), "2100")
run(["services", "--theta", "nan"], (64,), "--theta")
run(["services", "--theta", "1e400"], (64,), "'1e400' is not a number")
run(["services", "--to", "2026", "--theta", "1e-320"], (0,))  # an underflow is a number
run(["services", "--theta", "-inf"], (64,), "--theta")

# ------------------------------------------------------------ bad files for every file option
EMPTY = write("empty.csv", "")
BINARY = write("binary.csv", bytes(range(256)) * 8)
LATIN1 = write("latin1.csv", b"state,share\nTroms\xf8,1\n")
HUGE_LINE = write("huge_line.csv", "state,share\nA," + "1" * 2_000_000 + "\n")
WRONG_COLS = write("wrong_cols.csv", "a,b\n1,2\n")
FILES = ["/nonexistent/x.csv", TMP, EMPTY, BINARY, LATIN1, HUGE_LINE, WRONG_COLS]
if os.access("/dev/zero", os.R_OK):
    FILES.append("/dev/zero")  # endless: reading stops at the first NUL byte
for f in FILES:
    run(["project", "--align-ssb", f, "--to", "2027"], (2,))
    run(["services", "--mode", "markov", "--transitions", f, "--to", "2027"], (2,))
    run(["services", "--capacity", f, "--to", "2027"], (2,))
    run(["markov", "--transitions", f, "--initial", INITIAL], (2,))
    run(["markov", "--initial", f, "--transitions", TRANS], (2,))
    run(["markov", "--values", f, "--initial", INITIAL, "--transitions", TRANS], (2,))
    run(["plan", f], (2,))
    run(["plan", "--to", "2027", "--draws", "2", "--panel", f], (2,))
    run(["estimate", f], (2,))

# ------------------------------------------------------------ markov file contents
TH = "cycle,from,to,probability\n"
for name, text, frag in (
        ("nan", TH + "*,A,A,nan\n", "tr_nan.csv:2:4"),
        ("inf", TH + "*,A,A,inf\n", "tr_inf.csv:2:4"),
        ("neg", TH + "*,A,A,1.5\n*,A,B,-0.5\n", "tr_neg.csv:2"),
        ("sum", TH + "*,A,A,0.5\n*,A,B,0.2\n", "tr_sum.csv"),
        ("unknown", TH + "*,A,Z,1\n", "'Z'"),
        ("cycle", TH + "-1,A,A,1\n", "tr_cycle.csv:2:1"),
        ("cycle_big", TH + "100000000,A,A,1\n", "tr_cycle_big.csv:2:1"),
        ("columns", "cycle,from,to\n*,A,A\n", "probability"),
        ("hex", TH + "*,A,A,0x1p0\n", "0x1p0")):
    run(["markov", "--transitions", write(f"tr_{name}.csv", text), "--initial", INITIAL,
         "--cycles", "3"], (2,), frag)
for name, text in (("sum", "state,share\nA,0.5\nB,0.2\nC,0\nD,0\n"),
                   ("nan", "state,share\nA,nan\nB,0\nC,0\nD,0\n"),
                   ("dup", "state,share\nA,1\nA,0\nC,0\nD,0\n")):
    run(["markov", "--transitions", TRANS, "--initial", write(f"in_{name}.csv", text),
         "--cycles", "3"], (2,), f"in_{name}.csv")
# values whose total overflows: exit 1 (numerical failure) naming the measure, no NA output
run(["markov", "--transitions", TRANS, "--initial", INITIAL, "--cycles", "3", "--values",
     write("values_big.csv", "cycle,state,value\n*,A,1e308\n*,B,1e308\n")], (1,), "overflows")
for d in ("-1", "nan", "inf"):
    run(["markov", "--transitions", TRANS, "--initial", INITIAL, "--discount", d], (64,))

# ------------------------------------------------------------ services file contents
CH = "year,level,places\n"
for name, text in (("unknown", CH + "2025,bogus,10\n"), ("index", CH + "2025,99,10\n"),
                   ("residual", CH + "2025,none,10\n"), ("nan", CH + "2025,long_term,nan\n"),
                   ("inf", CH + "2025,long_term,inf\n"), ("neg", CH + "2025,long_term,-5\n"),
                   ("gap", CH + "2025,long_term,10\n2027,long_term,10\n"),
                   ("dup", CH + "2025,long_term,10\n2025,long_term,12\n"),
                   ("year", CH + "3000,long_term,10\n"), ("header", CH)):
    run(["services", "--to", "2027", "--capacity", write(f"cap_{name}.csv", text)], (2,),
        f"cap_{name}.csv")
TRH = "age_from,sex,from,to,probability\n"
for name, text in (("sum", TRH + "0,0,none,none,0.5\n"), ("nan", TRH + "0,0,none,none,nan\n"),
                   ("unknown", TRH + "0,0,none,bogus,1\n"), ("sex", TRH + "0,2,none,none,1\n"),
                   ("age", TRH + "-5,0,none,none,1\n"),
                   ("death_rel", TRH + "0,0,none,none,1\n0,0,home_nursing,death_rel,-1\n")):
    run(["services", "--to", "2027", "--mode", "markov", "--transitions",
         write(f"tr_{name}.csv", text)], (2,), f"tr_{name}.csv")

# ------------------------------------------------------------ panel records
PH = "person,year,age,sex,level\n"
for name, text, frag in (
        ("header_only", PH, "no transitions"),
        ("single", PH + "1,2020,80,f,none\n", "no transitions"),
        ("columns", "person,year,age\n1,2020,80\n", "missing column"),
        ("age", PH + "1,2020,-1,f,none\n1,2021,0,f,none\n", "panel_age.csv:2:3"),
        ("age_big", PH + "1,2020,1000,f,none\n", "panel_age_big.csv:2:3"),
        ("year", PH + "1,-5,80,f,none\n1,-4,81,f,none\n", "panel_year.csv:2:2"),
        ("year_big", PH + "1,99999,80,f,none\n", "panel_year_big.csv:2:2"),
        ("sex", PH + "1,2020,80,x,none\n", "unknown sex"),
        ("level", PH + "1,2020,80,f,bogus\n", "bogus"),
        ("dup", PH + "1,2020,80,f,none\n1,2020,80,f,none\n", "duplicate"),
        ("back", PH + "1,2020,80,f,none\n1,2021,70,f,none\n", "backwards"),
        ("sex_change", PH + "1,2020,80,f,none\n1,2021,81,m,none\n", "sex differs"),
        ("after_death", PH + "1,2020,80,f,none\n1,2021,81,f,death\n1,2022,82,f,none\n",
         "after the death"),
        ("died", "person,year,age,sex,level,died\n1,2020,80,f,none,nan\n", "panel_died.csv:2"),
        ("quote", PH + "\"1,2020,80,f,none\n", "quot")):
    path = write(f"panel_{name}.csv", text)
    run(["estimate", path], (2,), frag)
    run(["plan", "--to", "2026", "--draws", "2", "--panel", path], (2,), frag)
# every record dropped: no transition is left
run(["estimate", os.path.join(TMP, "panel_sex.csv"), "--skip-bad"], (2,), "no transitions")
for args in (["--bands", ""], ["--bands", "80,67"], ["--bands", "-1"], ["--bands", "a"],
             ["--levels", ""], ["--levels", "a,a"], ["--prior-weight", "0"],
             ["--prior-weight", "nan"], ["--pool", "-1"], ["--method", "x"]):
    run(["estimate", PANEL_OK, *args], (64,))
for args in (["--transitions-out", TMP], ["--transitions-out", "/nonexistent/x.csv"]):
    run(["estimate", PANEL_OK, *args], (2,), "cannot write")

# ------------------------------------------------------------ plan: draws, threads, levers
PLAN = ["plan", "--to", "2026", "--format", "csv"]
for args in (["--draws", "0"], ["--draws", "-1"], ["--draws", "1000001"],
             ["--draws", "2", "--threads", "-1"], ["--draws", "2", "--threads", "99999999999"],
             ["--draws", "2", "--lever", "health"], ["--draws", "2", "--lever", "health="],
             ["--draws", "2", "--lever", "health=normal:0.5"],
             ["--draws", "2", "--lever", "health=normal:0.5,-1"],
             ["--draws", "2", "--lever", "health=normal:nan,0.1"],
             ["--draws", "2", "--lever", "health=beta:0,0"],
             ["--draws", "2", "--lever", "health=uniform:1,0"],
             ["--draws", "2", "--lever", "health=triangular:0,2,1"],
             ["--draws", "2", "--lever", "health=fixed:inf"],
             ["--draws", "2", "--lever", "bogus=fixed:0"],
             ["--draws", "2", "--lever", "health=bogus:1"],
             ["--lever", "health=fixed:0.5"], ["--panel", PANEL_OK],
             ["--scenario", ""], ["--scenario", "bogus"], ["--format", "xml"],
             ["--draws", "2", "--panel", PANEL_OK, "--panel-bands", "80,67"]):
    run([*PLAN, *args], (2, 64))
# degenerate but valid: a huge thread count, a zero spread, clamped levers
run([*PLAN, "--draws", "2", "--threads", "100000"], (64,), "--threads")
for args in (["--draws", "2", "--threads", "256"],
             ["--draws", "3", "--lever", "health=normal:0.5,0"],
             ["--draws", "3", "--lever", "health=uniform:0.5,0.5"],
             ["--draws", "3", "--lever", "health=lognormal:1e308,1"],
             ["--draws", "3", "--lever", "productivity=normal:0,1e300"]):
    run([*PLAN, *args], (0,))

# ------------------------------------------------------------ plan files
for name, text in (
        ("list", "[1, 2, 3]\n"), ("scalar", "hello\n"), ("types", "base_year: [2025]\n"),
        ("types2", "base_year: abc\n"), ("unknown", "foo: 1\n"), ("version", "version: 2\n"),
        ("deep", "a: " + "[" * 10000 + "]" * 10000 + "\n"),
        ("alias_undefined", "region: *nope\n"),
        ("laughs", "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                   "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"),
        ("huge", "base_year: 99999999999999999999999\n"), ("huge2", "last_year: 1e400\n"),
        ("inf", "costs: {cost_per_fte: .inf}\n"), ("nan", "costs: {cost_per_fte: .nan}\n"),
        ("negative", "costs: {cost_per_fte: -1}\n"), ("years", "base_year: 2030\nlast_year: 2025\n"),
        ("years2", "base_year: -2025\n"), ("years3", "last_year: 2101\n"),
        ("dup", "region: \"0000\"\nregion: \"0000\"\n"),
        ("ramp", "scenarios:\n  - name: a\n    health: {from: 2040, to: 2030, start: 0, end: 1}\n"),
        ("path", "scenarios:\n  - name: a\n    health: {from: 2025, to: 2026, values: [0.1]}\n"),
        ("name", "scenarios:\n  - name: \"a b\"\n"), ("name_dup", "scenarios:\n  - a\n  - a\n"),
        ("capacity", "capacity: {bogus: {from: 2025, values: [1]}}\n"),
        ("two_documents", "version: 1\n---\nversion: 1\n"),
        ("capacity_none", "capacity: {none: {from: 2025, values: [1]}}\n"),
        ("capacity_nan", "capacity: {long_term: {from: 2025, values: [.nan]}}\n"),
        ("capacity_neg", "capacity: {long_term: {from: 2025, values: [-1]}}\n"),
        ("population", "population: {source: file, file: /nonexistent.csv}\n"),
        ("population_dir", "population: {source: file, file: " + TMP + "}\n"),
        ("kostra", "rates: {kostra_year: 1900}\n")):
    path = write(f"plan_{name}.yaml", text)
    run(["plan", path, "--to", "2027"], (2,), f"plan_{name}.yaml")
# 100 000 unclosed '[' took libyaml about 50 s (time quadratic in the depth): refused first
run(["plan", write("plan_deep_unclosed.yaml", "scenarios: " + "[" * 100000 + "\n")], (2,),
    "nesting deeper than 64 levels")
run(["plan", write("plan_nul.yaml", b"region: \"50\x0021\"\n")], (2,))
run(["plan", write("plan_no_scenarios.yaml", "scenarios: []\n")], (2,), "lists no scenario")
# an unwritable workbook is refused before the run: one message, nothing on stdout
run(["plan", "--xlsx", ""], (64,), "needs a file name")
for target in (os.path.join(TMP, "missing_dir", "w.xlsx"), TMP):
    result = run(["plan", "--to", "2026", "--xlsx", target], (2,), "cannot write the workbook")
    check(result is not None and result[1] == "", f"--xlsx {target}: output before the error")

code = clitest.summary()
sys.exit(code)
