"""estimate.h and montecarlo.h: transition matrices from panel data, synthetic panels,
calibration, and Monte Carlo bands of a service projection or a whole plan."""
import numpy as np

from ._lib import (C, Handle, array, call, code, ffi, integer, lib, names, number, ptr, string,
                   temp_csv, text)
from .plan import ALL as PLAN_ALL
from .plan import LEVERS, MEASURES as PLAN_MEASURES, Plan
from .population import Population
from .services import Services
from .staircase import Staircase, Transitions

DEATH = C["PLANOMSORG_LEVEL_DEATH"]
METHODS = names(lib.planomsorg_estimate_method_name, C["PLANOMSORG_N_ESTIMATE_METHODS"])
ISSUES = names(lib.planomsorg_panel_issue_name, C["PLANOMSORG_N_PANEL_ISSUES"])
PRIORS = names(lib.planomsorg_prior_name, C["PLANOMSORG_N_PRIORS"])
DISTS = names(lib.planomsorg_dist_name, C["PLANOMSORG_N_DISTS"])
CALIB_FIT = names(lib.planomsorg_calib_fit_name, C["PLANOMSORG_CALIB_N_FIT"])
MC_MEASURES = names(lib.planomsorg_mc_measure_name, C["PLANOMSORG_MC_N_MEASURES"])
NOISE_POPULATION = C["PLANOMSORG_MC_NOISE_POPULATION"]
NOISE_USERS = C["PLANOMSORG_MC_NOISE_USERS"]


def _bands(band_lo):
    b = array(band_lo, "band_lo", shape=(None,), dtype=np.int32)
    if b.size < 1:
        raise ValueError("planomsorg: band_lo needs at least one band")
    return b


def _stair(sc):
    if not isinstance(sc, Staircase):
        raise TypeError("planomsorg: staircase must be a Staircase")
    return sc._ptr


class Estimate(Handle):
    """Transition counts by band and sex (deaths in a last column) and the estimators."""

    _free = "planomsorg_estimate_free"
    _ctype = "planomsorg_estimate"

    def __init__(self, n_levels, band_lo=(0,)):
        b = _bands(band_lo)
        out = ffi.new("planomsorg_estimate **")
        call("estimate_new", out, integer(n_levels, "n_levels"), ptr(b), b.size)
        super().__init__(out[0])

    @classmethod
    def read_panel_csv(cls, path, staircase, band_lo=(0,), skip_bad=False):
        b = _bands(band_lo)
        return cls._new("estimate_read_panel_csv", text(path, "path"), _stair(staircase), ptr(b),
                        b.size, ffi.cast("unsigned", 1 if skip_bad else 0))

    @classmethod
    def parse_panel_csv(cls, csv_text, staircase, band_lo=(0,), skip_bad=False,
                        source="<string>"):
        t = text(csv_text, "csv_text")
        b = _bands(band_lo)
        return cls._new("estimate_parse_panel_csv", t, len(t), text(source, "source"),
                        _stair(staircase), ptr(b), b.size, ffi.cast("unsigned", 1 if skip_bad else 0))

    @classmethod
    def from_frame(cls, frame, staircase, band_lo=(0,), skip_bad=False):
        """From a panel DataFrame with columns person, year, age, sex, level (and died)."""
        cols = [c for c in ("person", "year", "age", "sex", "level", "died") if c in frame]
        return cls.parse_panel_csv(frame[cols].to_csv(index=False), staircase, band_lo, skip_bad,
                                   source="<DataFrame>")

    def copy(self):
        return Estimate._new("estimate_copy", self._ptr)

    n_levels = property(lambda self: lib.planomsorg_estimate_n_levels(self._ptr))
    n_bands = property(lambda self: lib.planomsorg_estimate_n_bands(self._ptr))

    def add(self, age, sex, from_level, to_level, weight=1.0):
        """Count one transition (to_level DEATH for a death)."""
        call("estimate_add", self._ptr, integer(age, "age"), integer(sex, "sex"),
             integer(from_level, "from"), integer(to_level, "to"),
             number(weight, "weight", nonnegative=True))

    def issues(self):
        """[(line, issue name, message)] of records dropped with skip_bad."""
        line, kind, msg = ffi.new("size_t *"), ffi.new("int *"), ffi.new("const char **")
        inv = {v: k for k, v in ISSUES.items()}
        res = []
        for i in range(lib.planomsorg_estimate_n_issues(self._ptr)):
            call("estimate_issue", line, kind, msg, self._ptr, i)
            res.append((int(line[0]), inv.get(kind[0], kind[0]), string(msg[0])))
        return res

    def panel_size(self):
        """(rows, persons, transitions) read from the panel."""
        r, p, t = ffi.new("size_t *"), ffi.new("size_t *"), ffi.new("double *")
        call("estimate_panel_size", r, p, t, self._ptr)
        return int(r[0]), int(p[0]), t[0]

    def set_prior(self, kind, weight):
        call("estimate_set_prior", self._ptr, code(PRIORS, kind, "prior"),
             number(weight, "weight", nonnegative=True))

    def set_pooling(self, min_count):
        call("estimate_set_pooling", self._ptr, number(min_count, "min_count", nonnegative=True))

    def counts(self, band=0, sex=2, pooled=False):
        """(K, K + 1) counts, deaths in the last column."""
        k = self.n_levels
        out = np.empty((k, k + 1))
        call("estimate_counts", ptr(out), out.size, self._ptr, integer(band, "band"),
             integer(sex, "sex"), 1 if pooled else 0)
        return out

    def matrix(self, band=0, sex=0, method="ml"):
        """(matrix, standard errors), each (K, K)."""
        k = self.n_levels
        m, se = np.empty((k, k)), np.empty((k, k))
        call("estimate_matrix", ptr(m), ptr(se), m.size, self._ptr,
             code(METHODS, method, "method"), integer(band, "band"), integer(sex, "sex"))
        return m, se

    def mortality(self):
        """(relative mortality, standard errors) per level, level 0 the reference."""
        k = self.n_levels
        m, se = np.empty(k), np.empty(k)
        call("estimate_mortality", ptr(m), ptr(se), k, self._ptr)
        return m, se

    def transitions(self, method="ml"):
        return Transitions._new("estimate_transitions", self._ptr, code(METHODS, method, "method"))


