"""services.h and result.h: users by level (rates or Markov staircase) and their result."""
import numpy as np

from ._lib import (C, Handle, array, call, code, ffi, integer, lib, names, number, ptr, string,
                   temp_csv, text)
from .population import AGE_OPEN, Population, _age_hi
from .staircase import Staircase, Transitions

MODES = names(lib.planomsorg_mode_name, C["PLANOMSORG_N_MODES"])
QUANTITIES = names(lib.planomsorg_quantity_name, C["PLANOMSORG_N_QUANTITIES"])
ALL_LEVELS = C["PLANOMSORG_ALL_LEVELS"]


def _bands(band_lo):
    b = array(band_lo, "band_lo", shape=(None,), dtype=np.int32)
    if b.size < 1:
        raise ValueError("planomsorg: band_lo needs at least one band")
    return b


def _pop(pop):
    if not isinstance(pop, Population):
        raise TypeError("planomsorg: population must be a Population, not %s"
                        % type(pop).__name__)
    return pop._ptr


def kostra_users(region, year, n_levels=C["PLANOMSORG_N_DEFAULT_LEVELS"]):
    """The embedded KOSTRA users of the default staircase, (levels, KOSTRA bands 0-66,
    67-79, 80+)."""
    nb = C["PLANOMSORG_N_KOSTRA_BANDS"]
    out = np.empty((n_levels, nb))
    call("services_kostra_users", ptr(out), out.size,
         ffi.NULL if region is None else text(region, "region"), integer(year, "year"))
    return out


class Services(Handle):
    """Assumptions of a service projection for a staircase (copied by the library)."""

    _free = "planomsorg_services_free"
    _ctype = "planomsorg_services"

    def __init__(self, staircase):
        if not isinstance(staircase, Staircase):
            raise TypeError("planomsorg: staircase must be a Staircase")
        out = ffi.new("planomsorg_services **")
        call("services_new", out, staircase._ptr)
        super().__init__(out[0])

    @property
    def staircase(self):
        return Staircase._borrow(lib.planomsorg_services_staircase(self._ptr), self)

    def set_mode(self, mode):
        call("services_set_mode", self._ptr, code(MODES, mode, "mode"))

    def set_rates(self, rates, band_lo):
        """rates (levels, bands, 2 sexes); band_lo the bands' lower ages (0 first)."""
        b = _bands(band_lo)
        k = lib.planomsorg_staircase_n_levels(lib.planomsorg_services_staircase(self._ptr))
        r = array(rates, "rates", shape=(k, b.size, 2), nonnegative=True)
        call("services_set_rates", self._ptr, ptr(r), r.size, ptr(b), b.size)

    def set_rates_from_users(self, users, band_lo, population, year):
        b = _bands(band_lo)
        k = lib.planomsorg_staircase_n_levels(lib.planomsorg_services_staircase(self._ptr))
        u = array(users, "users", shape=(k, b.size, 2), nonnegative=True)
        call("services_set_rates_from_users", self._ptr, ptr(u), u.size, ptr(b), b.size,
             _pop(population), integer(year, "year"))

    def set_rates_kostra(self, region, year):
        call("services_set_rates_kostra", self._ptr,
             ffi.NULL if region is None else text(region, "region"), integer(year, "year"))

    def rates(self, max_age=C["PLANOMSORG_DEFAULT_MAX_AGE"]):
        """Rates by (level, single age, sex)."""
        k = lib.planomsorg_staircase_n_levels(lib.planomsorg_services_staircase(self._ptr))
        out = np.empty((k, integer(max_age, "max_age") + 1, 2))
        call("services_get_rates", ptr(out), out.size, self._ptr, max_age)
        return out

    def set_transitions(self, transitions):
        if not isinstance(transitions, Transitions):
            raise TypeError("planomsorg: transitions must be a Transitions")
        call("services_set_transitions", self._ptr, transitions._ptr)

    def set_death_probabilities(self, q, first_year):
        """q of shape (years, 2, max_age + 1)."""
        a = array(q, "q", shape=(None, 2, None), nonnegative=True)
        call("services_set_death_probabilities", self._ptr, ptr(a), a.size,
             integer(first_year, "first_year"), a.shape[0], a.shape[2] - 1)

    def set_initial_shares(self, shares):
        """shares of shape (2, max_age + 1, levels)."""
        a = array(shares, "shares", shape=(2, None, None), nonnegative=True)
        call("services_set_initial_shares", self._ptr, ptr(a), a.size, a.shape[1] - 1)

    def set_birth_distribution(self, dist):
        a = array(dist, "dist", shape=(None,), nonnegative=True)
        call("services_set_birth_distribution", self._ptr, ptr(a), a.size)

    def _path(self, fn, level, values, first_year, what):
        v = array(values, what, shape=(None,), nonnegative=True)
        args = (self._ptr,) if level is None else (self._ptr, self.staircase.level(level))
        call(fn, *args, ptr(v), integer(first_year, "first_year"), v.size)

    def set_capacity(self, level, places, first_year):
        self._path("services_set_capacity", level, places, first_year, "places")

    def set_dreining(self, level, factors, first_year):
        self._path("services_set_dreining", level, factors, first_year, "factors")

    def set_family_care(self, multipliers, first_year):
        self._path("services_set_family_care", None, multipliers, first_year, "multipliers")

    def set_healthy_ageing(self, theta, delta_le, first_year):
        """delta_le of shape (years, 2): gain in life expectancy at 65 by year and sex."""
        d = array(delta_le, "delta_le", shape=(None, 2))
        call("services_set_healthy_ageing", self._ptr, number(theta, "theta"), ptr(d),
             integer(first_year, "first_year"), d.shape[0])

    def read_capacity_csv(self, path):
        call("services_read_capacity_csv", self._ptr, text(path, "path"))

    def run(self, population, first_year, last_year):
        return Result._new("services_run", self._ptr, _pop(population),
                           integer(first_year, "first_year"), integer(last_year, "last_year"))


