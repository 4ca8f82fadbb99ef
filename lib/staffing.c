/* Staff demand and supply by level, competence group and year.
 * Formulas, default tables and their sources: docs/methods/staffing.md. */
#include "planomsorg/staffing.h"
#include "planomsorg/data.h"

#include "check.h"
#include "error.h"
#include "population_internal.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NAME_MAX_BYTES 64
#define N_AGES PLANOMSORG_STAFF_N_AGES
#define AGE0 PLANOMSORG_STAFF_MIN_AGE

/* Every array lives in one block of doubles (buf) so that copies are a memcpy. */
struct planomsorg_staffing {
    int n_levels, n_groups, first_year, n_years;
    double *buf;
    size_t buf_len;
    double *fte;          /* [k] net FTE per user-year */
    double *mix;          /* [k][g] */
    double *standard;     /* [t] */
    double *productivity; /* [t] */
    double *absence;      /* [g] */
    double *share;        /* [t][g] position share */
    double *workforce;    /* [g][age] persons on 1 January of the first year */
    double *exit;         /* [age] retirement probability */
    double *attrition;    /* [g] */
    double *recruits;     /* [g][t] */
    double *recruit_ages; /* [age] */
    unsigned char *workforce_set; /* [g] */
    unsigned char *recruits_set;  /* [g] */
    char (*names)[NAME_MAX_BYTES];
};

struct planomsorg_staffing_result {
    int n_levels, n_groups, first_year, n_years;
    int has_share;
    double *buf;
    double *net, *gross, *persons;             /* [t][k][g] */
    double *supply, *exits, *attrition, *recr; /* [t][g] */
    double *supply_fte;                        /* [t][g] */
    double *share;                             /* [t] */
};

static const char *const group_names[PLANOMSORG_N_DEFAULT_GROUPS] = {
    "nurse", "health_worker", "assistant", "other"};

static const char *const measure_names[PLANOMSORG_STAFF_N_MEASURES] = {
    "fte_net", "fte", "persons", "supply_persons", "supply_fte", "gap_fte", "gap_persons",
    "exits", "attrition", "recruits", "share_20_66"};

const char *planomsorg_group_default_name(int group)
{
    if (group < 0 || group >= PLANOMSORG_N_DEFAULT_GROUPS)
        return NULL;
    return group_names[group];
}

const char *planomsorg_staff_measure_name(int measure)
{
    if (measure < 0 || measure >= PLANOMSORG_STAFF_N_MEASURES)
        return NULL;
    return measure_names[measure];
}

void planomsorg_staffing_limits(int *min_age, int *max_age, int *max_dim, int *default_levels,
                                int *all, double *sum_tolerance)
{
    if (min_age != NULL)
        *min_age = PLANOMSORG_STAFF_MIN_AGE;
    if (max_age != NULL)
        *max_age = PLANOMSORG_STAFF_MAX_AGE;
    if (max_dim != NULL)
        *max_dim = PLANOMSORG_STAFF_MAX_DIM;
    if (default_levels != NULL)
        *default_levels = PLANOMSORG_STAFF_DEFAULT_LEVELS;
    if (all != NULL)
        *all = PLANOMSORG_STAFF_ALL;
    if (sum_tolerance != NULL)
        *sum_tolerance = PLANOMSORG_STAFF_SUM_TOLERANCE;
}

/* ---- layout and lifetime -------------------------------------------------------------- */

static size_t staffing_doubles(int K, int G, int T)
{
    size_t k = (size_t)K, g = (size_t)G, t = (size_t)T;
    return k + k * g + 2 * t + g + t * g + g * N_AGES + N_AGES + g + g * t + N_AGES;
}

static void staffing_layout(planomsorg_staffing *s)
{
    size_t K = (size_t)s->n_levels, G = (size_t)s->n_groups, T = (size_t)s->n_years;
    double *p = s->buf;
    s->fte = p;          p += K;
    s->mix = p;          p += K * G;
    s->standard = p;     p += T;
    s->productivity = p; p += T;
    s->absence = p;      p += G;
    s->share = p;        p += T * G;
    s->workforce = p;    p += G * N_AGES;
    s->exit = p;         p += N_AGES;
    s->attrition = p;    p += G;
    s->recruits = p;     p += G * T;
    s->recruit_ages = p;
}

static int check_dims(int n_levels, int n_groups, int first_year, int n_years, const char *fn)
{
    int rc = pl_check_int(n_levels, 1, PLANOMSORG_STAFF_MAX_DIM, "n_levels", fn);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_int(n_groups, 1, PLANOMSORG_STAFF_MAX_DIM, "n_groups", fn);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_year_range(first_year, "first_year", fn);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_int(n_years, 1, 500, "n_years", fn);
    return rc;
}

static planomsorg_staffing *staffing_alloc(int K, int G, int first_year, int T)
{
    planomsorg_staffing *s = calloc(1, sizeof *s);
    if (s == NULL)
        return NULL;
    s->n_levels = K;
    s->n_groups = G;
    s->first_year = first_year;
    s->n_years = T;
    s->buf_len = staffing_doubles(K, G, T);
    s->buf = calloc(s->buf_len, sizeof *s->buf);
    s->workforce_set = calloc((size_t)G, 1);
    s->recruits_set = calloc((size_t)G, 1);
    s->names = calloc((size_t)G, sizeof *s->names);
    if (s->buf == NULL || s->workforce_set == NULL || s->recruits_set == NULL ||
        s->names == NULL) {
        planomsorg_staffing_free(s);
        return NULL;
    }
    staffing_layout(s);
    return s;
}