def simulate_panel_csv(path, transitions, staircase, q, initial, n_persons, age_lo, age_hi,
                       first_year, n_years, seed):
    """Write a synthetic panel CSV drawn from known matrices; q of shape (n_bands, 2)."""
    qa = array(q, "q", shape=(transitions.n_bands, 2), nonnegative=True)
    ini = array(initial, "initial", shape=(transitions.n_levels,), nonnegative=True)
    call("panel_simulate_csv", text(path, "path"), transitions._ptr, _stair(staircase),
         ptr(qa), qa.size, ptr(ini), ini.size, integer(n_persons, "n_persons"),
         integer(age_lo, "age_lo"), integer(age_hi, "age_hi"), integer(first_year, "first_year"),
         integer(n_years, "n_years"), ffi.cast("unsigned long", integer(seed, "seed")))


def calibrate(transitions, start, target, target_band_lo, year=0, max_iter=1000, tol=1e-10):
    """Adjust transitions so that one step from start (n_bands, 2, K) reproduces target
    (n_target_bands, K). Returns (Transitions, fit dict)."""
    k, nb = transitions.n_levels, transitions.n_bands
    s = array(start, "start", shape=(nb, 2, k), nonnegative=True)
    tb = _bands(target_band_lo)
    t = array(target, "target", shape=(tb.size, k), nonnegative=True)
    fit = np.full(C["PLANOMSORG_CALIB_N_FIT"], np.nan)
    tr = Transitions._new("estimate_calibrate", ptr(fit), fit.size, transitions._ptr, ptr(s),
                          s.size, ptr(t), t.size, ptr(tb), tb.size, integer(year, "year"),
                          integer(max_iter, "max_iter"), number(tol, "tol"))
    return tr, {name: float(fit[i]) for name, i in CALIB_FIT.items()}


