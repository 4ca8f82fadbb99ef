/**
 * @file planomsorg.h
 * @brief Umbrella header of libplanomsorg: includes every public module header.
 *
 * libplanomsorg computes the planning figures of Norwegian care services
 * (pleie og omsorg): population cohorts and projections, users per level of
 * the care staircase, coverage rates, staff, costs and scenarios.
 */
#ifndef PLANOMSORG_H
#define PLANOMSORG_H

#include "planomsorg/version.h"
#include "planomsorg/common.h"
#include "planomsorg/errors.h"
#include "planomsorg/population.h"
#include "planomsorg/io.h"
#include "planomsorg/coverage.h"
#include "planomsorg/data.h"
/* ssbproj */
#include "planomsorg/align.h"
#include "planomsorg/ssbproj.h"
/* care staircase, transitions, service projection, results */
#include "planomsorg/staircase.h"
#include "planomsorg/transitions.h"
#include "planomsorg/result.h"
#include "planomsorg/services.h"
#include "planomsorg/staffing.h"
#include "planomsorg/costs.h"
#include "planomsorg/demography.h"
/* scenarios and the plan */
#include "planomsorg/scenario.h"
#include "planomsorg/plan.h"
#include "planomsorg/staffing.h"
#include "planomsorg/costs.h"
/* estimation and Monte Carlo */
#include "planomsorg/estimate.h"
#include "planomsorg/montecarlo.h"
#include "planomsorg/cohort.h"

/* scenarios and the plan */
#include "planomsorg/scenario.h"
#include "planomsorg/plan.h"
#endif
