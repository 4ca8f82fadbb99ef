"""ssbproj.h and align.h: SSB's projections by age group, and aligning a single-age
population to official group totals."""
import numpy as np
import pandas as pd

from ._lib import C, Handle, array, call, code, ffi, integer, lib, names, number, ptr, string, text
from .population import Population

ALTERNATIVES = names(lib.planomsorg_ssbproj_alternative_name, C["PLANOMSORG_SSBPROJ_N_ALTERNATIVES"])


def _region(region):
    return ffi.NULL if region is None else text(region, "region")


class SsbProjection(Handle):
    """An SSB projection (or observed) table by region, alternative, year and age group."""

    _free = "planomsorg_ssbproj_free"
    _ctype = "planomsorg_ssbproj"

    @classmethod
    def read(cls, path):
        return cls._new("ssbproj_read", text(path, "path"))

    @classmethod
    def parse(cls, csv_text, source="<string>"):
        b = text(csv_text, "csv_text")
        return cls._new("ssbproj_parse", b, len(b), text(source, "source"))

    round = property(lambda self: lib.planomsorg_ssbproj_round(self._ptr))
    first_year = property(lambda self: lib.planomsorg_ssbproj_first_year(self._ptr))
    n_years = property(lambda self: lib.planomsorg_ssbproj_n_years(self._ptr))

    @property
    def years(self):
        return np.arange(self.first_year, self.first_year + self.n_years)

    @property
    def regions(self):
        return [string(lib.planomsorg_ssbproj_region(self._ptr, i))
                for i in range(lib.planomsorg_ssbproj_n_regions(self._ptr))]

    @property
    def alternatives(self):
        return [n for n, c in ALTERNATIVES.items()
                if lib.planomsorg_ssbproj_has_alternative(self._ptr, c) > 0]

    @property
    def groups(self):
        """[(age_lo, age_hi or None for open)], ordered by age."""
        n = lib.planomsorg_ssbproj_n_groups(self._ptr)
        lo, hi = np.empty(n, dtype=np.int32), np.empty(n, dtype=np.int32)
        call("ssbproj_groups", self._ptr, ptr(lo), ptr(hi), n)
        return [(int(a), None if b == C["PLANOMSORG_AGE_OPEN"] else int(b)) for a, b in zip(lo, hi)]

    @property
    def group_labels(self):
        return [string(lib.planomsorg_ssbproj_group_label(self._ptr, g))
                for g in range(lib.planomsorg_ssbproj_n_groups(self._ptr))]

    def table(self, region=None, alternative="main"):
        """Persons (n_years, n_groups) of a region (None: Hele landet) and alternative."""
        ng = lib.planomsorg_ssbproj_n_groups(self._ptr)
        out = np.empty((self.n_years, ng))
        call("ssbproj_table", self._ptr, _region(region), code(ALTERNATIVES, alternative,
                                                                 "alternative"), ptr(out), out.size)
        return out

    def band(self, year, age_lo, age_hi=None, region=None, alternative="main"):
        out = ffi.new("double *")
        call("ssbproj_band", self._ptr, _region(region), code(ALTERNATIVES, alternative,
                                                                "alternative"),
             integer(year, "year"), integer(age_lo, "age_lo"),
             C["PLANOMSORG_AGE_OPEN"] if age_hi is None else integer(age_hi, "age_hi"), out)
        return out[0]

    def to_frame(self, region=None, alternative="main"):
        """Long DataFrame year, group, persons of one region and alternative."""
        t = self.table(region, alternative)
        return pd.DataFrame({"year": np.repeat(self.years, t.shape[1]),
                             "group": np.tile(np.array(self.group_labels, dtype=object),
                                              t.shape[0]),
                             "persons": t.ravel()})

    def align(self, population, region=None, alternative="main"):
        """Scale population (in place) to this table's groups; returns the AlignReport."""
        if not isinstance(population, Population):
            raise TypeError("planomsorg: population must be a Population")
        return AlignReport._new("ssbproj_align", population._ptr, self._ptr, _region(region),
                                code(ALTERNATIVES, alternative, "alternative"))


def _groups(groups):
    lo = np.array([integer(g[0], "age_lo") for g in groups], dtype=np.int32)
    hi = np.array([C["PLANOMSORG_AGE_OPEN"] if g[1] is None else integer(g[1], "age_hi")
                   for g in groups], dtype=np.int32)
    return lo, hi


def align_groups(population, first_year, groups, targets, sex_targets=None,
                 tolerance=C["PLANOMSORG_ALIGN_DEFAULT_TOLERANCE"],
                 max_iter=C["PLANOMSORG_ALIGN_DEFAULT_MAX_ITER"]):
    """Scale a population in place so that its age groups sum to targets (n_years, n_groups);
    with sex_targets (n_years, 2) fit both margins by iterative proportional fitting."""
    if not isinstance(population, Population):
        raise TypeError("planomsorg: population must be a Population")
    lo, hi = _groups(groups)
    t = array(targets, "targets", shape=(None, lo.size), nonnegative=True)
    if sex_targets is None:
        return AlignReport._new("align_groups", population._ptr, integer(first_year, "first_year"),
                                t.shape[0], lo.size, ptr(lo), ptr(hi), ptr(t))
    s = array(sex_targets, "sex_targets", shape=(t.shape[0], 2), nonnegative=True)
    return AlignReport._new("align_groups_sex", population._ptr, integer(first_year, "first_year"),
                            t.shape[0], lo.size, ptr(lo), ptr(hi), ptr(t), ptr(s),
                            number(tolerance, "tolerance", nonnegative=True),
                            integer(max_iter, "max_iter"))


class AlignReport(Handle):
    """What an alignment changed: per year and group the persons before, after, factor."""

    _free = "planomsorg_align_report_free"
    _ctype = "planomsorg_align_report"

    first_year = property(lambda self: lib.planomsorg_align_report_first_year(self._ptr))
    n_years = property(lambda self: lib.planomsorg_align_report_n_years(self._ptr))
    n_groups = property(lambda self: lib.planomsorg_align_report_n_groups(self._ptr))
    iterations = property(lambda self: lib.planomsorg_align_report_iterations(self._ptr))

    def to_frame(self):
        """Long DataFrame year, group (index), before, after, factor (one C call per cell:
        the report has no bulk export)."""
        b, a, f = ffi.new("double *"), ffi.new("double *"), ffi.new("double *")
        rows = []
        for y in range(self.first_year, self.first_year + self.n_years):
            for g in range(self.n_groups):
                call("align_report_group", self._ptr, y, g, b, a, f)
                rows.append((y, g, b[0], a[0], f[0]))
        return pd.DataFrame(rows, columns=["year", "group", "before", "after", "factor"])

    def sex(self, year, sex):
        """(before, after) persons of one sex in a year."""
        b, a = ffi.new("double *"), ffi.new("double *")
        call("align_report_sex", self._ptr, integer(year, "year"), integer(sex, "sex"), b, a)
        return b[0], a[0]
