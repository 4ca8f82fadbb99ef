#!/usr/bin/python3
"""Tests of `planomsorg project`: headers, exit codes, and that the CSV equals the library.

usage: test_project.py PLANOMSORG_EXE LIBPLANOMSORG_SO

The library's figures are computed independently of the command through ctypes
(planomsorg_data_population, planomsorg_demography_default, planomsorg_population_project);
SSB's group totals for --align-ssb are read from the raw files with the csv module.
Files under $PLANOMSORG_RAW_DATA are used when present, else those checks are skipped.
"""
import csv
import ctypes
import io
import json
import os
import sys
import tempfile

import clitest
from clitest import check, close

EXE, LIB = sys.argv[1], sys.argv[2]
RAW = os.environ.get("PLANOMSORG_RAW_DATA", "")
TELEMARK = os.path.join(RAW, "telemark")
HAVE_RAW = bool(RAW) and os.path.isdir(TELEMARK)

def run(*args):
    return clitest.run([EXE, "project", *args], timeout=300)


# ---------------------------------------------------------------- the library through ctypes
lib = ctypes.CDLL(LIB)
vp = ctypes.c_void_p
lib.planomsorg_data_population.argtypes = [ctypes.POINTER(vp), ctypes.c_char_p]
lib.planomsorg_demography_default.argtypes = [ctypes.POINTER(vp), ctypes.c_char_p, ctypes.c_int,
                                              ctypes.c_int]
lib.planomsorg_population_project.argtypes = [ctypes.POINTER(vp), ctypes.POINTER(vp), vp,
                                              ctypes.c_int, ctypes.c_int, vp]
lib.planomsorg_population_get.argtypes = [vp, ctypes.c_int, ctypes.c_int, ctypes.c_int,
                                          ctypes.POINTER(ctypes.c_double)]
lib.planomsorg_population_n_years.argtypes = [vp]
lib.planomsorg_population_first_year.argtypes = [vp]
lib.planomsorg_population_free.argtypes = [vp]
lib.planomsorg_demography_free.argtypes = [vp]
lib.planomsorg_error_last.restype = ctypes.c_char_p

ALT = {"main": 0, "low": 1, "high": 2}  # PLANOMSORG_ALTERNATIVE_*


def library_projection(region, as_of, base, last, alternative="main"):
    """{(year, sex, age): persons} from the library directly."""
    obs, demo, proj = vp(), vp(), vp()
    reg = None if region is None else region.encode()
    assert lib.planomsorg_data_population(ctypes.byref(obs), reg) == 0, lib.planomsorg_error_last()
    assert lib.planomsorg_demography_default(ctypes.byref(demo), reg, as_of, ALT[alternative]) == 0, \
        lib.planomsorg_error_last()
    assert lib.planomsorg_population_project(ctypes.byref(proj), None, obs, base, last, demo) == 0, \
        lib.planomsorg_error_last()
    out = {}
    v = ctypes.c_double()
    for y in range(base, last + 1):
        for s in range(2):
            for a in range(106):
                assert lib.planomsorg_population_get(proj, y, s, a, ctypes.byref(v)) == 0
                out[(y, s, a)] = v.value
    lib.planomsorg_population_free(proj)
    lib.planomsorg_demography_free(demo)
    lib.planomsorg_population_free(obs)
    return out


def observed(region):
    obs = vp()
    reg = None if region is None else region.encode()
    assert lib.planomsorg_data_population(ctypes.byref(obs), reg) == 0
    first = lib.planomsorg_population_first_year(obs)
    n = lib.planomsorg_population_n_years(obs)
    return obs, first, first + n - 1


def parse_csv(text):
    rows = list(csv.reader(io.StringIO(text)))
    return rows[0], rows[1:]


# ---------------------------------------------------------------- single ages, default region
rc, out, err = run("--format", "csv", "--to", "2030")
check(rc == 0, f"default csv run exits 0 (got {rc}: {err})")
header, rows = parse_csv(out)
check(header == ["year", "sex", "age", "persons"], f"single-age header {header}")
obs, first, last = observed(None)
lib.planomsorg_population_free(obs)
check(len(rows) == (2030 - last + 1) * 2 * 106, f"rows {len(rows)} for {last}-2030")
check(int(rows[0][0]) == last, f"default base year is the latest observed ({rows[0][0]} vs {last})")
check({r[1] for r in rows} == {"female", "male"}, "sexes are female/male")
check(all(float(r[3]) >= 0 for r in rows), "no negative persons")
ref = library_projection(None, last - 1, last, 2030)
sex_code = {"female": 0, "male": 1}
worst = max(abs(float(r[3]) - ref[(int(r[0]), sex_code[r[1]], int(r[2]))]) /
            max(1.0, ref[(int(r[0]), sex_code[r[1]], int(r[2]))]) for r in rows)
