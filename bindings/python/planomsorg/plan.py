"""scenario.h and plan.h: levers and bundles; the whole plan and its queryable result."""
import numpy as np

from ._lib import (C, Handle, array, call, code, ffi, integer, lib, names, number, ptr, string,
                   temp_csv, text)
from .demography import ALTERNATIVES
from .population import Population
from .services import Result
from .staffing import PLACE_TYPES, Costs, Staffing
from .staircase import Staircase, Transitions

LEVERS = names(lib.planomsorg_lever_name, C["PLANOMSORG_N_LEVERS"])
BUNDLES = names(lib.planomsorg_bundle_name, C["PLANOMSORG_N_BUNDLES"])
MEASURES = names(lib.planomsorg_plan_measure_name, C["PLANOMSORG_N_MEASURES"])
ALL = C["PLANOMSORG_PLAN_ALL"]
PLACE_NONE = C["PLANOMSORG_PLACE_NONE"]


class Scenario(Handle):
    """A named set of levers (values, paths or ramps), a demography alternative and
    capacity plans by level name."""

    _free = "planomsorg_scenario_free"
    _ctype = "planomsorg_scenario"

    def __init__(self, name):
        out = ffi.new("planomsorg_scenario **")
        call("scenario_new", out, text(name, "name"))
        super().__init__(out[0])

    @classmethod
    def bundle(cls, bundle):
        """A named bundle: 'worst', 'middle' or 'best' (or its code)."""
        return cls._new("scenario_new_bundle", code(BUNDLES, bundle, "bundle"))

    def copy(self):
        return Scenario._new("scenario_copy", self._ptr)

    @property
    def name(self):
        return string(lib.planomsorg_scenario_name(self._ptr))

    @name.setter
    def name(self, value):
        call("scenario_set_name", self._ptr, text(value, "name"))

    @property
    def demography(self):
        return lib.planomsorg_scenario_demography(self._ptr)

    @demography.setter
    def demography(self, alternative):
        call("scenario_set_demography", self._ptr, code(ALTERNATIVES, alternative, "alternative"))

    def set_value(self, lever, value):
        call("scenario_set_value", self._ptr, code(LEVERS, lever, "lever"), number(value, "value"))

    def set_path(self, lever, values, first_year):
        v = array(values, "values", shape=(None,))
        call("scenario_set_path", self._ptr, code(LEVERS, lever, "lever"), ptr(v),
             integer(first_year, "first_year"), v.size)

    def set_ramp(self, lever, start_year, start_value, end_year, end_value):
        call("scenario_set_ramp", self._ptr, code(LEVERS, lever, "lever"),
             integer(start_year, "start_year"), number(start_value, "start_value"),
             integer(end_year, "end_year"), number(end_value, "end_value"))

    def lever(self, lever, year):
        out = ffi.new("double *")
        call("scenario_lever", out, self._ptr, code(LEVERS, lever, "lever"), integer(year, "year"))
        return out[0]

    def growth_factor(self, lever, base_year, year):
        out = ffi.new("double *")
        call("scenario_growth_factor", out, self._ptr, code(LEVERS, lever, "lever"),
             integer(base_year, "base_year"), integer(year, "year"))
        return out[0]

    def set_capacity(self, level, places, first_year):
        """A capacity plan for a level named as in the plan's staircase."""
        p = array(places, "places", shape=(None,), nonnegative=True)
        call("scenario_set_capacity", self._ptr, text(level, "level"), ptr(p),
             integer(first_year, "first_year"), p.size)

    def capacities(self):
        """{level name: (first_year, places array)}."""
        res = {}
        lv, pl = ffi.new("const char **"), ffi.new("const double **")
        fy, ny = ffi.new("int *"), ffi.new("int *")
        for i in range(lib.planomsorg_scenario_n_capacities(self._ptr)):
            call("scenario_capacity", lv, pl, fy, ny, self._ptr, i)
            res[string(lv[0])] = (fy[0], np.frombuffer(ffi.buffer(pl[0], 8 * ny[0]),
                                                       dtype=np.float64).copy())
        return res


