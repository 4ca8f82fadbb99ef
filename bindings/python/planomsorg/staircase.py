"""staircase.h and transitions.h: the levels of the care staircase and transition matrices."""
import numpy as np

from ._lib import C, Handle, array, call, code, ffi, integer, lib, names, ptr, string, text

#: Level kinds by name ('none', 'home', ...).
KINDS = names(lib.planomsorg_level_kind_name, C["PLANOMSORG_N_LEVEL_KINDS"])
FLAG_24H = C["PLANOMSORG_LEVEL_FLAG_24H"]
FLAG_CAPACITY = C["PLANOMSORG_LEVEL_FLAG_CAPACITY"]
ANY_YEAR = C["PLANOMSORG_ANY_YEAR"]


class Staircase(Handle):
    """Service levels, lowest first, each with a kind and flags (24-hour, capacity-limited)."""

    _free = "planomsorg_staircase_free"
    _ctype = "planomsorg_staircase"

    def __init__(self, levels=()):
        """An empty staircase, with levels added from (name, kind, flags) tuples."""
        out = ffi.new("planomsorg_staircase **")
        call("staircase_new", out)
        super().__init__(out[0])
        for lv in levels:
            self.add_level(*lv)

    @classmethod
    def default(cls):
        """The default eight-level Norwegian staircase."""
        return cls._new("staircase_new_default")

    def copy(self):
        return Staircase._new("staircase_copy", self._ptr)

    def add_level(self, name, kind, flags=0):
        """Append a level; kind a code or name ('home', 'long_term', ...); returns its index."""
        call("staircase_add_level", self._ptr, text(name, "name"), code(KINDS, kind, "kind"),
             ffi.cast("unsigned", integer(flags, "flags")))
        return self.n_levels - 1

    @property
    def n_levels(self):
        return lib.planomsorg_staircase_n_levels(self._ptr)

    @property
    def levels(self):
        return [string(lib.planomsorg_staircase_level_name(self._ptr, k))
                for k in range(self.n_levels)]

    def find(self, name):
        out = ffi.new("int *")
        call("staircase_find", out, self._ptr, text(name, "name"))
        return out[0]

    def level(self, level):
        """A level index from an index or a name."""
        return self.find(level) if isinstance(level, str) else integer(level, "level")

    def kind(self, level):
        out = ffi.new("int *")
        call("staircase_level_kind", out, self._ptr, self.level(level))
        return out[0]

    def flags(self, level):
        out = ffi.new("unsigned *")
        call("staircase_level_flags", out, self._ptr, self.level(level))
        return int(out[0])

    def levels_with_flags(self, flags):
        cap = max(self.n_levels, 1)
        out = np.empty(cap, dtype=np.int32)
        n = ffi.new("size_t *")
        call("staircase_levels_with_flags", ptr(out), n, cap, self._ptr,
             ffi.cast("unsigned", integer(flags, "flags")))
        return out[:n[0]].tolist()


def _bands(band_lo):
    b = array(band_lo, "band_lo", shape=(None,), dtype=np.int32)
    if b.size < 1:
        raise ValueError("planomsorg: band_lo needs at least one band")
    return b


class Transitions(Handle):
    """Row-stochastic K x K matrices by (year,) age band and sex, and relative mortality."""

    _free = "planomsorg_transitions_free"
    _ctype = "planomsorg_transitions"

    def __init__(self, n_levels, band_lo=(0,), first_year=0, n_years=0):
        b = _bands(band_lo)
        out = ffi.new("planomsorg_transitions **")
        call("transitions_new", out, integer(n_levels, "n_levels"), ptr(b), b.size,
             integer(first_year, "first_year"), integer(n_years, "n_years"))
        super().__init__(out[0])

    @classmethod
    def read_csv(cls, path, staircase):
        return cls._new("transitions_read_csv", text(path, "path"), staircase._ptr)

    @classmethod
    def parse_csv(cls, csv_text, staircase, source="<string>"):
        b = text(csv_text, "csv_text")
        return cls._new("transitions_parse_csv", b, len(b), text(source, "source"), staircase._ptr)

    def copy(self):
        return Transitions._new("transitions_copy", self._ptr)

    n_levels = property(lambda self: lib.planomsorg_transitions_n_levels(self._ptr))
    n_bands = property(lambda self: lib.planomsorg_transitions_n_bands(self._ptr))

    @property
    def band_lo(self):
        out = ffi.new("int *")
        res = []
        for b in range(self.n_bands):
            call("transitions_band_lo", out, self._ptr, b)
            res.append(out[0])
        return res

    def set_matrix(self, matrix, band=0, sex=0, year=ANY_YEAR):
        k = self.n_levels
        m = array(matrix, "matrix", shape=(k, k), nonnegative=True)
        call("transitions_set_matrix", self._ptr, integer(year, "year"), integer(band, "band"),
             integer(sex, "sex"), ptr(m), m.size)

    def matrix(self, band=0, sex=0, year=ANY_YEAR):
        k = self.n_levels
        out = np.empty((k, k))
        call("transitions_get_matrix", ptr(out), out.size, self._ptr, integer(year, "year"),
             integer(band, "band"), integer(sex, "sex"))
        return out

    def set_mortality(self, mortality):
        m = array(mortality, "mortality", shape=(self.n_levels,), nonnegative=True)
        call("transitions_set_mortality", self._ptr, ptr(m), m.size)

    def mortality(self):
        out = np.empty(self.n_levels)
        call("transitions_get_mortality", ptr(out), out.size, self._ptr)
        return out