check(worst <= 1e-12, f"every CSV cell equals the library's (worst relative difference {worst})")
for y in range(last, 2031):
    total_csv = sum(float(r[3]) for r in rows if int(r[0]) == y)
    total_lib = sum(v for (yy, s, a), v in ref.items() if yy == y)
    close(total_csv, total_lib, 1e-9, f"{y}: CSV total {total_csv} = library {total_lib}")

# ---------------------------------------------------------------- bands
rc, out, err = run("--format", "csv", "--to", "2030", "--bands")
header, brows = parse_csv(out)
check(rc == 0 and header == ["year", "band", "persons"], f"band header {header} rc {rc}")
bands = {(int(r[0]), r[1]): float(r[2]) for r in brows}
for y in range(last, 2031):
    sums = {"all": (0, 105), "80+": (80, 105), "67+": (67, 105), "90+": (90, 105),
            "0-66": (0, 66), "67-79": (67, 79), "80-89": (80, 89), "20-66": (20, 66)}
    for name, (lo, hi) in sums.items():
        want = sum(ref[(y, s, a)] for s in range(2) for a in range(lo, hi + 1))
        close(bands[(y, name)], want, 1e-9, f"{y} band {name}: {bands[(y, name)]} vs {want}")

# ---------------------------------------------------------------- json and table
rc, out, err = run("--format", "json", "--to", str(last + 1), "--bands")
check(rc == 0, f"json exits 0 ({err})")
data = json.loads(out)
check(isinstance(data, list) and set(data[0]) == {"year", "band", "persons"}, "json keys")
jall = [d["persons"] for d in data if d["band"] == "all" and d["year"] == last + 1][0]
want = sum(ref[(last + 1, s, a)] for s in range(2) for a in range(106))
close(jall, want, 1e-9, f"json total {jall} vs {want}")
rc, out, err = run("--to", str(last + 1), "--bands")
check(rc == 0 and "Population of Norway" in out and "80+" in out, "table output has title and bands")
rc, out, err = run("--help")
check(rc == 0 and "--align-ssb" in out, "--help exits 0 and lists options")

# ---------------------------------------------------------------- municipality and as-of
rc, out, err = run("--municipality", "5001", "--format", "csv", "--to", "2035", "--bands")
check(rc == 0, f"Trondheim runs ({err})")
if rc == 0:
    _, mrows = parse_csv(out)
    mref = library_projection("5001", last - 1, last, 2035)
    m_all = {int(r[0]): float(r[2]) for r in mrows if r[1] == "all"}
    for y, v in m_all.items():
        want = sum(mref[(y, s, a)] for s in range(2) for a in range(106))
        close(v, want, 1e-9, f"Trondheim {y}: {v} vs {want}")
rc, out, err = run("--from", "2020", "--as-of", "2019", "--to", "2026", "--format", "csv", "--bands")
check(rc == 0, f"backtest run exits 0 ({err})")
if rc == 0:
    _, trows = parse_csv(out)
    tref = library_projection(None, 2019, 2020, 2026)
    t26 = {r[1]: float(r[2]) for r in trows if r[0] == "2026"}
    want = sum(tref[(2026, s, a)] for s in range(2) for a in range(80, 106))
    close(t26["80+"], want, 1e-9, f"backtest 80+ 2026 {t26['80+']} vs {want}")
for alt in ("low", "high"):
    rc, out, err = run("--alternative", alt, "--format", "csv", "--bands", "--to", "2040")
    check(rc == 0, f"--alternative {alt} runs ({err})")
    if rc == 0:
        _, arows = parse_csv(out)
        aref = library_projection(None, last - 1, last, 2040, alt)
        v = [float(r[2]) for r in arows if r[0] == "2040" and r[1] == "all"][0]
        want = sum(aref[(2040, s, a)] for s in range(2) for a in range(106))
        close(v, want, 1e-9, f"{alt} 2040 total {v} vs {want}")

# ---------------------------------------------------------------- exit codes
def expect(args, code, fragment):
    rc, out, err = run(*args)
    check(rc == code and fragment in err,
          f"{' '.join(args)}: exit {rc} (want {code}), stderr {err.strip()!r} (want {fragment!r})")


expect(["--municipality", "9999"], 2, "unknown municipality '9999'")
expect(["--municipality", "Oslo"], 64, "four-digit")
expect(["--from", "2030"], 2, "no observed population of Norway on 1 January 2030")
expect(["--from", "1970"], 2, "no observed population")
expect(["--municipality", "0301", "--from", "2020"], 2, "no observed population")
expect(["--municipality", "0301", "--as-of", "2020", "--from", "2025"], 2, "no default assumptions")
expect(["--to", "2150"], 2, "reach 2100")
expect(["--align-ssb", "/nonexistent/ssb.csv"], 2, "/nonexistent/ssb.csv")
expect(["--bogus"], 64, "unknown option '--bogus'")
expect(["--alternative", "medium"], 64, "'medium' is not one of low, main, high")
expect(["--format", "xml"], 64, "--format")
expect(["--from", "abc"], 64, "--from")
expect(["--from"], 64, "--from needs an argument")
expect(["--to", "2020"], 64, "before --from")
expect(["--from", "2020", "--as-of", "2022"], 64, "must be before the base year")
expect(["--ssb-region", "Skien"], 64, "--ssb-region needs --align-ssb")