void planomsorg_staffing_free(planomsorg_staffing *staffing)
{
    if (staffing == NULL)
        return;
    free(staffing->buf);
    free(staffing->workforce_set);
    free(staffing->recruits_set);
    free(staffing->names);
    free(staffing);
}

int planomsorg_staffing_new(planomsorg_staffing **out, int n_levels, int n_groups,
                            int first_year, int n_years)
{
    PL_CHECK_NULL(out);
    int rc = check_dims(n_levels, n_groups, first_year, n_years, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    planomsorg_staffing *s = staffing_alloc(n_levels, n_groups, first_year, n_years);
    if (s == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    for (int k = 0; k < n_levels; k++)
        s->mix[(size_t)k * (size_t)n_groups] = 1.0;
    for (int t = 0; t < n_years; t++) {
        s->standard[t] = 1.0;
        s->productivity[t] = 1.0;
        for (int g = 0; g < n_groups; g++)
            s->share[(size_t)t * (size_t)n_groups + (size_t)g] = 1.0;
    }
    s->exit[N_AGES - 1] = 1.0;
    for (int g = 0; g < n_groups; g++)
        snprintf(s->names[g], NAME_MAX_BYTES, "group%d", g);
    /* Recruits' ages default to 20-34, uniformly (an assumption, docs/methods/staffing.md). */
    for (int a = 20; a <= 34; a++)
        s->recruit_ages[a - AGE0] = 1.0 / 15.0;
    *out = s;
    return PLANOMSORG_OK;
}

int planomsorg_staffing_copy(planomsorg_staffing **out, const planomsorg_staffing *staffing)
{
    PL_CHECK_NULL(out);
    PL_CHECK_NULL(staffing);
    const planomsorg_staffing *s = staffing;
    planomsorg_staffing *c = staffing_alloc(s->n_levels, s->n_groups, s->first_year, s->n_years);
    if (c == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    memcpy(c->buf, s->buf, s->buf_len * sizeof *s->buf);
    memcpy(c->workforce_set, s->workforce_set, (size_t)s->n_groups);
    memcpy(c->recruits_set, s->recruits_set, (size_t)s->n_groups);
    memcpy(c->names, s->names, (size_t)s->n_groups * sizeof *s->names);
    *out = c;
    return PLANOMSORG_OK;
}

int planomsorg_staffing_n_levels(const planomsorg_staffing *s) { return s ? s->n_levels : 0; }
int planomsorg_staffing_n_groups(const planomsorg_staffing *s) { return s ? s->n_groups : 0; }
int planomsorg_staffing_first_year(const planomsorg_staffing *s) { return s ? s->first_year : 0; }
int planomsorg_staffing_n_years(const planomsorg_staffing *s) { return s ? s->n_years : 0; }

/* ---- defaults ------------------------------------------------------------------------ */

/* Net FTE per user-year of the default staircase; level 3 from hours (see below).
 * Calibration and sources: docs/methods/staffing.md, section "Default tables". */
static const double default_fte[PLANOMSORG_STAFF_DEFAULT_LEVELS] = {
    0.0,  /* 0 no services */
    0.01, /* 1 low-threshold: safety alarm, day centre (assumption) */
    0.06, /* 2 practical help (assumption: about 1.5 h/week of direct time) */
    0.0,  /* 3 home nursing: set from KOSTRA hours in staffing_defaults() */
    0.35, /* 4 omsorgsbolig without 24-hour staff (assumption) */
    1.25, /* 5 housing with 24-hour staff (assumption, calibrated) */
    1.25, /* 6 short-term institution stay (assumption, calibrated) */
    1.05, /* 7 long-term institution stay (assumption, calibrated) */
};

static const double default_mix[PLANOMSORG_STAFF_DEFAULT_LEVELS][PLANOMSORG_N_DEFAULT_GROUPS] = {
    {0.00, 0.00, 0.00, 1.00}, /* 0: no staff; a valid row is still needed */
    {0.10, 0.30, 0.40, 0.20},
    {0.05, 0.35, 0.50, 0.10},
    {0.30, 0.42, 0.23, 0.05},
    {0.20, 0.40, 0.35, 0.05},
    {0.12, 0.35, 0.33, 0.20},
    {0.35, 0.42, 0.18, 0.05},
    {0.25, 0.45, 0.25, 0.05},
};

/* Helsedirektoratet, quality indicator "Sykefravær i de kommunale helse- og
 * omsorgstjenestene": total absence 11.7 % in 2017 among staff working with users. */
#define DEFAULT_ABSENCE 0.117
/* KS PAI register: nurses' mean position size 82.2 % (2016); the others are assumptions. */
static const double default_share[PLANOMSORG_N_DEFAULT_GROUPS] = {0.82, 0.70, 0.55, 0.80};
/* Yearly attrition (leaving for other reasons), assumptions. */
static const double default_attrition[PLANOMSORG_N_DEFAULT_GROUPS] = {0.03, 0.04, 0.10, 0.04};

/* Hours one FTE works in a year (37.5 h x about 45.2 weeks after holidays): an assumption. */
#define DEFAULT_HOURS_PER_FTE 1695.0
/* Share of home-nursing staff time that is assigned time with the user: an assumption. */
#define DEFAULT_DIRECT_SHARE 0.45
/* National mean assigned hours per week per home-nursing recipient, KOSTRA 2024
 * (SSB table 12292, weighted by home-service users; embedded data). */
#define DEFAULT_HOME_NURSING_HOURS 4.88

static double home_nursing_fte(double hours_per_week)
{
    return hours_per_week * 52.0 / DEFAULT_HOURS_PER_FTE / DEFAULT_DIRECT_SHARE;
}

/* A workforce of `persons` spread over the default age profile of today's workforce
 * (assumption): weight 1 at 25-59, rising linearly over 20-24, falling linearly over
 * 60-69, zero outside 20-69. */
static void default_workforce(double row[N_AGES], double persons)
{
    double sum = 0;
    for (int i = 0; i < N_AGES; i++) {
        int a = AGE0 + i;
        double w = 0;
        if (a >= 20 && a < 25)
            w = (a - 19) / 6.0;
        else if (a >= 25 && a < 60)
            w = 1.0;
        else if (a >= 60 && a < 70)
            w = (70 - a) / 11.0;
        row[i] = w;
        sum += w;
    }
    for (int i = 0; i < N_AGES; i++)
        row[i] = persons * (row[i] / sum);
}

/* Exit (retirement) probability by age (assumption, docs/methods/staffing.md): AFP from 62,
 * the usual retirement age 67 in municipal pension schemes, everybody out at 74. */
static double default_exit(int age)
{
    if (age < 62)
        return 0.0;
    if (age < 65)
        return 0.10;
    if (age < 67)
        return 0.20;
    if (age < PLANOMSORG_STAFF_MAX_AGE)
        return 0.50;
    return 1.0;
}

int planomsorg_staffing_new_default(planomsorg_staffing **out, int first_year, int n_years)
{
    PL_CHECK_NULL(out);
    planomsorg_staffing *s = NULL;
    int rc = planomsorg_staffing_new(&s, PLANOMSORG_STAFF_DEFAULT_LEVELS,
                                     PLANOMSORG_N_DEFAULT_GROUPS, first_year, n_years);
    if (rc != PLANOMSORG_OK)
        return rc;
    const int G = PLANOMSORG_N_DEFAULT_GROUPS;
    for (int k = 0; k < PLANOMSORG_STAFF_DEFAULT_LEVELS; k++) {
        s->fte[k] = default_fte[k];
        for (int g = 0; g < G; g++)
            s->mix[k * G + g] = default_mix[k][g];
    }
    s->fte[3] = home_nursing_fte(DEFAULT_HOME_NURSING_HOURS);
    for (int g = 0; g < G; g++) {
        snprintf(s->names[g], NAME_MAX_BYTES, "%s", group_names[g]);
        s->absence[g] = DEFAULT_ABSENCE;
        s->attrition[g] = default_attrition[g];
        for (int t = 0; t < n_years; t++)
            s->share[(size_t)t * (size_t)G + (size_t)g] = default_share[g];
    }
    for (int i = 0; i < N_AGES; i++)
        s->exit[i] = default_exit(AGE0 + i);
    *out = s;
    return PLANOMSORG_OK;
}

int planomsorg_staffing_use_kostra(planomsorg_staffing *staffing, const char *region, int year)
{
    PL_CHECK_NULL(staffing);
    if (staffing->n_levels < 4)
        return pl_error(PLANOMSORG_EDIMENSION, "%s: the handle has %d levels; level 3 (home "
                        "nursing) is needed", __func__, staffing->n_levels);
    double hours = NAN, nurse_fte = NAN;
    int rc = planomsorg_data_kostra(&hours, region, year, PLANOMSORG_KOSTRA_HOME_NURSING_HOURS);
    if (rc != PLANOMSORG_OK && rc != PLANOMSORG_EMISSING)
        return rc;
    rc = planomsorg_data_kostra(&nurse_fte, region, year, PLANOMSORG_KOSTRA_NURSE_FTE);
    if (rc != PLANOMSORG_OK && rc != PLANOMSORG_EMISSING)
        return rc;
    if (isfinite(hours) && hours >= 0)
        staffing->fte[3] = home_nursing_fte(hours);
    if (isfinite(nurse_fte) && nurse_fte >= 0) {
        default_workforce(staffing->workforce + (size_t)PLANOMSORG_GROUP_NURSE * N_AGES,
                          nurse_fte / staffing->share[PLANOMSORG_GROUP_NURSE]);
        staffing->workforce_set[PLANOMSORG_GROUP_NURSE] = 1;
    }
    return PLANOMSORG_OK;
}

/* ---- checks ------------------------------------------------------------------------- */

static int check_level(const planomsorg_staffing *s, int level, const char *fn)
{
    return pl_check_index(level, s->n_levels, "level", fn);
}

static int check_group(const planomsorg_staffing *s, int group, const char *fn)
{
    return pl_check_index(group, s->n_groups, "group", fn);
}

static int check_sums_to_one(const double *v, size_t n, const char *what, const char *fn)
{
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += v[i];
    if (fabs(sum - 1.0) > PLANOMSORG_STAFF_SUM_TOLERANCE)
        return pl_error(PLANOMSORG_EVALUE, "%s: %s sums to %.9g, not 1", fn, what, sum);
    return PLANOMSORG_OK;
}

/* ---- names -------------------------------------------------------------------------- */

int planomsorg_staffing_set_group_name(planomsorg_staffing *staffing, int group,
                                       const char *name)
{
    PL_CHECK_NULL(staffing);
    PL_CHECK_NULL(name);
    int rc = check_group(staffing, group, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    size_t len = strlen(name);
    if (len == 0 || len >= NAME_MAX_BYTES)
        return pl_error(PLANOMSORG_EVALUE, "%s: a group name must have 1..%d bytes, '%.80s' "
                        "has %zu", __func__, NAME_MAX_BYTES - 1, name, len);
    memcpy(staffing->names[group], name, len + 1);
    return PLANOMSORG_OK;
}

const char *planomsorg_staffing_group_name(const planomsorg_staffing *staffing, int group)
{
    if (staffing == NULL || group < 0 || group >= staffing->n_groups)
        return NULL;
    return staffing->names[group];
}

int planomsorg_staffing_find_group(int *group, const planomsorg_staffing *staffing,
                                   const char *name)
{
    PL_CHECK_NULL(group);
    PL_CHECK_NULL(staffing);
    PL_CHECK_NULL(name);
    for (int g = 0; g < staffing->n_groups; g++)
        if (strcmp(staffing->names[g], name) == 0) {
            *group = g;
            return PLANOMSORG_OK;
        }
    return pl_error(PLANOMSORG_ENOTFOUND, "%s: no competence group is named '%.80s'", __func__,
                    name);
}

/* ---- per-level tables --------------------------------------------------------------- */

int planomsorg_staffing_set_fte_per_user(planomsorg_staffing *staffing, int level, double fte)
{
    PL_CHECK_NULL(staffing);
    int rc = check_level(staffing, level, __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_value(fte, 0, 0, HUGE_VAL, 1, "FTE per user", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    staffing->fte[level] = fte;
    return PLANOMSORG_OK;
}

int planomsorg_staffing_set_hours_per_user(planomsorg_staffing *staffing, int level,
                                           double hours_per_week, double weeks,
                                           double hours_per_fte)
{
    PL_CHECK_NULL(staffing);
    int rc = check_level(staffing, level, __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_value(hours_per_week, 0, 0, 168, 0, "hours per week", __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_value(weeks, 0, 1, 53, 0, "weeks", __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_value(hours_per_fte, 0, 1, 8784, 0, "hours per FTE", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    staffing->fte[level] = hours_per_week * weeks / hours_per_fte;
    return PLANOMSORG_OK;
}

int planomsorg_staffing_fte_per_user(double *fte, const planomsorg_staffing *staffing,
                                     int level)
{
    PL_CHECK_NULL(fte);
    PL_CHECK_NULL(staffing);
    int rc = check_level(staffing, level, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    *fte = staffing->fte[level];
    return PLANOMSORG_OK;
}

static int check_mix_row(const double *shares, size_t n, int level, const char *fn)
{
    char what[48];
    snprintf(what, sizeof what, "mix row of level %d", level);
    int rc = pl_check_values(shares, n, 0, 0, 1, 0, what, fn);
    if (rc == PLANOMSORG_OK)
        rc = check_sums_to_one(shares, n, what, fn);
    return rc;
}

int planomsorg_staffing_set_mix(planomsorg_staffing *staffing, int level, const double *shares,
                                size_t n)
{
    PL_CHECK_NULL(staffing);
    PL_CHECK_NULL(shares);
    int rc = check_level(staffing, level, __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_count(n, (size_t)staffing->n_groups, "the mix row", __func__);
    if (rc == PLANOMSORG_OK)
        rc = check_mix_row(shares, n, level, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    memcpy(staffing->mix + (size_t)level * n, shares, n * sizeof *shares);
    return PLANOMSORG_OK;
}

int planomsorg_staffing_mix(double *share, const planomsorg_staffing *staffing, int level,
                            int group)
{
    PL_CHECK_NULL(share);
    PL_CHECK_NULL(staffing);
    int rc = check_level(staffing, level, __func__);
    if (rc == PLANOMSORG_OK)
        rc = check_group(staffing, group, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    *share = staffing->mix[(size_t)level * (size_t)staffing->n_groups + (size_t)group];
    return PLANOMSORG_OK;
}

int planomsorg_staffing_import_tables(planomsorg_staffing *staffing, const double *fte_per_user,
                                      size_t n_fte, const double *mix, size_t n_mix)
{
    PL_CHECK_NULL(staffing);
    PL_CHECK_NULL(fte_per_user);
    PL_CHECK_NULL(mix);
    size_t K = (size_t)staffing->n_levels, G = (size_t)staffing->n_groups;
    int rc = pl_check_count(n_fte, K, "fte_per_user", __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_count(n_mix, K * G, "mix", __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_values(fte_per_user, K, 0, 0, HUGE_VAL, 1, "fte_per_user", __func__);
    for (size_t k = 0; k < K && rc == PLANOMSORG_OK; k++)
        rc = check_mix_row(mix + k * G, G, (int)k, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    memcpy(staffing->fte, fte_per_user, K * sizeof *fte_per_user);
    memcpy(staffing->mix, mix, K * G * sizeof *mix);
    return PLANOMSORG_OK;
}

int planomsorg_staffing_export_tables(const planomsorg_staffing *staffing, double *fte_per_user,
                                      size_t n_fte, double *mix, size_t n_mix)
{
    PL_CHECK_NULL(staffing);
    PL_CHECK_NULL(fte_per_user);
    PL_CHECK_NULL(mix);
    size_t K = (size_t)staffing->n_levels, G = (size_t)staffing->n_groups;
    int rc = pl_check_count(n_fte, K, "fte_per_user", __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_count(n_mix, K * G, "mix", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    memcpy(fte_per_user, staffing->fte, K * sizeof *fte_per_user);
    memcpy(mix, staffing->mix, K * G * sizeof *mix);
    return PLANOMSORG_OK;
}

/* ---- paths -------------------------------------------------------------------------- */

static int set_path(planomsorg_staffing *s, double *dst, const double *factor, size_t n,
                    const char *what, const char *fn)
{
    int rc = pl_check_count(n, (size_t)s->n_years, what, fn);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_values(factor, n, 0, 1, HUGE_VAL, 1, what, fn);
    if (rc != PLANOMSORG_OK)
        return rc;
    memcpy(dst, factor, n * sizeof *factor);
    return PLANOMSORG_OK;
}

int planomsorg_staffing_set_standard_path(planomsorg_staffing *staffing, const double *factor,
                                          size_t n)
{
    PL_CHECK_NULL(staffing);
    PL_CHECK_NULL(factor);
    return set_path(staffing, staffing->standard, factor, n, "standard factor", __func__);
}

int planomsorg_staffing_set_productivity_path(planomsorg_staffing *staffing,
                                              const double *factor, size_t n)
{
    PL_CHECK_NULL(staffing);
    PL_CHECK_NULL(factor);
    return set_path(staffing, staffing->productivity, factor, n, "productivity factor",
                    __func__);
}

/* dst[t] = (1 + rate)^t; dst is left unchanged when a factor overflows. */
static int set_growth(planomsorg_staffing *s, double *dst, double rate, const char *fn)
{
    int rc = pl_check_value(rate, -1, 1, HUGE_VAL, 1, "growth rate", fn);
    if (rc != PLANOMSORG_OK)
        return rc;
    for (int t = 0; t < s->n_years; t++) {
        double f = pow(1.0 + rate, t);
        if (!isfinite(f) || f <= 0)
            return pl_error(PLANOMSORG_EVALUE, "%s: growth rate %g overflows by year %d", fn,
                            rate, s->first_year + t);
    }
    for (int t = 0; t < s->n_years; t++)
        dst[t] = pow(1.0 + rate, t);
    return PLANOMSORG_OK;
}

int planomsorg_staffing_set_standard_growth(planomsorg_staffing *staffing, double rate)
{
    PL_CHECK_NULL(staffing);
    return set_growth(staffing, staffing->standard, rate, __func__);
}

int planomsorg_staffing_set_productivity_growth(planomsorg_staffing *staffing, double rate)
{
    PL_CHECK_NULL(staffing);
    return set_growth(staffing, staffing->productivity, rate, __func__);
}

int planomsorg_staffing_factors(double *standard, double *productivity,
                                const planomsorg_staffing *staffing, int year)
{
    PL_CHECK_NULL(staffing);
    int rc = pl_check_year_in(year, staffing->first_year, staffing->n_years, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    int t = year - staffing->first_year;
    if (standard != NULL)
        *standard = staffing->standard[t];
    if (productivity != NULL)
        *productivity = staffing->productivity[t];
    return PLANOMSORG_OK;
}

/* ---- per-group rates ---------------------------------------------------------------- */

/* rates[group] = rate for a known group and a rate in [0, hi] ([0, hi) when hi_open). */
static int set_group_rate(const planomsorg_staffing *s, double *rates, int group, double rate,
                          double hi, int hi_open, const char *what, const char *fn)
{
    int rc = check_group(s, group, fn);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_value(rate, 0, 0, hi, hi_open, what, fn);
    if (rc == PLANOMSORG_OK)
        rates[group] = rate;
    return rc;
}

int planomsorg_staffing_set_absence(planomsorg_staffing *staffing, int group, double rate)
{
    PL_CHECK_NULL(staffing);
    return set_group_rate(staffing, staffing->absence, group, rate, 0.9, 1, "absence rate",
                          __func__);
}

int planomsorg_staffing_set_position_share(planomsorg_staffing *staffing, int group,
                                           double share)
{
    PL_CHECK_NULL(staffing);
    int rc = check_group(staffing, group, __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_value(share, 0, 1, 1, 0, "position share", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    size_t G = (size_t)staffing->n_groups;
    for (size_t t = 0; t < (size_t)staffing->n_years; t++)
        staffing->share[t * G + (size_t)group] = share;
    return PLANOMSORG_OK;
}

int planomsorg_staffing_set_position_share_path(planomsorg_staffing *staffing, int group,
                                                const double *share, size_t n)
{
    PL_CHECK_NULL(staffing);
    PL_CHECK_NULL(share);
    int rc = check_group(staffing, group, __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_count(n, (size_t)staffing->n_years, "the position share path", __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_values(share, n, 0, 1, 1, 0, "position share", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    size_t G = (size_t)staffing->n_groups;
    for (size_t t = 0; t < n; t++)
        staffing->share[t * G + (size_t)group] = share[t];
    return PLANOMSORG_OK;
}

int planomsorg_staffing_set_fulltime_lever(planomsorg_staffing *staffing, double increase,
                                           double cap)
{
    PL_CHECK_NULL(staffing);
    int rc = pl_check_value(increase, 0, 0, 1, 0, "yearly increase", __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_value(cap, 0, 1, 1, 0, "cap", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    size_t G = (size_t)staffing->n_groups;
    for (size_t g = 0; g < G; g++) {
        double p0 = staffing->share[g];
        double top = p0 > cap ? p0 : cap;
        for (size_t t = 1; t < (size_t)staffing->n_years; t++) {
            double p = p0 + increase * (double)t;
            staffing->share[t * G + g] = p < top ? p : top;
        }
    }
    return PLANOMSORG_OK;
}

int planomsorg_staffing_group_rates(double *absence, double *share,
                                    const planomsorg_staffing *staffing, int group, int year)
{
    PL_CHECK_NULL(staffing);
    int rc = check_group(staffing, group, __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_year_in(year, staffing->first_year, staffing->n_years, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (absence != NULL)
        *absence = staffing->absence[group];
    if (share != NULL)
        *share = staffing->share[(size_t)(year - staffing->first_year) *
                                 (size_t)staffing->n_groups + (size_t)group];
    return PLANOMSORG_OK;
}

/* ---- supply assumptions ------------------------------------------------------------- */

int planomsorg_staffing_set_workforce(planomsorg_staffing *staffing, int group,
                                      const double *persons, size_t n)
{
    PL_CHECK_NULL(staffing);
    PL_CHECK_NULL(persons);
    int rc = check_group(staffing, group, __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_count(n, N_AGES, "the workforce by age", __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_values(persons, n, 0, 0, HUGE_VAL, 1, "workforce", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    memcpy(staffing->workforce + (size_t)group * N_AGES, persons, n * sizeof *persons);
    staffing->workforce_set[group] = 1;
    return PLANOMSORG_OK;
}

int planomsorg_staffing_set_workforce_total(planomsorg_staffing *staffing, int group,
                                            double persons)
{
    PL_CHECK_NULL(staffing);
    int rc = check_group(staffing, group, __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_value(persons, 0, 0, HUGE_VAL, 1, "workforce", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    default_workforce(staffing->workforce + (size_t)group * N_AGES, persons);
    staffing->workforce_set[group] = 1;
    return PLANOMSORG_OK;
}

int planomsorg_staffing_set_workforce_bands(planomsorg_staffing *staffing, int group,
                                            const double *persons, const int *age_lo,
                                            const int *age_hi, size_t n_bands)
{
    PL_CHECK_NULL(staffing);
    PL_CHECK_NULL(persons);
    PL_CHECK_NULL(age_lo);
    PL_CHECK_NULL(age_hi);
    int rc = check_group(staffing, group, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (n_bands < 1 || n_bands > N_AGES)
        return pl_error(PLANOMSORG_EINVAL, "%s: n_bands = %zu is outside 1..%d", __func__,
                        n_bands, N_AGES);
    rc = pl_check_values(persons, n_bands, 0, 0, HUGE_VAL, 1, "workforce", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    double wf[N_AGES] = {0};
    unsigned char used[N_AGES] = {0};
    for (size_t b = 0; b < n_bands; b++) {
        int lo = age_lo[b], hi = age_hi[b];
        if (lo < AGE0 || hi > PLANOMSORG_STAFF_MAX_AGE || hi < lo)
            return pl_error(PLANOMSORG_ERANGE, "%s: band %zu (ages %d-%d) is not within %d-%d",
                            __func__, b, lo, hi, AGE0, PLANOMSORG_STAFF_MAX_AGE);
        for (int a = lo; a <= hi; a++) {
            if (used[a - AGE0])
                return pl_error(PLANOMSORG_ERANGE, "%s: band %zu (ages %d-%d) overlaps an "
                                "earlier band at age %d", __func__, b, lo, hi, a);
            used[a - AGE0] = 1;
            wf[a - AGE0] = persons[b] / (hi - lo + 1);
        }
    }
    memcpy(staffing->workforce + (size_t)group * N_AGES, wf, sizeof wf);
    staffing->workforce_set[group] = 1;
    return PLANOMSORG_OK;
}

int planomsorg_staffing_set_exit_rates(planomsorg_staffing *staffing, const double *rate,
                                       size_t n)
{
    PL_CHECK_NULL(staffing);
    PL_CHECK_NULL(rate);
    int rc = pl_check_count(n, N_AGES, "the exit rates by age", __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_values(rate, n, 0, 0, 1, 0, "exit rate", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    memcpy(staffing->exit, rate, n * sizeof *rate);
    staffing->exit[N_AGES - 1] = 1.0;
    return PLANOMSORG_OK;
}

int planomsorg_staffing_set_attrition(planomsorg_staffing *staffing, int group, double rate)
{
    PL_CHECK_NULL(staffing);
    return set_group_rate(staffing, staffing->attrition, group, rate, 1, 0, "attrition rate",
                          __func__);
}

int planomsorg_staffing_set_recruitment(planomsorg_staffing *staffing, int group,
                                        const double *persons, size_t n)
{
    PL_CHECK_NULL(staffing);
    PL_CHECK_NULL(persons);
    int rc = check_group(staffing, group, __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_count(n, (size_t)staffing->n_years, "the recruitment path", __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_values(persons, n, 0, 0, HUGE_VAL, 1, "recruits", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    memcpy(staffing->recruits + (size_t)group * n, persons, n * sizeof *persons);
    staffing->recruits_set[group] = 1;
    return PLANOMSORG_OK;
}

int planomsorg_staffing_set_recruit_ages(planomsorg_staffing *staffing, const double *profile,
                                         size_t n)
{
    PL_CHECK_NULL(staffing);
    PL_CHECK_NULL(profile);
    int rc = pl_check_count(n, N_AGES, "the recruits' age profile", __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_values(profile, n, 0, 0, 1, 0, "recruit age share", __func__);
    if (rc == PLANOMSORG_OK)
        rc = check_sums_to_one(profile, n, "the recruits' age profile", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    memcpy(staffing->recruit_ages, profile, n * sizeof *profile);
    return PLANOMSORG_OK;
}

/* ---- computation -------------------------------------------------------------------- */

void planomsorg_staffing_result_free(planomsorg_staffing_result *result)
{
    if (result == NULL)
        return;
    free(result->buf);
    free(result);
}

static planomsorg_staffing_result *result_alloc(const planomsorg_staffing *s)
{
    planomsorg_staffing_result *r = calloc(1, sizeof *r);
    if (r == NULL)
        return NULL;
    size_t K = (size_t)s->n_levels, G = (size_t)s->n_groups, T = (size_t)s->n_years;
    r->buf = calloc(3 * T * K * G + 5 * T * G + T, sizeof *r->buf);
    if (r->buf == NULL) {
        free(r);
        return NULL;
    }
    r->n_levels = s->n_levels;
    r->n_groups = s->n_groups;
    r->first_year = s->first_year;
    r->n_years = s->n_years;
    double *p = r->buf;
    r->net = p;        p += T * K * G;
    r->gross = p;      p += T * K * G;
    r->persons = p;    p += T * K * G;
    r->supply = p;     p += T * G;
    r->supply_fte = p; p += T * G;
    r->exits = p;      p += T * G;
    r->attrition = p;  p += T * G;
    r->recr = p;       p += T * G;
    r->share = p;
    return r;
}

static void compute_demand(planomsorg_staffing_result *r, const planomsorg_staffing *s,
                           const double *users)
{
    size_t K = (size_t)s->n_levels, G = (size_t)s->n_groups;
    for (size_t t = 0; t < (size_t)s->n_years; t++)
        for (size_t k = 0; k < K; k++) {
            double d = users[t * K + k] * s->fte[k] * s->standard[t] / s->productivity[t];
            for (size_t g = 0; g < G; g++) {
                size_t i = (t * K + k) * G + g;
                r->net[i] = d * s->mix[k * G + g];
                r->gross[i] = r->net[i] / (1.0 - s->absence[g]);
                r->persons[i] = r->gross[i] / s->share[t * G + g];
            }
        }
}

/* One group's stock flows by single age over the years; flows of year t move the stock
 * of 1 January t to 1 January t + 1. */
static void compute_supply_group(planomsorg_staffing_result *r, const planomsorg_staffing *s,
                                 size_t g)
{
    size_t K = (size_t)s->n_levels, G = (size_t)s->n_groups, T = (size_t)s->n_years;
    double stock[N_AGES], next[N_AGES];
    if (s->workforce_set[g]) {
        memcpy(stock, s->workforce + g * N_AGES, sizeof stock);
    } else {
        double demand = 0;
        for (size_t k = 0; k < K; k++)
            demand += r->persons[k * G + g];
        default_workforce(stock, demand);
    }
    double replacement = 0;
    for (size_t t = 0; t < T; t++) {
        double total = 0, exits = 0, attr = 0;
        for (int i = 0; i < N_AGES; i++) {
            double e = stock[i] * s->exit[i];
            double a = (stock[i] - e) * s->attrition[g];
            total += stock[i];
            exits += e;
            attr += a;
            next[i] = stock[i] - e - a; /* stayers, not yet aged */
        }
        if (t == 0)
            replacement = exits + attr;
        double rec = s->recruits_set[g] ? s->recruits[g * T + t] : replacement;
        r->supply[t * G + g] = total;
        r->supply_fte[t * G + g] = total * s->share[t * G + g];
        r->exits[t * G + g] = exits;
        r->attrition[t * G + g] = attr;
        r->recr[t * G + g] = rec;
        stock[0] = rec * s->recruit_ages[0];
        for (int i = 1; i < N_AGES; i++)
            stock[i] = next[i - 1] + rec * s->recruit_ages[i];
        /* next[N_AGES - 1] is zero: everybody of the last age exits. */
    }
}

int planomsorg_staffing_compute(planomsorg_staffing_result **out,
                                const planomsorg_staffing *staffing, const double *users,
                                size_t n_users, const planomsorg_population *pop)
{
    PL_CHECK_NULL(out);
    PL_CHECK_NULL(staffing);
    PL_CHECK_NULL(users);
    const planomsorg_staffing *s = staffing;
    size_t K = (size_t)s->n_levels, G = (size_t)s->n_groups, T = (size_t)s->n_years;
    int rc = pl_check_count(n_users, T * K, "users [year][level]", __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_values(users, n_users, 0, 0, HUGE_VAL, 1, "users", __func__);
    if (rc == PLANOMSORG_OK && pop != NULL) {
        rc = pl_population_check_year(pop, s->first_year, __func__);
        if (rc == PLANOMSORG_OK)
            rc = pl_population_check_year(pop, s->first_year + s->n_years - 1, __func__);
        if (rc == PLANOMSORG_OK && pop->max_age < 66)
            rc = pl_error(PLANOMSORG_ERANGE, "%s: the population's open age band %d is below "
                          "66, so ages 20-66 are not held", __func__, pop->max_age);
    }
    if (rc != PLANOMSORG_OK)
        return rc;
    planomsorg_staffing_result *r = result_alloc(s);
    if (r == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    compute_demand(r, s, users);
    for (size_t g = 0; g < G; g++)
        compute_supply_group(r, s, g);
    if (pop != NULL) {
        r->has_share = 1;
        for (size_t t = 0; t < T; t++) {
            double p = 0, fte = 0;
            int y = s->first_year + (int)t - pop->first_year;
            for (int sex = 0; sex < PLANOMSORG_N_SEXES; sex++) {
                const double *row = pl_population_row(pop, y, sex);
                for (int a = 20; a <= 66; a++)
                    p += row[a];
            }
            for (size_t i = 0; i < K * G; i++)
                fte += r->gross[t * K * G + i];
            r->share[t] = p > 0 ? fte / p : NAN;
        }
    }
    *out = r;
    return PLANOMSORG_OK;
}

/* ---- result access ------------------------------------------------------------------ */

static int is_demand(int measure)
{
    return measure == PLANOMSORG_STAFF_FTE_NET || measure == PLANOMSORG_STAFF_FTE ||
           measure == PLANOMSORG_STAFF_PERSONS;
}

static const double *demand_array(const planomsorg_staffing_result *r, int measure)
{
    if (measure == PLANOMSORG_STAFF_FTE_NET)
        return r->net;
    if (measure == PLANOMSORG_STAFF_FTE)
        return r->gross;
    return r->persons;
}

/* Supply-side value of group g in year index t (gaps computed from demand). */
static double supply_value(const planomsorg_staffing_result *r, int measure, size_t t, size_t g)
{
    size_t K = (size_t)r->n_levels, G = (size_t)r->n_groups;
    double demand = 0;
    switch (measure) {
    case PLANOMSORG_STAFF_SUPPLY_PERSONS: return r->supply[t * G + g];
    case PLANOMSORG_STAFF_SUPPLY_FTE: return r->supply_fte[t * G + g];
    case PLANOMSORG_STAFF_EXITS: return r->exits[t * G + g];
    case PLANOMSORG_STAFF_ATTRITION: return r->attrition[t * G + g];
    case PLANOMSORG_STAFF_RECRUITS: return r->recr[t * G + g];
    case PLANOMSORG_STAFF_GAP_FTE:
        for (size_t k = 0; k < K; k++)
            demand += r->gross[(t * K + k) * G + g];
        return r->supply_fte[t * G + g] - demand;
    default: /* PLANOMSORG_STAFF_GAP_PERSONS */
        for (size_t k = 0; k < K; k++)
            demand += r->persons[(t * K + k) * G + g];
        return r->supply[t * G + g] - demand;
    }
}

static int no_share(const char *fn)
{
    return pl_error(PLANOMSORG_ESTATE, "%s: share_20_66 needs a population; the result was "
                    "computed without one", fn);
}

int planomsorg_staffing_result_get(double *value, const planomsorg_staffing_result *result,
                                   int measure, int year, int level, int group)
{
    PL_CHECK_NULL(value);
    PL_CHECK_NULL(result);
    const planomsorg_staffing_result *r = result;
    int rc = pl_check_code(measure, PLANOMSORG_STAFF_N_MEASURES, "measure", __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    rc = pl_check_year_in(year, r->first_year, r->n_years, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    size_t t = (size_t)(year - r->first_year);
    if (measure == PLANOMSORG_STAFF_SHARE_20_66) {
        if (!r->has_share)
            return no_share(__func__);
        *value = r->share[t];
        return PLANOMSORG_OK;
    }
    if (level != PLANOMSORG_STAFF_ALL && (level < 0 || level >= r->n_levels))
        return pl_error(PLANOMSORG_ERANGE, "%s: level %d is unknown (levels 0..%d or "
                        "PLANOMSORG_STAFF_ALL)", __func__, level, r->n_levels - 1);
    if (group != PLANOMSORG_STAFF_ALL && (group < 0 || group >= r->n_groups))
        return pl_error(PLANOMSORG_ERANGE, "%s: group %d is unknown (groups 0..%d or "
                        "PLANOMSORG_STAFF_ALL)", __func__, group, r->n_groups - 1);
    if (!is_demand(measure) && level != PLANOMSORG_STAFF_ALL)
        return pl_error(PLANOMSORG_EINVAL, "%s: measure %s exists per group only; pass "
                        "PLANOMSORG_STAFF_ALL as level, not %d", __func__,
                        measure_names[measure], level);
    size_t K = (size_t)r->n_levels, G = (size_t)r->n_groups;
    size_t k0 = level == PLANOMSORG_STAFF_ALL ? 0 : (size_t)level;
    size_t k1 = level == PLANOMSORG_STAFF_ALL ? K : k0 + 1;
    size_t g0 = group == PLANOMSORG_STAFF_ALL ? 0 : (size_t)group;
    size_t g1 = group == PLANOMSORG_STAFF_ALL ? G : g0 + 1;
    double sum = 0;
    if (is_demand(measure)) {
        const double *a = demand_array(r, measure);
        for (size_t k = k0; k < k1; k++)
            for (size_t g = g0; g < g1; g++)
                sum += a[(t * K + k) * G + g];
    } else {
        for (size_t g = g0; g < g1; g++)
            sum += supply_value(r, measure, t, g);
    }
    *value = sum;
    return PLANOMSORG_OK;
}

size_t planomsorg_staffing_result_size(const planomsorg_staffing_result *result, int measure)
{
    if (result == NULL || measure < 0 || measure >= PLANOMSORG_STAFF_N_MEASURES)
        return 0;
    size_t T = (size_t)result->n_years, K = (size_t)result->n_levels,
           G = (size_t)result->n_groups;
    if (is_demand(measure))
        return T * K * G;
    if (measure == PLANOMSORG_STAFF_SHARE_20_66)
        return T;
    return T * G;
}

int planomsorg_staffing_result_export(const planomsorg_staffing_result *result, int measure,
                                      double *out, size_t n)
{
    PL_CHECK_NULL(result);
    PL_CHECK_NULL(out);
    int rc = pl_check_code(measure, PLANOMSORG_STAFF_N_MEASURES, "measure", __func__);
    if (rc == PLANOMSORG_OK)
        rc = pl_check_count(n, planomsorg_staffing_result_size(result, measure), "the output",
                     __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    const planomsorg_staffing_result *r = result;
    if (is_demand(measure)) {
        memcpy(out, demand_array(r, measure), n * sizeof *out);
    } else if (measure == PLANOMSORG_STAFF_SHARE_20_66) {
        if (!r->has_share)
            return no_share(__func__);
        memcpy(out, r->share, n * sizeof *out);
    } else {
        size_t G = (size_t)r->n_groups;
        for (size_t t = 0; t < (size_t)r->n_years; t++)
            for (size_t g = 0; g < G; g++)
                out[t * G + g] = supply_value(r, measure, t, g);
    }
    return PLANOMSORG_OK;
}
