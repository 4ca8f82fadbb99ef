#!/usr/bin/python3
"""A municipality's care plan from Python, notebook style (run as a script or cell by cell).

Trondheim (5001) as the example: population today, projection to 2040 under SSB-style
alternatives, nursing-home coverage (dekningsgrad) if no places are built, the places
needed to hold today's coverage, and the whole plan under the worst / middle / best bundles
(users by level, FTE demand, staff supply, costs). Figures are written as PNG, and the
plan's long table as plan.csv, to --out (default: current dir).

    PLANOMSORG_LIBRARY=build/lib/libplanomsorg.so.1 PYTHONPATH=bindings/python \
        /usr/bin/python3 examples/python/municipality_plan.py --out /tmp/plan
"""
import argparse
import os

import matplotlib

matplotlib.use(os.environ.get("MPLBACKEND", "Agg"))
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

import planomsorg as pl  # noqa: E402
from planomsorg import coverage, plots  # noqa: E402

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--municipality", default="5001")
parser.add_argument("--horizon", type=int, default=2040)
parser.add_argument("--out", default=".")
args = parser.parse_args()
os.makedirs(args.out, exist_ok=True)
code, horizon = args.municipality, args.horizon

# %% 1. Population on 1 January (embedded SSB 07459) and the planning ratios
observed = pl.Population.embedded(code)
base_year = observed.first_year + observed.n_years - 1
print("%s (%s), population %d-%d" % (pl.region_name(code), code, observed.first_year, base_year))
bands = observed.bands_frame()
print(bands[bands.year == base_year].set_index("band")["persons"].round(0).to_string())
print("67+ per person 20-66: %.3f" % observed.ratio(base_year, "ratio_67p_per_20_66"))

# %% 2. Projection to the horizon: main, low and high alternatives (demography.h defaults)
projections = {}
with observed.slice(base_year, 1) as base:
    for alt in ("low", "main", "high"):
        with pl.Demography.default(code, base_year - 1, alt) as demo:
            pop, comp = pl.project(base, base_year, horizon, demo)
        projections[alt] = pop
        comp.close()
main = projections["main"]
years = main.years
p80 = pd.DataFrame({alt: [p.band(int(y), "80+") for y in years] for alt, p in projections.items()},
                   index=years)
print("\nPersons 80+ by alternative:\n", p80.iloc[::5].round(0).to_string())

fig, ax = plt.subplots(figsize=(7, 8))
both = main.copy()
plots.pyramid(both, (base_year, horizon), ax=ax, group=5)
ax.set_title("%s: population %d and %d (main alternative)" % (pl.region_name(code), base_year,
                                                              horizon))
fig.savefig(os.path.join(args.out, "pyramid.png"), dpi=100)
plt.close(fig)

# %% 3. Nursing-home coverage 80+ with today's places, and the places needed to hold it
stat_year = base_year - 1
while stat_year > base_year - 6:
    try:
        places = pl.kostra(code, stat_year, "longterm_80p")
        break
    except pl.PlanomsorgError:
        stat_year -= 1
dg_now = coverage.rate(places, observed, stat_year)
print("\nLong-term residents 80+ in %d: %.0f, coverage %.1f %% of persons 80+"
      % (stat_year, places, 100 * dg_now))

path = coverage.path(np.full(years.size, places), main, base_year)
below = coverage.first_below(path, base_year, dg_now * 0.95)
print("With no new places coverage falls to %.1f %% in %d; below 95 %% of today's in %s"
      % (100 * path[-1], horizon, below))
added = coverage.places_to_add(places, dg_now, main, base_year, years.size)
plan = pd.DataFrame({"year": years, "coverage_fixed": path, "places_to_add": added,
                     "places": places + np.cumsum(added)})
print(plan.iloc[::5].round(3).to_string(index=False))

