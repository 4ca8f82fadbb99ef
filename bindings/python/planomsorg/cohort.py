"""cohort.h: the generic Markov cohort model (death as a state, values, discounting)."""
import numpy as np
import pandas as pd

from ._lib import C, Handle, array, call, ffi, integer, lib, number, ptr, string, text

ALL_CYCLES = C["PLANOMSORG_COHORT_ALL_CYCLES"]
#: Measure codes by the CLI's names ('life_years', 'value_discounted', ...).
MEASURES = {string(lib.planomsorg_cohort_measure_name(i)): i
            for i in range(C["PLANOMSORG_COHORT_N_MEASURES"])}


class Cohort(Handle):
    """A Markov cohort model with named states."""

    _free = "planomsorg_cohort_free"
    _ctype = "planomsorg_cohort"

    def __init__(self, states, n_cycles):
        if isinstance(states, str) or states is None:
            raise TypeError("planomsorg: states must be a list of names")
        names = [text(s, "state name") for s in states]
        cnames = [ffi.new("char[]", n) for n in names]
        arr = ffi.new("const char *[]", cnames)
        out = ffi.new("planomsorg_cohort **")
        call("cohort_new", out, len(names), arr, integer(n_cycles, "n_cycles"))
        super().__init__(out[0])

    @classmethod
    def read_csv(cls, transitions, initial, values=None, n_cycles=0):
        """From the CSV files of `planomsorg markov` (n_cycles 0: the largest cycle named)."""
        return cls._new("cohort_read_csv", text(transitions, "transitions"),
                        text(initial, "initial"),
                        ffi.NULL if values is None else text(values, "values"),
                        integer(n_cycles, "n_cycles"))

    @property
    def n_states(self):
        return lib.planomsorg_cohort_n_states(self._ptr)

    @property
    def n_cycles(self):
        return lib.planomsorg_cohort_n_cycles(self._ptr)

    @property
    def states(self):
        return [string(lib.planomsorg_cohort_state_name(self._ptr, i))
                for i in range(self.n_states)]

    def state_index(self, name):
        out = ffi.new("int *")
        call("cohort_state_index", out, self._ptr, text(name, "name"))
        return out[0]

    def set_matrix(self, p, cycle=ALL_CYCLES):
        """Row-stochastic matrix (n_states, n_states) for one cycle, or the default."""
        n = self.n_states
        a = array(p, "p", shape=(n, n))
        call("cohort_set_matrix", self._ptr, integer(cycle, "cycle"), ptr(a))

    def set_initial(self, share):
        a = array(share, "share", shape=(self.n_states,), nonnegative=True)
        call("cohort_set_initial", self._ptr, ptr(a))

    def set_values(self, values, cycle=ALL_CYCLES):
        a = array(values, "values", shape=(self.n_states,))
        call("cohort_set_values", self._ptr, integer(cycle, "cycle"), ptr(a))

    def set_discount(self, rate):
        call("cohort_set_discount", self._ptr, number(rate, "rate", nonnegative=True))

    def set_half_cycle(self, on=True):
        call("cohort_set_half_cycle", self._ptr, 1 if on else 0)

    def run(self):
        return CohortResult._new("cohort_run", self._ptr, keep=(self.states,))


class CohortResult(Handle):
    """The trace and totals of a cohort run (read-only)."""

    _free = "planomsorg_cohort_result_free"
    _ctype = "planomsorg_cohort_result"

    @property
    def n_cycles(self):
        return lib.planomsorg_cohort_result_n_cycles(self._ptr)

    @property
    def n_states(self):
        return lib.planomsorg_cohort_result_n_states(self._ptr)

    @property
    def states(self):
        self._ptr                       # raises StateError once closed
        return list(self._keep[0])

    def trace(self):
        """Shares (n_cycles + 1, n_states); row 0 is the initial distribution (a copy)."""
        rows, cols = self.n_cycles + 1, self.n_states
        buf = ffi.buffer(lib.planomsorg_cohort_result_trace(self._ptr), rows * cols * 8)
        return np.frombuffer(buf, dtype=np.float64).reshape(rows, cols).copy()

    def total(self, measure):
        code = MEASURES[measure] if isinstance(measure, str) else integer(measure, "measure")
        out = ffi.new("double *")
        call("cohort_result_total", out, self._ptr, code)
        return out[0]

    def totals(self):
        """{measure name: total}, as the CLI's totals block."""
        return {name: self.total(code) for name, code in MEASURES.items()}

    def per_cycle(self, measure):
        """Contribution of cycles 1..n_cycles to a measure."""
        code = MEASURES[measure] if isinstance(measure, str) else integer(measure, "measure")
        out = ffi.new("double *")
        vals = np.empty(self.n_cycles)
        for t in range(1, self.n_cycles + 1):       # the C API offers one cycle per call
            call("cohort_result_cycle", out, self._ptr, code, t)
            vals[t - 1] = out[0]
        return vals

    def absorbing(self, state):
        out = ffi.new("int *")
        call("cohort_result_absorbing", out, self._ptr, integer(state, "state"))
        return bool(out[0])

    def to_frame(self):
        """Long DataFrame cycle, state, share (the CLI's CSV trace)."""
        tr = self.trace()
        rows, cols = tr.shape
        return pd.DataFrame({"cycle": np.repeat(np.arange(rows), cols),
                             "state": np.tile(np.array(self.states, dtype=object), rows),
                             "share": tr.ravel()})
