"""coverage.h: coverage (dekningsgrad), places for a target, direct age standardisation."""
import numpy as np

from ._lib import C, array, call, ffi, integer, number, ptr
from .population import Population, _age_hi

NO_YEAR = C["PLANOMSORG_NO_YEAR"]


def _pop(pop):
    if not isinstance(pop, Population):
        raise TypeError("planomsorg: pop must be a Population, not %s" % type(pop).__name__)
    return pop._ptr


def rate(count, pop, year, age_lo=80, age_hi=None):
    """count / persons aged age_lo..age_hi (both sexes) in year."""
    out = ffi.new("double *")
    call("coverage_rate", out, number(count, "count", nonnegative=True), _pop(pop),
         integer(year, "year"), integer(age_lo, "age_lo"), _age_hi(age_hi))
    return out[0]


def required(target, pop, year, age_lo=80, age_hi=None):
    """Places needed for a target coverage (a fraction) in year."""
    out = ffi.new("double *")
    call("coverage_required", out, number(target, "target", nonnegative=True), _pop(pop),
         integer(year, "year"), integer(age_lo, "age_lo"), _age_hi(age_hi))
    return out[0]


def path(capacity, pop, first_year, age_lo=80, age_hi=None):
    """Coverage per year implied by a capacity array (one entry per year from first_year)."""
    cap = array(capacity, "capacity", shape=(None,), nonnegative=True)
    out = np.empty(cap.size)
    call("coverage_path", ptr(out), ptr(cap), cap.size, _pop(pop), integer(first_year, "first_year"),
         integer(age_lo, "age_lo"), _age_hi(age_hi))
    return out


def first_below(path_values, first_year, target):
    """First year whose coverage is below target, or None when it never is."""
    p = array(path_values, "path", shape=(None,))
    out = ffi.new("int *")
    call("coverage_first_below", out, ptr(p), p.size, integer(first_year, "first_year"),
         number(target, "target"))
    return None if out[0] == NO_YEAR else out[0]


def places_to_add(current_places, target, pop, first_year, n_years, age_lo=80, age_hi=None):
    """Places to add in each of n_years years to hold target (never removing places)."""
    n = integer(n_years, "n_years")
    if n < 1:
        raise ValueError("planomsorg: n_years must be >= 1, not %d" % n)
    out = np.empty(n)
    call("coverage_places_to_add", ptr(out), number(current_places, "current_places",
                                                     nonnegative=True),
         number(target, "target", nonnegative=True), n, _pop(pop),
         integer(first_year, "first_year"), integer(age_lo, "age_lo"), _age_hi(age_hi))
    return out


def standardise_direct(rates, weights):
    """sum(rates * weights) / sum(weights)."""
    r = array(rates, "rates", shape=(None,))
    w = array(weights, "weights", shape=r.shape, nonnegative=True)
    out = ffi.new("double *")
    call("standardise_direct", out, ptr(r), ptr(w), r.size)
    return out[0]


def standardised(users, population, bands, standard, standard_year):
    """Age-standardised coverage of a region; bands is a list of (age_lo, age_hi or None)."""
    u = array(users, "users", shape=(None,), nonnegative=True)
    p = array(population, "population", shape=u.shape, nonnegative=True)
    if len(bands) != u.size:
        raise ValueError("planomsorg: %d bands for %d user counts" % (len(bands), u.size))
    lo = np.array([integer(b[0], "age_lo") for b in bands], dtype=np.int32)
    hi = np.array([_age_hi(b[1]) for b in bands], dtype=np.int32)
    out = ffi.new("double *")
    call("coverage_standardised", out, ptr(u), ptr(p), ptr(lo), ptr(hi), u.size,
         _pop(standard), integer(standard_year, "standard_year"))
    return out[0]
