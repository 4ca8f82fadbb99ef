"""staffing.h and costs.h: FTE demand and supply by level and competence group; costs."""
import numpy as np
import pandas as pd

from ._lib import C, Handle, array, call, ffi, integer, lib, number, ptr, string, text
from .population import Population

ALL = C["PLANOMSORG_STAFF_ALL"]
MIN_AGE = C["PLANOMSORG_STAFF_MIN_AGE"]
MAX_AGE = C["PLANOMSORG_STAFF_MAX_AGE"]
N_AGES = MAX_AGE - MIN_AGE + 1
#: Measure codes by name ('fte', 'supply_fte', 'gap_fte', ...).
MEASURES = {string(lib.planomsorg_staff_measure_name(i)): i
            for i in range(C["PLANOMSORG_STAFF_N_MEASURES"])}
_DEMAND = {C["PLANOMSORG_STAFF_FTE_NET"], C["PLANOMSORG_STAFF_FTE"], C["PLANOMSORG_STAFF_PERSONS"]}
_PER_YEAR = {C["PLANOMSORG_STAFF_SHARE_20_66"]}


def _measure(table, m):
    if isinstance(m, str):
        if m not in table:
            raise KeyError("planomsorg: unknown measure %r; known: %s" % (m, ", ".join(table)))
        return table[m]
    return integer(m, "measure")