class MonteCarlo(Handle):
    """Monte Carlo draws of a service projection (Services + Population) or of a plan."""

    _free = "planomsorg_mc_free"
    _ctype = "planomsorg_mc"

    def __init__(self, services, population, first_year, last_year):
        if not isinstance(services, Services) or not isinstance(population, Population):
            raise TypeError("planomsorg: MonteCarlo needs a Services and a Population")
        out = ffi.new("planomsorg_mc **")
        call("mc_new", out, services._ptr, population._ptr, integer(first_year, "first_year"),
             integer(last_year, "last_year"))
        super().__init__(out[0], keep=(services, population))
        self._plan_mode = False

    @classmethod
    def for_plan(cls, plan, scenario=-1):
        """Plan mode: each draw runs the plan's scenario with drawn levers. The plan is
        borrowed by the library and kept alive here."""
        if not isinstance(plan, Plan):
            raise TypeError("planomsorg: plan must be a Plan")
        mc = cls._new("mc_new_plan", plan._ptr, integer(scenario, "scenario"), keep=(plan,))
        mc._plan_mode = True
        return mc

    def set_lever(self, lever, dist, *params):
        p = array(params, "params", shape=(None,))
        call("mc_set_lever", self._ptr, code(LEVERS, lever, "lever"), code(DISTS, dist, "dist"),
             ptr(p), p.size)

    def set_estimate(self, estimate):
        if not isinstance(estimate, Estimate):
            raise TypeError("planomsorg: estimate must be an Estimate")
        call("mc_set_estimate", self._ptr, estimate._ptr)
        self._keep = self._keep + (estimate,)

    def set_noise(self, flags):
        call("mc_set_noise", self._ptr, ffi.cast("unsigned", integer(flags, "flags")))

    def set_bands(self, band_lo):
        b = _bands(band_lo)
        call("mc_set_bands", self._ptr, ptr(b), b.size)

    def run(self, n_draws, seed=1, n_threads=1):
        call("mc_run", self._ptr, integer(n_draws, "n_draws"),
             ffi.cast("unsigned long", integer(seed, "seed")), integer(n_threads, "n_threads"))
        return self

    n_draws = property(lambda self: lib.planomsorg_mc_n_draws(self._ptr))
    n_bands = property(lambda self: lib.planomsorg_mc_n_bands(self._ptr))

    def _level(self, level):
        if self._plan_mode:
            return PLAN_ALL if level is None else integer(level, "level")
        return 0 if level is None else integer(level, "level")

    def draws(self, measure, year, level=None, band=None, group=None):
        """Every draw of one value (services mode: measure users/queue/coverage_24h, band;
        plan mode: a plan measure, level, group)."""
        out = np.empty(self.n_draws)
        if self._plan_mode:
            call("mc_plan_draws", ptr(out), out.size, self._ptr, integer(year, "year"),
                 code(PLAN_MEASURES, measure, "measure"), self._level(level),
                 PLAN_ALL if group is None else integer(group, "group"))
        else:
            call("mc_draws", ptr(out), out.size, self._ptr, code(MC_MEASURES, measure, "measure"),
                 integer(year, "year"), self._level(level),
                 self.n_bands if band is None else integer(band, "band"))
        return out

    def quantile(self, prob, measure, year, level=None, band=None, group=None):
        out = ffi.new("double *")
        p = number(prob, "prob", nonnegative=True)
        if self._plan_mode:
            call("mc_plan_quantile", out, self._ptr, p, integer(year, "year"),
                 code(PLAN_MEASURES, measure, "measure"), self._level(level),
                 PLAN_ALL if group is None else integer(group, "group"))
        else:
            call("mc_quantile", out, self._ptr, p, code(MC_MEASURES, measure, "measure"),
                 integer(year, "year"), self._level(level),
                 self.n_bands if band is None else integer(band, "band"))
        return out[0]

    def summary(self, measure, year, level=None, band=None, group=None):
        """{'mean', 'sd'} (and 'central' in plan mode)."""
        if self._plan_mode:
            c, m, s = ffi.new("double *"), ffi.new("double *"), ffi.new("double *")
            call("mc_plan_summary", c, m, s, self._ptr, integer(year, "year"),
                 code(PLAN_MEASURES, measure, "measure"), self._level(level),
                 PLAN_ALL if group is None else integer(group, "group"))
            return {"central": c[0], "mean": m[0], "sd": s[0]}
        m, s = ffi.new("double *"), ffi.new("double *")
        call("mc_mean", m, s, self._ptr, code(MC_MEASURES, measure, "measure"),
             integer(year, "year"), self._level(level),
             self.n_bands if band is None else integer(band, "band"))
        return {"mean": m[0], "sd": s[0]}

    def to_frame(self, probs=None):
        """Percentile bands as the library's long CSV (see montecarlo.h for the columns)."""
        if probs is None:
            return temp_csv(lambda p: call("mc_write_csv", self._ptr, p, ffi.NULL, 0), "mc")
        pr = array(probs, "probs", shape=(None,), nonnegative=True)
        return temp_csv(lambda p: call("mc_write_csv", self._ptr, p, ptr(pr), pr.size), "mc")