with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
    f.write("region,statistikkvariabel,år,alder,value\nHele landet,Hovedalternativet (MMMM),2030,"
            "80-89 år,12x\n")
    bad = f.name
expect(["--align-ssb", bad], 2, ":2:5")
os.unlink(bad)

# ---------------------------------------------------------------- --align-ssb with SSB's files
GROUPS = [(0, 0), (1, 5), (6, 12), (13, 15), (16, 19), (20, 44), (45, 66), (67, 79), (80, 89),
          (90, 105)]
LABEL = {"0 år": 0, "1-5 år": 1, "6-12 år": 2, "13-15 år": 3, "16-19 år": 4, "20-44 år": 5,
         "45-66 år": 6, "67-79 år": 7, "80-89 år": 8, "90 år eller eldre": 9}
SSB_ALT = {"main": "Hovedalternativet (MMMM)", "low": "Lav nasjonal vekst (LLML)",
           "high": "Høy nasjonal vekst (HHMH)"}


def ssb_groups(path, region, alternative):
    out = {}
    with open(path, encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["region"] == region and r["statistikkvariabel"] == SSB_ALT[alternative]:
                out[(int(r["år"]), LABEL[r["alder"]])] = float(r["value"])
    return out


if HAVE_RAW:
    path = os.path.join(TELEMARK, "Framskrevet_folkemengde_2024-2050.csv")
    for code, region, alt in ((None, "Hele landet", "main"), ("4001", "Porsgrunn", "low"),
                              ("0000", "Hele landet", "high")):
        args = ["--align-ssb", path, "--format", "csv", "--alternative", alt, "--to", "2050"]
        if code:
            args += ["--municipality", code]
        rc, out, err = run(*args)
        check(rc == 0 and "aligned" in err, f"align {region} {alt}: rc {rc}, {err.strip()}")
        if rc != 0:
            continue
        _, arows = parse_csv(out)
        cells = {(int(r[0]), sex_code[r[1]], int(r[2])): float(r[3]) for r in arows}
        ssb = ssb_groups(path, region, alt)
        base = min(y for (y, s, a) in cells)
        worst = 0.0
        for y in range(base + 1, 2051):
            for g, (lo, hi) in enumerate(GROUPS):
                got = sum(cells[(y, s, a)] for s in range(2) for a in range(lo, hi + 1))
                worst = max(worst, abs(got - ssb[(y, g)]) / ssb[(y, g)])
        check(worst <= 1e-9, f"{region} {alt}: aligned groups equal SSB's (worst {worst:.3g})")
        # The observed base year is not touched by alignment.
        oref = library_projection(code, base - 1, base, base, alt)
        check(all(cells[(base, s, a)] == oref[(base, s, a)] for s in range(2) for a in range(106)),
              f"{region}: base year unchanged by alignment")
    expect(["--align-ssb", path, "--municipality", "0301"], 2, "region 'Oslo' is not in the table")
    expect(["--align-ssb", path, "--ssb-region", "Atlantis"], 2, "region 'Atlantis'")
    hist = os.path.join(TELEMARK, "befolkningsframskrivinger_historiske.csv")
    expect(["--align-ssb", hist], 2, "holds no Hovedalternativet (MMMM)")
    expect(["--align-ssb", path, "--from", "2010", "--as-of", "2009", "--to", "2020"], 2,
           "no projected year 2011-2020 to align")
    # --ssb-region names the file's region explicitly: Porsgrunn's old-border name in 2020.
    old_round = os.path.join(TELEMARK, "Framskrevet_folkemengde_2020-2050.csv")
    rc, out, err = run("--municipality", "4001", "--align-ssb", old_round, "--ssb-region",
                       "Porsgrunn (2020-2023)", "--format", "csv", "--bands", "--to", "2030")
    check(rc == 0 and "region 'Porsgrunn (2020-2023)'" in err, f"--ssb-region: rc {rc}, {err}")
    if rc == 0:
        _, prow = parse_csv(out)
        ssb = ssb_groups(old_round, "Porsgrunn (2020-2023)", "main")
        got = [float(r[2]) for r in prow if r[0] == "2030" and r[1] == "80+"][0]
        close(got, ssb[(2030, 8)] + ssb[(2030, 9)], 1e-9, "--ssb-region Porsgrunn 80+ 2030")
else:
    print("SKIP: PLANOMSORG_RAW_DATA not set; --align-ssb checks with SSB's files skipped")

sys.exit(clitest.summary())
