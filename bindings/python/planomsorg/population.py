"""population.h, io.h and data.h: persons by year, sex and single age."""
import numpy as np
import pandas as pd

from ._lib import C, Handle, array, call, ffi, integer, lib, number, owned_string, ptr, string, text

FEMALE = C["PLANOMSORG_SEX_FEMALE"]
MALE = C["PLANOMSORG_SEX_MALE"]
BOTH = C["PLANOMSORG_SEX_BOTH"]
AGE_OPEN = C["PLANOMSORG_AGE_OPEN"]
DEFAULT_MAX_AGE = C["PLANOMSORG_DEFAULT_MAX_AGE"]
SEXES = (FEMALE, MALE)
#: Standard band codes by label, e.g. BANDS["80+"] == PLANOMSORG_BAND_80P.
BANDS = {string(lib.planomsorg_band_name(b)): b for b in range(C["PLANOMSORG_N_BANDS"])}
#: Ratio codes by their stable name.
RATIOS = {string(lib.planomsorg_ratio_name(r)): r for r in range(C["PLANOMSORG_N_RATIOS"])}


def sex_name(sex):
    """'female', 'male' or 'both' (the library's names)."""
    return string(lib.planomsorg_sex_name(integer(sex, "sex")))


def band_code(band):
    """A band code from a code or a label such as '80+'."""
    if isinstance(band, str):
        if band not in BANDS:
            raise KeyError("planomsorg: unknown band %r; known: %s" % (band, ", ".join(BANDS)))
        return BANDS[band]
    return integer(band, "band")


def band_range(band):
    """(age_lo, age_hi) of a standard band; age_hi is AGE_OPEN for an open band."""
    lo, hi = ffi.new("int *"), ffi.new("int *")
    call("band_range", band_code(band), lo, hi)
    return lo[0], hi[0]


def _age_hi(age_hi):
    return AGE_OPEN if age_hi is None else integer(age_hi, "age_hi")


