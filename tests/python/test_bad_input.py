"""Bad input from Python is refused with a clear exception before C, never a crash."""
import numpy as np
import pytest

import planomsorg
from planomsorg import Cohort, Population, coverage
from planomsorg import errors as E


@pytest.fixture
def pop():
    with Population.from_array(np.ones((2, 2, 101)), 2025) as p:
        yield p


def test_wrong_dtype(pop):
    with pytest.raises(TypeError, match="dtype"):
        pop.import_array(np.full((2, 2, 101), "x"))
    with pytest.raises(TypeError, match="dtype"):
        coverage.path(np.array([1 + 2j, 3]), pop, 2025)
    with pytest.raises(TypeError, match="integer"):
        pop.band("2025", "80+")
    with pytest.raises(TypeError, match="integer"):
        pop.band(2025.5, "80+")


def test_wrong_shape(pop):
    with pytest.raises(E.DimensionError, match=r"shape \(2, 2, 100\)"):
        pop.import_array(np.ones((2, 2, 100)))
    with pytest.raises(E.DimensionError):
        Population.from_array(np.ones((2, 3, 10)), 2020)
    with pytest.raises(E.DimensionError):
        Cohort(["a", "b"], 2).set_matrix(np.eye(3))


def test_nan_and_infinity(pop):
    bad = np.ones((2, 2, 101))
    bad[1, 0, 85] = np.nan
    with pytest.raises(E.InvalidValueError, match=r"persons\[1, 0, 85\] is nan"):
        pop.import_array(bad)
    with pytest.raises(E.InvalidValueError, match="finite"):
        coverage.rate(float("inf"), pop, 2025)
    with pytest.raises(E.InvalidValueError):
        coverage.path([1.0, np.nan], pop, 2025)


def test_none(pop):
    with pytest.raises(TypeError, match="None"):
        pop.import_array(None)
    with pytest.raises(TypeError):
        coverage.rate(None, pop, 2025)
    with pytest.raises(TypeError):
        coverage.rate(1.0, None, 2025)
    with pytest.raises(TypeError):
        Population.read_csv(None)
    with pytest.raises(TypeError):
        planomsorg.project(None, 2025, 2026, None)


def test_negative_counts(pop):
    bad = np.ones((2, 2, 101))
    bad[0, 1, 3] = -2
    with pytest.raises(E.InvalidValueError, match=">= 0"):
        pop.import_array(bad)
    with pytest.raises(E.InvalidValueError):
        pop.set(2025, 0, 3, -1)
    with pytest.raises(E.InvalidValueError):
        coverage.path([-5.0, 1.0], pop, 2025)
    # unchanged after the refusals
    assert pop.to_numpy().sum() == 2 * 2 * 101


def test_int_arrays_and_lists_are_accepted(pop):
    pop.import_array(np.ones((2, 2, 101), dtype=np.int64).tolist())
    assert pop.band(2026, "all") == 202.0


def test_int_arrays_out_of_c_range():
    with pytest.raises(E.OutOfRangeError, match="C int"):
        planomsorg.Transitions(2, [0, 2 ** 40])


def test_copies_are_deep_and_pickling_is_refused(pop):
    import copy
    import pickle
    dup = copy.copy(pop)
    deep = copy.deepcopy(pop)
    dup.set(2025, 0, 0, 99.0)
    assert pop.get(2025, 0, 0) == 1.0 and deep.get(2025, 0, 0) == 1.0
    dup.close()
    assert pop.band(2025, "all") == 202.0          # the original still owns its object
    with pytest.raises(TypeError, match="pickle"):
        pickle.dumps(pop)
    deep.close()


def test_progress_callback_exception_is_raised():
    def boom(done, total):
        raise KeyboardInterrupt("stop")
    with planomsorg.Plan("5001", 2025, 2026) as plan:
        with pytest.raises(KeyboardInterrupt, match="stop"):
            plan.run(progress=boom)
