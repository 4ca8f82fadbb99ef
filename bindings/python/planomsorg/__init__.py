"""Python binding of libplanomsorg: planning calculations for Norwegian care services.

A thin layer over the C API (cffi, ABI mode). Every C function is reachable as
``planomsorg.lib.planomsorg_<name>`` with the declarations generated from the public
headers (``planomsorg.ffi``); ``planomsorg.call(name, *args)`` calls one and turns a
negative status into the exception of its kind (see planomsorg.errors). The module
wrappers add NumPy arrays, pandas DataFrames and handles that free themselves.

The library is found through PLANOMSORG_LIBRARY (path of libplanomsorg.so.1),
pkg-config (planomsorg.pc), the build tree next to this package, or the system.
"""
from ._lib import (API_FILE, C, LIBRARY_PATH, VERSION, VERSION_NUMBER, call, check, error_class,
                   ffi, lib)
from .errors import *  # noqa: F401,F403  (one class per kind of error)
from .errors import KINDS, LibraryNotFoundError, PlanomsorgError
from . import population, demography, coverage, cohort, staffing, staircase, services, plan, ssbproj, estimate
from .population import (BOTH, FEMALE, MALE, Population, band_range, kostra, municipalities,
                         region_name)
from .demography import Components, Demography, life_table, project
from .cohort import Cohort, CohortResult
from .staffing import Costs, CostsResult, Staffing, StaffingResult, present_value
from .staircase import Staircase, Transitions
from .services import Result, Services
from .plan import Plan, PlanResult, Scenario
from .ssbproj import AlignReport, SsbProjection, align_groups
from .estimate import Estimate, MonteCarlo

__version__ = "1.0.0"

__all__ = ["API_FILE", "C", "LIBRARY_PATH", "VERSION", "VERSION_NUMBER", "call", "check", "error_class",
           "ffi", "lib", "KINDS", "LibraryNotFoundError", "PlanomsorgError",
           "population", "demography", "coverage", "cohort",
           "BOTH", "FEMALE", "MALE", "Population", "band_range", "kostra", "municipalities",
           "region_name", "Components", "Demography", "life_table", "project",
           "Cohort", "CohortResult", "staffing", "Costs", "CostsResult", "Staffing",
           "StaffingResult", "present_value", "staircase", "services", "plan", "Staircase",
           "Transitions", "Result", "Services", "Plan", "PlanResult", "Scenario", "ssbproj",
           "AlignReport", "SsbProjection", "align_groups", "estimate", "Estimate",
           "MonteCarlo"] + [k.__name__ for k in KINDS]
