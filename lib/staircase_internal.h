/* Internal views of the staircase, transitions, services and result handles. */
#ifndef PL_STAIRCASE_INTERNAL_H
#define PL_STAIRCASE_INTERNAL_H

#include "planomsorg/result.h"
#include "planomsorg/services.h"
#include "planomsorg/staircase.h"
#include "planomsorg/transitions.h"

struct pl_level {
    char name[PLANOMSORG_LEVEL_NAME_MAX + 1];
    int kind;
    unsigned flags;
};

struct planomsorg_staircase {
    int n_levels;
    struct pl_level levels[PLANOMSORG_MAX_LEVELS];
};

struct planomsorg_transitions {
    int n_levels;
    int n_bands;
    int band_lo[PLANOMSORG_MAX_AGE_BANDS];
    int first_year; /* 0 when time-invariant */
    int n_years;    /* 0 when time-invariant */
    double *matrices; /* [year slot][band][sex][K][K]; one slot when time-invariant */
    double *mortality; /* [K] */
};

/* A path of values by year: before first_year `neutral`, after the last the last value. */
struct pl_path {
    int first_year;
    int n_years; /* 0: not set */
    double *values;
};

struct planomsorg_services {
    planomsorg_staircase sc;
    int residual; /* index of the level of kind none */
    int mode;
    /* rates [level][band][sex] */
    int n_rate_bands;
    int rate_band_lo[PLANOMSORG_MAX_AGE_BANDS];
    double *rates;
    planomsorg_transitions *tr;
    /* death probabilities [year][sex][age] */
    double *q;
    int q_first_year, q_n_years, q_max_age;
    /* initial shares [sex][age][level] */
    double *shares;
    int shares_max_age;
    double birth[PLANOMSORG_MAX_LEVELS];
    struct pl_path capacity[PLANOMSORG_MAX_LEVELS];
    struct pl_path dreining[PLANOMSORG_MAX_LEVELS];
    struct pl_path family;
    double theta;
    int le_first_year, le_n_years;
    double *delta_le; /* [year][sex] */
};

struct planomsorg_result {
    int mode;
    int first_year, n_years, max_age, n_levels;
    planomsorg_staircase sc;
    planomsorg_population *pop; /* the years of the result */
    double *users; /* [year][sex][age][level] */
    double *queue; /* same layout */
    double *capacity; /* [year][level], INFINITY when uncapped */
};

/* Index of the band containing age (band_lo ascending, band_lo[0] = 0). */
int pl_band_of_age(const int *band_lo, int n_bands, int age);
/* Checks a band partition; `what` names the caller in messages. */
int pl_check_bands(const int *band_lo, size_t n_bands, const char *what);
/* Checks a K x K matrix; names year, band, sex, row in the message (ESTOCHASTIC). */
int pl_check_stochastic(const double *m, int k, int year, int band_lo, int sex,
                        const char *what);
/* Pointer to the matrix of a year slot, band and sex. */
double *pl_transitions_matrix(const planomsorg_transitions *tr, int slot, int band, int sex);
/* Index of a calendar year among n_years >= 1 years from first_year, clamped to the first
 * and the last. */
int pl_year_slot(int year, int first_year, int n_years);
/* Slot of a calendar year (clamped). */
int pl_transitions_slot(const planomsorg_transitions *tr, int year);
/* Value of a path in a year. */
double pl_path_value(const struct pl_path *p, int year, double neutral);
int pl_path_set(struct pl_path *p, const double *values, int first_year, int n_years,
                const char *what);
void pl_path_clear(struct pl_path *p);
/* Rates of every level at a (possibly fractional) effective age, interpolated linearly
 * between the single ages floor(age) and floor(age) + 1 (needs rates set). */
void pl_services_rates_at(const planomsorg_services *svc, int sex, double age, double *r);
/* planomsorg_services_run() into *res, reusing its arrays when it holds a result of the
 * same years, max age and levels (from an earlier run); otherwise it is freed and a new
 * one allocated. On failure *res may hold a partial result (the caller frees it). */
int pl_services_run_reuse(planomsorg_result **res, const planomsorg_services *svc,
                          const planomsorg_population *pop, int first_year, int last_year);
/* 1 when a KOSTRA total the default staircase needs (home-service users, long-term
 * residents, 24-hour housing residents) is suppressed for the region and year, so that
 * planomsorg_services_kostra_users() imputes it from national rates. */
int pl_services_kostra_imputed(const char *region, int year);

#endif