class Plan(Handle):
    """The whole plan of a region: population, staircase and rates or transitions, staffing,
    costs and scenarios. Every setter copies its argument in the library."""

    _free = "planomsorg_plan_free"
    _ctype = "planomsorg_plan"

    def __init__(self, region=None, base_year=2025, last_year=2050):
        out = ffi.new("planomsorg_plan **")
        call("plan_new", out, ffi.NULL if region is None else text(region, "region"),
             integer(base_year, "base_year"), integer(last_year, "last_year"))
        super().__init__(out[0])

    @classmethod
    def read_yaml(cls, path):
        return cls._new("plan_read_yaml", text(path, "path"))

    @classmethod
    def parse_yaml(cls, yaml_text, source=None):
        b = text(yaml_text, "yaml_text")
        return cls._new("plan_parse_yaml", b, len(b),
                        ffi.NULL if source is None else text(source, "source"))

    @property
    def region(self):
        return string(lib.planomsorg_plan_region(self._ptr))

    @region.setter
    def region(self, value):
        call("plan_set_region", self._ptr, ffi.NULL if value is None else text(value, "region"))

    @property
    def years(self):
        a, b = ffi.new("int *"), ffi.new("int *")
        call("plan_years", a, b, self._ptr)
        return a[0], b[0]

    def set_years(self, base_year, last_year):
        call("plan_set_years", self._ptr, integer(base_year, "base_year"),
             integer(last_year, "last_year"))

    def set_population(self, population):
        if population is not None and not isinstance(population, Population):
            raise TypeError("planomsorg: population must be a Population or None")
        call("plan_set_population", self._ptr, ffi.NULL if population is None else population._ptr)

    @property
    def staircase(self):
        return Staircase._borrow(lib.planomsorg_plan_staircase(self._ptr), self)

    def set_staircase(self, staircase):
        if not isinstance(staircase, Staircase):
            raise TypeError("planomsorg: staircase must be a Staircase")
        call("plan_set_staircase", self._ptr, staircase._ptr)

    def set_rates(self, rates, band_lo):
        b = array(band_lo, "band_lo", shape=(None,), dtype=np.int32)
        k = lib.planomsorg_staircase_n_levels(lib.planomsorg_plan_staircase(self._ptr))
        r = array(rates, "rates", shape=(k, b.size, 2), nonnegative=True)
        call("plan_set_rates", self._ptr, ptr(r), r.size, ptr(b), b.size)

    def set_rates_kostra(self, year):
        call("plan_set_rates_kostra", self._ptr, integer(year, "year"))

    def set_transitions(self, transitions):
        if transitions is not None and not isinstance(transitions, Transitions):
            raise TypeError("planomsorg: transitions must be a Transitions or None")
        call("plan_set_transitions", self._ptr,
             ffi.NULL if transitions is None else transitions._ptr)

    def set_staffing(self, staffing):
        if staffing is not None and not isinstance(staffing, Staffing):
            raise TypeError("planomsorg: staffing must be a Staffing or None")
        call("plan_set_staffing", self._ptr, ffi.NULL if staffing is None else staffing._ptr)

    def set_costs(self, costs):
        if costs is not None and not isinstance(costs, Costs):
            raise TypeError("planomsorg: costs must be a Costs or None")
        call("plan_set_costs", self._ptr, ffi.NULL if costs is None else costs._ptr)

    def set_place_type(self, level, place_type):
        t = PLACE_NONE if place_type is None else code(PLACE_TYPES, place_type, "place_type")
        call("plan_set_place_type", self._ptr, self.staircase.level(level), t)

    def add_scenario(self, scenario):
        if isinstance(scenario, str):
            with Scenario.bundle(scenario) as sc:
                call("plan_add_scenario", self._ptr, sc._ptr)
            return
        if not isinstance(scenario, Scenario):
            raise TypeError("planomsorg: scenario must be a Scenario or a bundle name")
        call("plan_add_scenario", self._ptr, scenario._ptr)

    def clear_scenarios(self):
        call("plan_clear_scenarios", self._ptr)

    def keep_scenario(self, name):
        call("plan_keep_scenario", self._ptr, text(name, "name"))

    @property
    def scenarios(self):
        return [string(lib.planomsorg_scenario_name(lib.planomsorg_plan_scenario(self._ptr, i)))
                for i in range(lib.planomsorg_plan_n_scenarios(self._ptr))]

    def run(self, progress=None):
        """Run every scenario; progress(done, total) is called after each one."""
        out = ffi.new("planomsorg_plan_result **")
        if progress is None:
            call("plan_run", out, self._ptr)
        else:
            raised = []

            @ffi.callback("planomsorg_progress_fn")
            def cb(_user, done, total):
                if not raised:
                    try:
                        progress(done, total)
                    except BaseException as exc:      # re-raised once the C call returns
                        raised.append(exc)
            call("plan_run_progress", out, self._ptr, cb, ffi.NULL)
            if raised:
                lib.planomsorg_plan_result_free(out[0])
                raise raised[0]
        res = PlanResult.__new__(PlanResult)
        Handle.__init__(res, out[0])
        return res


