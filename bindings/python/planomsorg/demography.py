"""demography.h: rates, life tables, default assumptions and the cohort-component projection."""
import numpy as np
import pandas as pd

from ._lib import C, Handle, array, call, ffi, integer, lib, number, ptr, string, text
from .population import BOTH, Population, _age_hi

MORTALITY_RATE = C["PLANOMSORG_MORTALITY_RATE"]
MORTALITY_PROBABILITY = C["PLANOMSORG_MORTALITY_PROBABILITY"]
MIGRATION_COUNTS = C["PLANOMSORG_MIGRATION_COUNTS"]
MIGRATION_RATES = C["PLANOMSORG_MIGRATION_RATES"]
#: Alternative codes by name ('main', 'low', 'high').
ALTERNATIVES = {string(lib.planomsorg_alternative_name(i)): i
                for i in range(C["PLANOMSORG_N_ALTERNATIVES"])}
#: Component codes by name.
COMPONENTS = {string(lib.planomsorg_component_name(i)): i
              for i in range(C["PLANOMSORG_N_COMPONENTS"])}


def _code(table, value, what):
    if isinstance(value, str):
        if value not in table:
            raise KeyError("planomsorg: unknown %s %r; known: %s" % (what, value, ", ".join(table)))
        return table[value]
    return integer(value, what)


def _region(region):
    return ffi.NULL if region is None else text(region, "region")


class Demography(Handle):
    """Death, fertility and migration rates by year, sex and age."""

    _free = "planomsorg_demography_free"
    _ctype = "planomsorg_demography"

    def __init__(self, first_year, n_years, max_age=C["PLANOMSORG_DEFAULT_MAX_AGE"]):
        out = ffi.new("planomsorg_demography **")
        call("demography_new", out, integer(first_year, "first_year"),
             integer(n_years, "n_years"), integer(max_age, "max_age"))
        super().__init__(out[0])

    @classmethod
    def default(cls, region=None, as_of_year=C["PLANOMSORG_DEMOGRAPHY_LAST_AS_OF"],
                alternative="main"):
        """Default assumptions from the embedded HMD/HFD/SSB data as known in as_of_year."""
        return cls._new("demography_default", _region(region), integer(as_of_year, "as_of_year"),
                        _code(ALTERNATIVES, alternative, "alternative"))

    @classmethod
    def default_levers(cls, region=None, as_of_year=C["PLANOMSORG_DEMOGRAPHY_LAST_AS_OF"],
                       fertility="main", life_expectancy="main", migration="main"):
        return cls._new("demography_default_levers", _region(region),
                        integer(as_of_year, "as_of_year"),
                        _code(ALTERNATIVES, fertility, "fertility"),
                        _code(ALTERNATIVES, life_expectancy, "life_expectancy"),
                        _code(ALTERNATIVES, migration, "migration"))

    def copy(self):
        return type(self)._new("demography_copy", self._ptr)

    @property
    def first_year(self):
        return lib.planomsorg_demography_first_year(self._ptr)

    @property
    def n_years(self):
        return lib.planomsorg_demography_n_years(self._ptr)

    @property
    def max_age(self):
        return lib.planomsorg_demography_max_age(self._ptr)

    # -- setters (arrays over ages) -------------------------------------------------------
    def set_mortality(self, year, sex, values, kind=MORTALITY_RATE):
        a = array(values, "mortality", shape=(self.max_age + 1,), nonnegative=True)
        call("demography_set_mortality", self._ptr, integer(year, "year"), integer(sex, "sex"),
             integer(kind, "kind"), ptr(a), a.size)

    def set_fertility(self, year, asfr):
        a = array(asfr, "asfr", shape=(self.max_age + 1,), nonnegative=True)
        call("demography_set_fertility", self._ptr, integer(year, "year"), ptr(a), a.size)

    def set_sex_ratio(self, year, boys_per_girl):
        call("demography_set_sex_ratio", self._ptr, integer(year, "year"),
             number(boys_per_girl, "boys_per_girl", nonnegative=True))

    def set_migration(self, year, sex, values, kind=MIGRATION_COUNTS):
        a = array(values, "migration", shape=(self.max_age + 1,))
        call("demography_set_migration", self._ptr, integer(year, "year"), integer(sex, "sex"),
             integer(kind, "kind"), ptr(a), a.size)

    def improve_mortality(self, base_year, decline):
        """m[y] = m[base_year]·(1 - r)^(y - base_year); decline of shape (2, max_age + 1)."""
        a = array(decline, "decline", shape=(2, self.max_age + 1))
        call("demography_improve_mortality", self._ptr, integer(base_year, "base_year"),
             ptr(a), a.size)

    def scale_to_e0(self, year, sex, e0):
        call("demography_scale_to_e0", self._ptr, integer(year, "year"), integer(sex, "sex"),
             number(e0, "e0", nonnegative=True))

    def scale(self, component, from_year, to_year, factor):
        call("demography_scale", self._ptr, _code(COMPONENTS, component, "component"),
             integer(from_year, "from_year"), integer(to_year, "to_year"),
             number(factor, "factor", nonnegative=True))

    # -- getters ---------------------------------------------------------------------------
    def _scalar(self, fn, *args):
        out = ffi.new("double *")
        call(fn, self._ptr, *args, out)
        return out[0]

    def death_rate(self, year, sex, age):
        return self._scalar("demography_death_rate", integer(year, "year"), integer(sex, "sex"),
                            integer(age, "age"))

    def death_probability(self, year, sex, age):
        return self._scalar("demography_death_probability", integer(year, "year"),
                            integer(sex, "sex"), integer(age, "age"))

    def life_expectancy(self, year, sex, age=0):
        return self._scalar("demography_life_expectancy", integer(year, "year"),
                            integer(sex, "sex"), integer(age, "age"))

    def fertility(self, year, age):
        return self._scalar("demography_fertility", integer(year, "year"), integer(age, "age"))

    def tfr(self, year):
        return self._scalar("demography_tfr", integer(year, "year"))

    def sex_ratio(self, year):
        return self._scalar("demography_sex_ratio", integer(year, "year"))

    def migration(self, year, sex, age):
        """(value, kind) of the net migration input."""
        v, k = ffi.new("double *"), ffi.new("int *")
        call("demography_migration", self._ptr, integer(year, "year"), integer(sex, "sex"),
             integer(age, "age"), v, k)
        return v[0], k[0]