class Staffing(Handle):
    """Staffing assumptions for n_levels levels, n_groups competence groups and n_years years."""

    _free = "planomsorg_staffing_free"
    _ctype = "planomsorg_staffing"

    def __init__(self, n_levels, n_groups, first_year, n_years):
        out = ffi.new("planomsorg_staffing **")
        call("staffing_new", out, integer(n_levels, "n_levels"), integer(n_groups, "n_groups"),
             integer(first_year, "first_year"), integer(n_years, "n_years"))
        super().__init__(out[0])

    @classmethod
    def default(cls, first_year, n_years, region=None, kostra_year=None):
        """The documented defaults (8 levels, 4 groups); with kostra_year, adapted to region."""
        s = cls._new("staffing_new_default", integer(first_year, "first_year"),
                     integer(n_years, "n_years"))
        if kostra_year is not None:
            s.use_kostra(region, kostra_year)
        return s

    def use_kostra(self, region, year):
        call("staffing_use_kostra", self._ptr, ffi.NULL if region is None else
             text(region, "region"), integer(year, "year"))

    def copy(self):
        return type(self)._new("staffing_copy", self._ptr)

    n_levels = property(lambda self: lib.planomsorg_staffing_n_levels(self._ptr))
    n_groups = property(lambda self: lib.planomsorg_staffing_n_groups(self._ptr))
    first_year = property(lambda self: lib.planomsorg_staffing_first_year(self._ptr))
    n_years = property(lambda self: lib.planomsorg_staffing_n_years(self._ptr))

    @property
    def years(self):
        return np.arange(self.first_year, self.first_year + self.n_years)

    @property
    def groups(self):
        return [string(lib.planomsorg_staffing_group_name(self._ptr, g))
                for g in range(self.n_groups)]

    def _group(self, group):
        if isinstance(group, str):
            out = ffi.new("int *")
            call("staffing_find_group", out, self._ptr, text(group, "group"))
            return out[0]
        return integer(group, "group")

    def set_group_name(self, group, name):
        call("staffing_set_group_name", self._ptr, self._group(group), text(name, "name"))

    # -- tables --------------------------------------------------------------------------
    def tables(self):
        """(fte_per_user (n_levels,), mix (n_levels, n_groups))."""
        f = np.empty(self.n_levels)
        m = np.empty((self.n_levels, self.n_groups))
        call("staffing_export_tables", self._ptr, ptr(f), f.size, ptr(m), m.size)
        return f, m

    def set_tables(self, fte_per_user, mix):
        f = array(fte_per_user, "fte_per_user", shape=(self.n_levels,), nonnegative=True)
        m = array(mix, "mix", shape=(self.n_levels, self.n_groups), nonnegative=True)
        call("staffing_import_tables", self._ptr, ptr(f), f.size, ptr(m), m.size)

    def set_fte_per_user(self, level, fte):
        call("staffing_set_fte_per_user", self._ptr, integer(level, "level"),
             number(fte, "fte", nonnegative=True))

    def set_hours_per_user(self, level, hours_per_week, weeks=52.0, hours_per_fte=1695.0):
        call("staffing_set_hours_per_user", self._ptr, integer(level, "level"),
             number(hours_per_week, "hours_per_week", nonnegative=True),
             number(weeks, "weeks", nonnegative=True),
             number(hours_per_fte, "hours_per_fte", nonnegative=True))

    def set_mix(self, level, shares):
        a = array(shares, "shares", shape=(self.n_groups,), nonnegative=True)
        call("staffing_set_mix", self._ptr, integer(level, "level"), ptr(a), a.size)

    # -- levers --------------------------------------------------------------------------
    def _path(self, fn, values, what, *lead):
        a = array(values, what, shape=(self.n_years,), nonnegative=True)
        call(fn, self._ptr, *lead, ptr(a), a.size)

    def set_standard_path(self, factor):
        self._path("staffing_set_standard_path", factor, "factor")

    def set_productivity_path(self, factor):
        self._path("staffing_set_productivity_path", factor, "factor")

    def set_standard_growth(self, rate):
        call("staffing_set_standard_growth", self._ptr, number(rate, "rate"))

    def set_productivity_growth(self, rate):
        call("staffing_set_productivity_growth", self._ptr, number(rate, "rate"))

    def factors(self, year):
        s, e = ffi.new("double *"), ffi.new("double *")
        call("staffing_factors", s, e, self._ptr, integer(year, "year"))
        return s[0], e[0]

    def set_absence(self, group, rate):
        call("staffing_set_absence", self._ptr, self._group(group),
             number(rate, "rate", nonnegative=True))

    def set_position_share(self, group, share):
        call("staffing_set_position_share", self._ptr, self._group(group),
             number(share, "share", nonnegative=True))

    def set_position_share_path(self, group, share):
        self._path("staffing_set_position_share_path", share, "share", self._group(group))

    def set_fulltime_lever(self, increase, cap):
        call("staffing_set_fulltime_lever", self._ptr, number(increase, "increase"),
             number(cap, "cap"))

    def group_rates(self, group, year):
        """(absence, position share) of a group in a year."""
        a, s = ffi.new("double *"), ffi.new("double *")
        call("staffing_group_rates", a, s, self._ptr, self._group(group), integer(year, "year"))
        return a[0], s[0]

    # -- supply --------------------------------------------------------------------------
    def set_workforce(self, group, persons):
        """Persons by single age MIN_AGE..MAX_AGE on 1 January of the first year."""
        a = array(persons, "persons", shape=(N_AGES,), nonnegative=True)
        call("staffing_set_workforce", self._ptr, self._group(group), ptr(a), a.size)

    def set_workforce_total(self, group, persons):
        call("staffing_set_workforce_total", self._ptr, self._group(group),
             number(persons, "persons", nonnegative=True))

    def set_workforce_bands(self, group, persons, bands):
        """persons per band; bands a list of (age_lo, age_hi)."""
        p = array(persons, "persons", shape=(None,), nonnegative=True)
        if len(bands) != p.size:
            raise ValueError("planomsorg: %d bands for %d counts" % (len(bands), p.size))
        lo = np.array([integer(b[0], "age_lo") for b in bands], dtype=np.int32)
        hi = np.array([integer(b[1], "age_hi") for b in bands], dtype=np.int32)
        call("staffing_set_workforce_bands", self._ptr, self._group(group), ptr(p), ptr(lo),
             ptr(hi), p.size)

    def set_exit_rates(self, rate):
        a = array(rate, "rate", shape=(N_AGES,), nonnegative=True)
        call("staffing_set_exit_rates", self._ptr, ptr(a), a.size)

    def set_attrition(self, group, rate):
        call("staffing_set_attrition", self._ptr, self._group(group),
             number(rate, "rate", nonnegative=True))

    def set_recruitment(self, group, persons):
        self._path("staffing_set_recruitment", persons, "persons", self._group(group))

    def set_recruit_ages(self, profile):
        a = array(profile, "profile", shape=(N_AGES,), nonnegative=True)
        call("staffing_set_recruit_ages", self._ptr, ptr(a), a.size)

    # -- compute -------------------------------------------------------------------------
    def compute(self, users, population=None):
        """Demand, supply and gap for users of shape (n_years, n_levels)."""
        u = array(users, "users", shape=(self.n_years, self.n_levels), nonnegative=True)
        if population is not None and not isinstance(population, Population):
            raise TypeError("planomsorg: population must be a Population or None")
        res = StaffingResult._new("staffing_compute", self._ptr, ptr(u), u.size,
                                  ffi.NULL if population is None else population._ptr)
        res._shape = (self.first_year, self.n_years, self.n_levels, self.groups)
        return res