class PlanResult(Handle):
    """Every measure by scenario, year, level and group (read-only)."""

    _free = "planomsorg_plan_result_free"
    _ctype = "planomsorg_plan_result"

    @property
    def scenarios(self):
        return [string(lib.planomsorg_plan_result_scenario_name(self._ptr, i))
                for i in range(lib.planomsorg_plan_result_n_scenarios(self._ptr))]

    @property
    def years(self):
        a, b = ffi.new("int *"), ffi.new("int *")
        call("plan_result_years", a, b, self._ptr)
        return np.arange(a[0], b[0] + 1)

    @property
    def region(self):
        return string(lib.planomsorg_plan_result_region(self._ptr))

    @property
    def staircase(self):
        return Staircase._borrow(lib.planomsorg_plan_result_staircase(self._ptr), self)

    @property
    def levels(self):
        return self.staircase.levels

    @property
    def groups(self):
        return [string(lib.planomsorg_plan_result_group_name(self._ptr, g))
                for g in range(lib.planomsorg_plan_result_n_groups(self._ptr))]

    def _scenario(self, scenario):
        if isinstance(scenario, str):
            out = ffi.new("int *")
            call("plan_result_find_scenario", out, self._ptr, text(scenario, "scenario"))
            return out[0]
        return integer(scenario, "scenario")

    def _level(self, level):
        return ALL if level is None or level == "all" else self.staircase.level(level)

    def _group(self, group):
        if group is None or group == "all":
            return ALL
        if isinstance(group, str):
            return self.groups.index(group)
        return integer(group, "group")

    def get(self, scenario, year, measure, level=None, group=None):
        out = ffi.new("double *")
        call("plan_result_get", out, self._ptr, self._scenario(scenario), integer(year, "year"),
             code(MEASURES, measure, "measure"), self._level(level), self._group(group))
        return out[0]

    def band(self, year, measure, level=None, group=None):
        """(min, max) of a value over the scenarios."""
        lo, hi = ffi.new("double *"), ffi.new("double *")
        call("plan_result_band", lo, hi, self._ptr, integer(year, "year"),
             code(MEASURES, measure, "measure"), self._level(level), self._group(group))
        return lo[0], hi[0]

    def services(self, scenario):
        """The service projection (users by age and sex) behind a scenario (borrowed)."""
        return Result._borrow(lib.planomsorg_plan_result_services(self._ptr,
                                                                  self._scenario(scenario)), self)

    def to_frame(self):
        """Long DataFrame scenario, year, measure, level, group, value (the CLI's CSV)."""
        return temp_csv(lambda p: call("plan_result_write_csv", self._ptr, p), "plan result")

    def series(self, measure, level=None, group=None):
        """Wide DataFrame years x scenarios of one measure, from the long layout."""
        f = self.to_frame()
        lv = "all" if level is None else (level if isinstance(level, str) else self.levels[level])
        gr = "all" if group is None else (group if isinstance(group, str) else self.groups[group])
        sel = f[(f.measure == measure) & (f.level == lv) & (f.group == gr)]
        return sel.pivot(index="year", columns="scenario", values="value")[self.scenarios]