def life_table(m, sex):
    """(q, e) arrays of the life table of death rates m (ages 0..max_age, open last)."""
    a = array(m, "m", shape=(None,), nonnegative=True)
    if a.size < 2:
        raise ValueError("planomsorg: m needs at least two ages")
    q, e = np.empty(a.size), np.empty(a.size)
    call("life_table", ptr(q), ptr(e), ptr(a), a.size - 1, integer(sex, "sex"))
    return q, e


def default_years():
    """(first_as_of, last_as_of, last_year) of the default assumptions."""
    a, b, c = ffi.new("int *"), ffi.new("int *"), ffi.new("int *")
    lib.planomsorg_demography_default_years(a, b, c)
    return a[0], b[0], c[0]


class Components(Handle):
    """Births, deaths, migration and ageing of a projection, by year of flow, sex and age."""

    _free = "planomsorg_components_free"
    _ctype = "planomsorg_components"

    @property
    def first_year(self):
        return lib.planomsorg_components_first_year(self._ptr)

    @property
    def n_years(self):
        return lib.planomsorg_components_n_years(self._ptr)

    @property
    def max_age(self):
        return lib.planomsorg_components_max_age(self._ptr)

    @property
    def years(self):
        return np.arange(self.first_year, self.first_year + self.n_years)

    def to_numpy(self, component):
        """One component as (n_years, 2, max_age + 1) (one C call)."""
        n = lib.planomsorg_components_size(self._ptr)
        out = np.empty(n)
        call("components_export", self._ptr, _code(COMPONENTS, component, "component"),
             ptr(out), n)
        return out.reshape(self.n_years, 2, self.max_age + 1)

    def sum(self, component, year, age_lo=0, age_hi=None, sex=BOTH):
        out = ffi.new("double *")
        call("components_sum", self._ptr, _code(COMPONENTS, component, "component"),
             integer(year, "year"), integer(sex, "sex"), integer(age_lo, "age_lo"),
             _age_hi(age_hi), out)
        return out[0]

    def clamped(self):
        """(persons, cells) of net emigration the projection could not apply."""
        p, c = ffi.new("double *"), ffi.new("long *")
        call("components_clamped", self._ptr, p, c)
        return p[0], c[0]

    def to_frame(self):
        """Long DataFrame year, age, sex, then one column per component."""
        na = self.max_age + 1
        ny = self.n_years
        cols = {"year": np.repeat(self.years, 2 * na),
                "age": np.tile(np.arange(na), 2 * ny),
                "sex": np.tile(np.repeat(np.array(["female", "male"]), na), ny)}
        for name, code in COMPONENTS.items():
            cols[name] = self.to_numpy(code).ravel()
        return pd.DataFrame(cols)


def project(base, base_year, last_year, demography, components=True):
    """Cohort-component projection: (Population base_year..last_year, Components or None)."""
    if not isinstance(base, Population):
        raise TypeError("planomsorg: base must be a Population, not %s" % type(base).__name__)
    if not isinstance(demography, Demography):
        raise TypeError("planomsorg: demography must be a Demography, not %s"
                        % type(demography).__name__)
    out = ffi.new("planomsorg_population **")
    comp = ffi.new("planomsorg_components **") if components else ffi.NULL
    call("population_project", out, comp, base._ptr, integer(base_year, "base_year"),
         integer(last_year, "last_year"), demography._ptr)
    pop = Population.__new__(Population)
    Handle.__init__(pop, out[0])
    if not components:
        return pop, None
    c = Components.__new__(Components)
    Handle.__init__(c, comp[0])
    return pop, c