class StaffingResult(Handle):
    """Result of Staffing.compute(): every measure as arrays or one long DataFrame."""

    _free = "planomsorg_staffing_result_free"
    _ctype = "planomsorg_staffing_result"

    @property
    def years(self):
        first, n, _, _ = self._shape
        return np.arange(first, first + n)

    def get(self, measure, year, level=ALL, group=ALL):
        out = ffi.new("double *")
        call("staffing_result_get", out, self._ptr, _measure(MEASURES, measure),
             integer(year, "year"), integer(level, "level"), integer(group, "group"))
        return out[0]

    def to_numpy(self, measure):
        """(years, levels, groups) for demand measures, (years, groups) for supply and gap,
        (years,) for the share of 20-66."""
        code = _measure(MEASURES, measure)
        _, ny, nl, groups = self._shape
        shape = ((ny, nl, len(groups)) if code in _DEMAND else (ny,) if code in _PER_YEAR
                 else (ny, len(groups)))
        out = np.empty(int(np.prod(shape)))
        call("staffing_result_export", self._ptr, code, ptr(out), out.size)
        return out.reshape(shape)

    def to_frame(self, level_names=None):
        """Long DataFrame year, measure, level, group, value: demand measures per level and
        group, supply and gap per group (level 'all'), the share per year (both 'all')."""
        _, ny, nl, groups = self._shape
        levels = np.array(level_names if level_names is not None else
                          [str(k) for k in range(nl)], dtype=object)
        groups = np.array(groups, dtype=object)
        years = self.years
        parts = []
        for name, code in MEASURES.items():
            try:
                a = self.to_numpy(code)
            except Exception:                 # e.g. the share without a population
                continue
            if a.ndim == 3:
                lv = np.tile(np.repeat(levels, len(groups)), ny)
                gr = np.tile(groups, ny * nl)
            elif a.ndim == 2:
                lv = np.full(a.size, "all", dtype=object)
                gr = np.tile(groups, ny)
            else:
                lv = gr = np.full(a.size, "all", dtype=object)
            parts.append(pd.DataFrame({"year": np.repeat(years, a.size // ny), "measure": name,
                                       "level": lv, "group": gr, "value": a.ravel()}))
        return pd.concat(parts, ignore_index=True)


# -- costs.h -------------------------------------------------------------------------------
COST_ALL = C["PLANOMSORG_COST_ALL"]
COST_MEASURES = {string(lib.planomsorg_cost_measure_name(i)): i
                 for i in range(C["PLANOMSORG_COST_N_MEASURES"])}
PLACE_TYPES = {string(lib.planomsorg_place_type_name(i)): i
               for i in range(C["PLANOMSORG_N_PLACE_TYPES"])}


def _place(t):
    return _measure(PLACE_TYPES, t)


class Costs(Handle):
    """Prices per level, per FTE and per new place, grants, and capacity paths."""

    _free = "planomsorg_costs_free"
    _ctype = "planomsorg_costs"

    def __init__(self, n_levels, first_year, n_years):
        out = ffi.new("planomsorg_costs **")
        call("costs_new", out, integer(n_levels, "n_levels"), integer(first_year, "first_year"),
             integer(n_years, "n_years"))
        super().__init__(out[0])

    def copy(self):
        return type(self)._new("costs_copy", self._ptr)

    n_levels = property(lambda self: lib.planomsorg_costs_n_levels(self._ptr))
    first_year = property(lambda self: lib.planomsorg_costs_first_year(self._ptr))
    n_years = property(lambda self: lib.planomsorg_costs_n_years(self._ptr))

    def set_cost_per_user(self, level, nok):
        call("costs_set_cost_per_user", self._ptr, integer(level, "level"),
             number(nok, "nok", nonnegative=True))

    def set_cost_per_fte(self, nok):
        call("costs_set_cost_per_fte", self._ptr, number(nok, "nok", nonnegative=True))

    def cost_per_fte(self):
        out = ffi.new("double *")
        call("costs_cost_per_fte", out, self._ptr)
        return out[0]

    def set_place_cost(self, place_type, nok):
        call("costs_set_place_cost", self._ptr, _place(place_type),
             number(nok, "nok", nonnegative=True))

    def set_grant(self, place_type, share, ceiling):
        call("costs_set_grant", self._ptr, _place(place_type),
             number(share, "share", nonnegative=True), number(ceiling, "ceiling", nonnegative=True))

    def place(self, place_type):
        """(cost, grant share, ceiling) of a place type."""
        c, s, k = ffi.new("double *"), ffi.new("double *"), ffi.new("double *")
        call("costs_place", c, s, k, self._ptr, _place(place_type))
        return c[0], s[0], k[0]

    def set_capacity(self, place_type, initial, capacity):
        a = array(capacity, "capacity", shape=(self.n_years,), nonnegative=True)
        call("costs_set_capacity", self._ptr, _place(place_type),
             number(initial, "initial", nonnegative=True), ptr(a), a.size)

    def compute(self, users=None, fte=None):
        """Costs for users (n_years, n_levels) and FTE (n_years,); either may be None."""
        u = f = None
        if users is not None:
            u = array(users, "users", shape=(self.n_years, self.n_levels), nonnegative=True)
        if fte is not None:
            f = array(fte, "fte", shape=(self.n_years,), nonnegative=True)
        res = CostsResult._new("costs_compute", self._ptr,
                               ffi.NULL if u is None else ptr(u), 0 if u is None else u.size,
                               ffi.NULL if f is None else ptr(f), 0 if f is None else f.size)
        res._years = np.arange(self.first_year, self.first_year + self.n_years)
        return res


class CostsResult(Handle):
    _free = "planomsorg_costs_result_free"
    _ctype = "planomsorg_costs_result"

    def get(self, measure, year, index=COST_ALL):
        out = ffi.new("double *")
        call("costs_result_get", out, self._ptr, _measure(COST_MEASURES, measure),
             integer(year, "year"), integer(index, "index"))
        return out[0]

    def to_numpy(self, measure):
        """Yearly totals of a measure."""
        out = np.empty(self._years.size)
        call("costs_result_export", self._ptr, _measure(COST_MEASURES, measure), ptr(out),
             out.size)
        return out

    def present_value(self, measure, rate, base_year):
        out = ffi.new("double *")
        call("costs_result_pv", out, self._ptr, _measure(COST_MEASURES, measure),
             number(rate, "rate"), integer(base_year, "base_year"))
        return out[0]

    def to_frame(self):
        """Long DataFrame year, measure, value (yearly totals)."""
        self._ptr
        n = self._years.size
        return pd.DataFrame({"year": np.tile(self._years, len(COST_MEASURES)),
                             "measure": np.repeat(np.array(list(COST_MEASURES), dtype=object), n),
                             "value": np.concatenate([self.to_numpy(c)
                                                      for c in COST_MEASURES.values()])})


def present_value(values, first_year, rate, base_year):
    """sum_t values[t] * (1 + rate)^-(first_year + t - base_year)."""
    a = array(values, "values", shape=(None,))
    out = ffi.new("double *")
    call("present_value", out, ptr(a), a.size, integer(first_year, "first_year"),
         number(rate, "rate"), integer(base_year, "base_year"))
    return out[0]