class Result(Handle):
    """Users and queues by year, sex, single age and level; coverage."""

    _free = "planomsorg_result_free"
    _ctype = "planomsorg_result"

    first_year = property(lambda self: lib.planomsorg_result_first_year(self._ptr))
    n_years = property(lambda self: lib.planomsorg_result_n_years(self._ptr))
    max_age = property(lambda self: lib.planomsorg_result_max_age(self._ptr))
    mode = property(lambda self: lib.planomsorg_result_mode(self._ptr))

    @property
    def years(self):
        return np.arange(self.first_year, self.first_year + self.n_years)

    @property
    def staircase(self):
        return Staircase._borrow(lib.planomsorg_result_staircase(self._ptr), self)

    @property
    def levels(self):
        return self.staircase.levels

    @property
    def population(self):
        return Population._borrow(lib.planomsorg_result_population(self._ptr), self)

    def to_numpy(self, quantity="users"):
        """(years, 2 sexes, ages, levels) (one C call)."""
        k = len(self.levels)
        shape = (self.n_years, 2, self.max_age + 1, k)
        out = np.empty(int(np.prod(shape)))
        call("result_export", ptr(out), out.size, self._ptr, code(QUANTITIES, quantity,
                                                                  "quantity"))
        return out.reshape(shape)

    def get(self, quantity, year, level=ALL_LEVELS, sex=2, age_lo=0, age_hi=None):
        out = ffi.new("double *")
        lv = self.staircase.level(level)
        call("result_get", out, self._ptr, code(QUANTITIES, quantity, "quantity"),
             integer(year, "year"), lv, integer(sex, "sex"), integer(age_lo, "age_lo"),
             _age_hi(age_hi))
        return out[0]

    def users(self, year, level=ALL_LEVELS, sex=2, age_lo=0, age_hi=None):
        return self.get("users", year, level, sex, age_lo, age_hi)

    def capacity(self, year, level):
        out = ffi.new("double *")
        call("result_capacity", out, self._ptr, integer(year, "year"), self.staircase.level(level))
        return out[0]

    def coverage(self, year, levels, age_lo=80, age_hi=None, user_based=True):
        lv = np.array([self.staircase.level(x) for x in levels], dtype=np.int32)
        out = ffi.new("double *")
        call("result_coverage", out, self._ptr, integer(year, "year"), ptr(lv), lv.size,
             integer(age_lo, "age_lo"), _age_hi(age_hi), 1 if user_based else 0)
        return out[0]

    def coverage_24h(self, year, user_based=True):
        out = ffi.new("double *")
        call("result_coverage_24h", out, self._ptr, integer(year, "year"),
             1 if user_based else 0)
        return out[0]

    def to_frame(self, band_lo=None):
        """Long DataFrame year, level, band, sex, users: the library's CSV layout."""
        if band_lo is None:
            return temp_csv(lambda p: call("result_write_csv", self._ptr, p, ffi.NULL, 0),
                            "result")
        b = _bands(band_lo)
        return temp_csv(lambda p: call("result_write_csv", self._ptr, p, ptr(b), b.size),
                        "result")


__all__ = ["Services", "Result", "kostra_users", "MODES", "QUANTITIES", "ALL_LEVELS", "AGE_OPEN"]