class Population(Handle):
    """Persons on 1 January by year, sex (women first) and single age 0..max_age (open)."""

    _free = "planomsorg_population_free"
    _ctype = "planomsorg_population"

    def __init__(self, first_year, n_years, max_age=DEFAULT_MAX_AGE):
        out = ffi.new("planomsorg_population **")
        call("population_new", out, integer(first_year, "first_year"),
             integer(n_years, "n_years"), integer(max_age, "max_age"))
        super().__init__(out[0])

    # -- construction ---------------------------------------------------------------
    @classmethod
    def from_array(cls, persons, first_year):
        """From an array of shape (n_years, 2, max_age + 1), women first."""
        a = array(persons, "persons", shape=(None, 2, None), nonnegative=True)
        if a.shape[0] < 1 or a.shape[2] < 2:
            raise ValueError("planomsorg: persons needs at least one year and two ages; "
                             "got shape %s" % (a.shape,))
        pop = cls(first_year, a.shape[0], a.shape[2] - 1)
        pop.import_array(a)
        return pop

    @classmethod
    def from_frame(cls, frame):
        """From a long DataFrame with columns year, age, sex ('female'/'male'), persons."""
        csv = frame[["year", "age", "sex", "persons"]].to_csv(index=False)
        return cls.parse_csv(csv, source="<DataFrame>")

    @classmethod
    def read_csv(cls, path):
        """Read the long CSV year,age,sex,persons (io.h)."""
        return cls._new("population_read_csv", text(path, "path"))

    @classmethod
    def parse_csv(cls, csv_text, source="<string>"):
        """Parse long CSV text; `source` names it in error messages."""
        b = text(csv_text, "csv_text")
        return cls._new("population_parse_csv", b, len(b), text(source, "source"))

    @classmethod
    def read_ssb(cls, path, region=None):
        """Read an SSB StatBank 07459 CSV export; region 'K-CCCC' or a code, None for one region."""
        return cls._new("population_read_ssb", text(path, "path"),
                        ffi.NULL if region is None else text(region, "region"))

    @classmethod
    def embedded(cls, region="0000"):
        """The embedded SSB 07459 population of Norway ('0000') or a municipality (data.h)."""
        return cls._new("data_population", text(region, "region"))

    # -- shape ----------------------------------------------------------------------
    @property
    def first_year(self):
        return lib.planomsorg_population_first_year(self._ptr)

    @property
    def n_years(self):
        return lib.planomsorg_population_n_years(self._ptr)

    @property
    def max_age(self):
        return lib.planomsorg_population_max_age(self._ptr)

    @property
    def years(self):
        return np.arange(self.first_year, self.first_year + self.n_years)

    @property
    def shape(self):
        return (self.n_years, 2, self.max_age + 1)

    def __repr__(self):
        if self.closed:
            return "<Population closed>"
        return "<Population %d-%d, ages 0-%d+>" % (self.first_year,
                                                  self.first_year + self.n_years - 1, self.max_age)

    def copy(self):
        return type(self)._new("population_copy", self._ptr)

    def slice(self, first_year, n_years):
        return type(self)._new("population_slice", self._ptr, integer(first_year, "first_year"),
                               integer(n_years, "n_years"))

    # -- arrays -----------------------------------------------------------------------
    def to_numpy(self):
        """All persons as an array (n_years, 2, max_age + 1), women first (one C call)."""
        n = lib.planomsorg_population_size(self._ptr)
        out = np.empty(n)
        call("population_export", self._ptr, ptr(out), n)
        return out.reshape(self.shape)

    def import_array(self, persons):
        """Replace all persons from an array of this population's shape (checked first)."""
        a = array(persons, "persons", shape=self.shape, nonnegative=True)
        call("population_import", self._ptr, ptr(a), a.size)

    def to_frame(self):
        """Long DataFrame year, age, sex, persons (the layout of the library's CSV)."""
        a = self.to_numpy()
        ny, _, na = a.shape
        return pd.DataFrame({
            "year": np.repeat(self.years, 2 * na),
            "age": np.tile(np.arange(na), 2 * ny),
            "sex": np.tile(np.repeat(np.array(["female", "male"]), na), ny),
            "persons": a.ravel(),
        })

    def to_csv(self, path=None):
        """Write the long CSV to path, or return it as a str when path is None."""
        if path is not None:
            call("population_write_csv", self._ptr, text(path, "path"))
            return None
        buf, n = ffi.new("char **"), ffi.new("size_t *")
        call("population_format_csv", self._ptr, buf, n)
        return owned_string(buf, n)

    # -- queries ----------------------------------------------------------------------
    def get(self, year, sex, age):
        out = ffi.new("double *")
        call("population_get", self._ptr, integer(year, "year"), integer(sex, "sex"),
             integer(age, "age"), out)
        return out[0]

    def set(self, year, sex, age, persons):
        call("population_set", self._ptr, integer(year, "year"), integer(sex, "sex"),
             integer(age, "age"), number(persons, "persons", nonnegative=True))

    def sum(self, year, age_lo=0, age_hi=None, sex=BOTH):
        """Persons aged age_lo..age_hi (None: open) in a year."""
        out = ffi.new("double *")
        call("population_sum", self._ptr, integer(year, "year"), integer(sex, "sex"),
             integer(age_lo, "age_lo"), _age_hi(age_hi), out)
        return out[0]

    def band(self, year, band, sex=BOTH):
        """Persons in a standard band (code or label such as '80+')."""
        out = ffi.new("double *")
        call("population_band", self._ptr, integer(year, "year"), integer(sex, "sex"),
             band_code(band), out)
        return out[0]

    def ratio(self, year, ratio):
        """A planning ratio (code or name such as 'ratio_67p_per_20_66')."""
        code = RATIOS[ratio] if isinstance(ratio, str) else integer(ratio, "ratio")
        out = ffi.new("double *")
        call("population_ratio", self._ptr, integer(year, "year"), code, out)
        return out[0]

    def bands_frame(self, sex=BOTH):
        """Long DataFrame year, band, persons over every standard band, from the C functions."""
        rows = [(int(y), name, self.band(int(y), code, sex))
                for y in self.years for name, code in BANDS.items()]
        return pd.DataFrame(rows, columns=["year", "band", "persons"])


# -- embedded data (data.h) -------------------------------------------------------------
KOSTRA = {string(lib.planomsorg_kostra_name(i)): i for i in range(C["PLANOMSORG_N_KOSTRA"])}
NORWAY = C["PLANOMSORG_NORWAY"]


def municipalities():
    """Codes of the municipalities in the embedded data (2024 borders)."""
    return [string(lib.planomsorg_data_municipality_code(i))
            for i in range(lib.planomsorg_data_n_municipalities())]


def region_name(region):
    """Name of a region code ('0000' Norway, '5001' Trondheim), None when unknown."""
    return string(lib.planomsorg_data_region_name(text(region, "region")))


def kostra(region, year, indicator):
    """An embedded KOSTRA/IPLOS figure (indicator code or name such as 'longterm_80p')."""
    code = KOSTRA[indicator] if isinstance(indicator, str) else integer(indicator, "indicator")
    out = ffi.new("double *")
    call("data_kostra", out, text(region, "region"), integer(year, "year"), code)
    return out[0]


def data_sources():
    return string(lib.planomsorg_data_sources())