fig, ax = plt.subplots(figsize=(8, 5))
plots.coverage_path(years, path, dg_now, ax=ax, label="places held at %d" % stat_year,
                    target_label="coverage %d" % stat_year)
ax.set_title("%s: nursing-home coverage 80+" % pl.region_name(code))
fig.savefig(os.path.join(args.out, "coverage.png"), dpi=100)
plt.close(fig)

# %% 4. The whole plan: worst / middle / best bundles of levers (plan.h, scenario.h)
with pl.Plan(code, base_year, horizon) as plan:
    for bundle in ("worst", "middle", "best"):
        plan.add_scenario(bundle)
    result = plan.run()
frame = result.to_frame()                      # scenario, year, measure, level, group, value
frame.to_csv(os.path.join(args.out, "plan.csv"), index=False)
fte = result.series("fte_demand")
print("\nFTE demand (årsverk) by scenario:\n", fte.iloc[::5].round(0).to_string())
lo, hi = result.band(horizon, "fte_demand")
print("FTE demand in %d: %.0f to %.0f across scenarios" % (horizon, lo, hi))
print("Cost total %d, middle: %.1f million NOK"
      % (horizon, result.get("middle", horizon, "cost_total") / 1e6))

users = frame[(frame.scenario == "middle") & (frame.measure == "users")
              & (frame.level != "all") & (frame.level != "none")]
fig, ax = plt.subplots(figsize=(9, 5))
plots.users_by_level(users, ax=ax, value="value", order=result.levels)
ax.set_ylabel("users")
ax.set_title("%s: users by level, middle scenario" % pl.region_name(code))
fig.savefig(os.path.join(args.out, "users_by_level.png"), dpi=100)
plt.close(fig)

long_fte = frame[(frame.measure == "fte_demand") & (frame.level == "all") & (frame.group == "all")]
fig, ax = plt.subplots(figsize=(8, 5))
plots.fte_band(long_fte, ax=ax, value="value", middle="middle")
ax.set_title("%s: FTE demand by scenario" % pl.region_name(code))
fig.savefig(os.path.join(args.out, "fte_band.png"), dpi=100)
plt.close(fig)

fig, ax = plt.subplots(figsize=(8, 5))
plots.supply_demand(result.years, result.series("fte_supply")["middle"].values,
                    fte["middle"].values, ax=ax)
ax.set_title("%s: staff supply and demand, middle scenario" % pl.region_name(code))
fig.savefig(os.path.join(args.out, "supply_demand.png"), dpi=100)
plt.close(fig)
result.close()

# %% 5. Uncertainty: Monte Carlo of the middle scenario with uncertain levers (montecarlo.h)
with pl.Plan(code, base_year, horizon) as plan:
    plan.add_scenario("middle")
    with pl.MonteCarlo.for_plan(plan, 0) as mc:
        mc.set_lever("productivity", "normal", 0.005, 0.005)     # annual growth, mean, sd
        mc.set_lever("family_care", "triangular", 0.9, 1.0, 1.05)
        mc.run(50, seed=2026)
        bands = mc.to_frame()
fte_mc = bands[(bands.measure == "fte_demand") & (bands.level == "all") & (bands.group == "all")]
print("\nFTE demand %d, middle with uncertain productivity and family care: "
      "median %.0f, 90 %% band %.0f-%.0f" % ((horizon,) + tuple(
          fte_mc[fte_mc.year == horizon][["p50", "p05", "p95"]].values[0])))
fig, ax = plt.subplots(figsize=(8, 5))
plots.fan(fte_mc.year, fte_mc.p05, fte_mc.p50, fte_mc.p95, ax=ax, central=fte_mc.value)
ax.set_title("%s: FTE demand, middle scenario, 50 draws" % pl.region_name(code))
fig.savefig(os.path.join(args.out, "fte_fan.png"), dpi=100)
plt.close(fig)

for p in list(projections.values()) + [observed, both]:
    p.close()
print("\nFigures written to", os.path.abspath(args.out))
