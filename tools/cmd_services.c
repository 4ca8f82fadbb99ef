/* planomsorg services: users by level of the default care staircase per year for Norway
 * or a municipality, in rates mode (constant standard) or Markov mode, with capacity
 * plans, healthier ageing, 24-hour coverage among persons 80+, the places needed to hold
 * today's coverage, and queues where capacity binds. Method: docs/methods/staircase.md. */
#include "cli.h"
#include "commands.h"

#include <planomsorg.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char services_usage[] =
    "usage: planomsorg services [--municipality CODE] [--to YEAR] [--mode rates|markov]\n"
    "                           [--transitions FILE] [--capacity FILE] [--theta X]\n"
    "                           [--format table|csv|json]\n"
    "\n"
    "Projected users of each level of the default care staircase (0 none, 1 low-threshold,\n"
    "2 practical help, 3 home nursing, 4 sheltered housing, 5 24-hour housing, 6 short-term\n"
    "and 7 long-term institution stays) from the latest population year to YEAR.\n"
    "\n"
    "Population: the embedded population of the latest year (SSB 07459), projected with\n"
    "the default demography (main alternative, data up to the year before). Use rates: the\n"
    "latest KOSTRA/IPLOS counts of the region over its population on 1 January of that\n"
    "year, completed by the assumptions of docs/methods/staircase.md (levels 1, 4, 6).\n"
    "\n"
    "Options:\n"
    "  --municipality CODE  four-digit municipality number (2024 borders); default Norway\n"
    "  --to YEAR            last year (default 2040)\n"
    "  --mode MODE          rates (default: constant standard) or markov (needs --transitions;\n"
    "                       the first year's state comes from the rates)\n"
    "  --transitions FILE   CSV age_from,sex,from,to,probability[,year]; levels by name\n"
    "                       (none, low_threshold, practical_help, home_nursing, housing,\n"
    "                       housing_24h, short_term, long_term) or index; to = death_rel gives\n"
    "                       a level's relative mortality. Rows listed must sum to 1.\n"
    "  --capacity FILE      CSV year,level,places: places per level and year (consecutive\n"
    "                       years; later years keep the last value)\n"
    "  --theta X            healthier ageing, 0..1: the rate (or transition band) of age\n"
    "                       a - X * (gain in life expectancy at 65 since the first year)\n"
    "  --format FORMAT      table (default), csv or json: one row per year\n"
    "  --help               this text\n"
    "\n"
    "Columns: year; users of each level (by name); coverage_24h_80p = users of levels 5-7\n"
    "of all ages / persons 80+; places_24h_hold = places in levels 5-7 that keep the first\n"
    "year's coverage_24h_80p; queue_<level> for each capacity-limited level = persons held\n"
    "back because its places were full (they stay in the level below or where they were).\n"
    "\n"
    "Exit status: 0 success, 1 failure, 2 unknown municipality, missing data or bad input\n"
    "file, 64 bad usage.\n";

struct options {
    const char *municipality;
    long to;
    int mode;
    const char *transitions;
    const char *capacity;
    double theta;
    cli_format format;
};

static int parse_options(int argc, char **argv, struct options *o, int *done)
{
    *done = 0;
    for (int i = 1; i < argc; i++) {
        const char *v;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(services_usage, stdout);
            *done = 1;
            return CLI_EXIT_OK;
        }
        if ((v = cli_option_value("services", argc, argv, &i, "--municipality")) != NULL) {
            if (v == cli_missing_argument)
                return CLI_EXIT_USAGE;
            if (cli_parse_municipality("services", v, &o->municipality) != 0)
                return CLI_EXIT_USAGE;
        } else if ((v = cli_option_value("services", argc, argv, &i, "--to")) != NULL) {
            if (v == cli_missing_argument || cli_parse_int("--to", v, 1800, 2300, &o->to) != 0)
                return CLI_EXIT_USAGE;
        } else if ((v = cli_option_value("services", argc, argv, &i, "--mode")) != NULL) {
            if (v == cli_missing_argument)
                return CLI_EXIT_USAGE;
            if (strcmp(v, "rates") == 0) {
                o->mode = PLANOMSORG_MODE_RATES;
            } else if (strcmp(v, "markov") == 0) {
                o->mode = PLANOMSORG_MODE_MARKOV;
            } else {
                fprintf(stderr, "planomsorg: services: --mode: '%s' is not rates or markov\n", v);
                return CLI_EXIT_USAGE;
            }
        } else if ((v = cli_option_value("services", argc, argv, &i, "--transitions")) != NULL) {
            if (v == cli_missing_argument)
                return CLI_EXIT_USAGE;
            o->transitions = v;
        } else if ((v = cli_option_value("services", argc, argv, &i, "--capacity")) != NULL) {
            if (v == cli_missing_argument)
                return CLI_EXIT_USAGE;
            o->capacity = v;
        } else if ((v = cli_option_value("services", argc, argv, &i, "--theta")) != NULL) {
            if (v == cli_missing_argument ||
                cli_parse_double("--theta", v, 0.0, 1.0, &o->theta) != 0)
                return CLI_EXIT_USAGE;
        } else if ((v = cli_option_value("services", argc, argv, &i, "--format")) != NULL) {
            if (v == cli_missing_argument || cli_parse_format(v, &o->format) != 0)
                return CLI_EXIT_USAGE;
        } else {
            fprintf(stderr, "planomsorg: services: unknown option or argument '%s' (see "
                            "planomsorg services --help)\n", argv[i]);
            return CLI_EXIT_USAGE;
        }
    }
    if (o->mode == PLANOMSORG_MODE_MARKOV && o->transitions == NULL) {
        fprintf(stderr, "planomsorg: services: --mode markov needs --transitions FILE\n");
        return CLI_EXIT_USAGE;
    }
    if (o->mode == PLANOMSORG_MODE_RATES && o->transitions != NULL) {
        fprintf(stderr, "planomsorg: services: --transitions is used only with --mode markov\n");
        return CLI_EXIT_USAGE;
    }
    return CLI_EXIT_OK;
}

/* Everything a run needs; freed by inputs_free(). */
struct inputs {
    planomsorg_population *pop;     /* projected, base..to */
    planomsorg_demography *demo;
    planomsorg_staircase *sc;
    planomsorg_services *svc;
    int base, to, kostra_year;
    int file_error; /* the failure came from reading --capacity or --transitions */
};

static void inputs_free(struct inputs *in)
{
    planomsorg_population_free(in->pop);
    planomsorg_demography_free(in->demo);
    planomsorg_staircase_free(in->sc);
    planomsorg_services_free(in->svc);
}

/* The population projection: one call to the demography module from the latest embedded
 * population, with the default demography as of the year before. */
static int project_population(struct inputs *in, const char *region)
{
    planomsorg_population *base = NULL;
    int rc = planomsorg_data_population(&base, region);
    if (rc != PLANOMSORG_OK)
        return rc;
    in->base = planomsorg_population_first_year(base) + planomsorg_population_n_years(base) - 1;
    rc = planomsorg_demography_default(&in->demo, region, in->base - 1, PLANOMSORG_ALTERNATIVE_MAIN);
    if (rc == PLANOMSORG_OK)
        rc = planomsorg_population_project(&in->pop, NULL, base, in->base, in->to, in->demo);
    planomsorg_population_free(base);
    return rc;
}

/* The latest KOSTRA year of the region whose default-staircase counts are complete. */
static int kostra_year(const char *region, int *year)
{
    double users[PLANOMSORG_N_DEFAULT_LEVELS * PLANOMSORG_N_KOSTRA_BANDS];
    int rc = PLANOMSORG_ENOTFOUND;
    for (int y = 2025; y >= 2024; y--) {
        rc = planomsorg_services_kostra_users(users, sizeof users / sizeof users[0], region, y);
        if (rc == PLANOMSORG_OK) {
            *year = y;
            return rc;
        }
    }
    return rc;
}

static int death_probabilities(struct inputs *in)
{
    int A = planomsorg_population_max_age(in->pop);
    int n_years = in->to - in->base;
    if (n_years < 1)
        return PLANOMSORG_OK;
    size_t n = (size_t)n_years * 2 * (size_t)(A + 1);
    double *q = malloc(n * sizeof *q);
    if (q == NULL)
        return PLANOMSORG_ENOMEM;
    int rc = PLANOMSORG_OK;
    for (int t = 0; t < n_years && rc == PLANOMSORG_OK; t++)
        for (int s = 0; s < 2 && rc == PLANOMSORG_OK; s++)
            for (int a = 0; a <= A && rc == PLANOMSORG_OK; a++)
                rc = planomsorg_demography_death_probability(
                    in->demo, in->base + t, s, a, &q[((size_t)t * 2 + (size_t)s) * (size_t)(A + 1) + (size_t)a]);
    if (rc == PLANOMSORG_OK)
        rc = planomsorg_services_set_death_probabilities(in->svc, q, n, in->base, n_years, A);
    free(q);
    return rc;
}

/* Gains in life expectancy at 65 since the base year, by year and sex. The demography
 * holds the years from the base year on; the last projected year repeats the one before. */
static int healthy_ageing(struct inputs *in, double theta)
{
    int n_years = in->to - in->base + 1;
    double *dle = malloc((size_t)n_years * 2 * sizeof *dle);
    if (dle == NULL)
        return PLANOMSORG_ENOMEM;
    int rc = PLANOMSORG_OK;
    int last_held = planomsorg_demography_first_year(in->demo) +
                    planomsorg_demography_n_years(in->demo) - 1;
    double e_base[2];
    for (int s = 0; s < 2 && rc == PLANOMSORG_OK; s++)
        rc = planomsorg_demography_life_expectancy(in->demo, in->base, s, 65, &e_base[s]);
    for (int t = 0; t < n_years && rc == PLANOMSORG_OK; t++)
        for (int s = 0; s < 2 && rc == PLANOMSORG_OK; s++) {
            int y = in->base + t <= last_held ? in->base + t : last_held;
            double e;
            rc = planomsorg_demography_life_expectancy(in->demo, y, s, 65, &e);
            dle[2 * t + s] = e - e_base[s];
        }
    if (rc == PLANOMSORG_OK)
        rc = planomsorg_services_set_healthy_ageing(in->svc, theta, dle, in->base, n_years);
    free(dle);
    return rc;
}

static int prepare(struct inputs *in, const struct options *o)
{
    int rc = project_population(in, o->municipality);
    if (rc != PLANOMSORG_OK)
        return rc;
    if ((rc = planomsorg_staircase_new_default(&in->sc)) != PLANOMSORG_OK ||
        (rc = planomsorg_services_new(&in->svc, in->sc)) != PLANOMSORG_OK ||
        (rc = kostra_year(o->municipality, &in->kostra_year)) != PLANOMSORG_OK ||
        (rc = planomsorg_services_set_rates_kostra(in->svc, o->municipality, in->kostra_year)) !=
            PLANOMSORG_OK ||
        (rc = planomsorg_services_set_mode(in->svc, o->mode)) != PLANOMSORG_OK)
        return rc;
    if (o->capacity != NULL &&
        (rc = planomsorg_services_read_capacity_csv(in->svc, o->capacity)) != PLANOMSORG_OK) {
        in->file_error = 1;
        return rc;
    }
    if (o->theta > 0 && (rc = healthy_ageing(in, o->theta)) != PLANOMSORG_OK)
        return rc;
    if (o->mode == PLANOMSORG_MODE_MARKOV) {
        planomsorg_transitions *tr = NULL;
        rc = planomsorg_transitions_read_csv(&tr, o->transitions, in->sc);
        in->file_error = rc != PLANOMSORG_OK;
        if (rc == PLANOMSORG_OK)
            rc = planomsorg_services_set_transitions(in->svc, tr);
        planomsorg_transitions_free(tr);
        if (rc == PLANOMSORG_OK)
            rc = death_probabilities(in);
    }
    return rc;
}

static int write_result(const planomsorg_result *r, const struct inputs *in,
                        const struct options *o)
{
    const planomsorg_staircase *sc = planomsorg_result_staircase(r);
    int K = planomsorg_staircase_n_levels(sc);
    int capped[PLANOMSORG_MAX_LEVELS], h24[PLANOMSORG_MAX_LEVELS];
    size_t n_capped = 0, n_h24 = 0;
    int rc = planomsorg_staircase_levels_with_flags(capped, &n_capped, PLANOMSORG_MAX_LEVELS, sc,
                                                    PLANOMSORG_LEVEL_FLAG_CAPACITY);
    if (rc == PLANOMSORG_OK)
        rc = planomsorg_staircase_levels_with_flags(h24, &n_h24, PLANOMSORG_MAX_LEVELS, sc,
                                                    PLANOMSORG_LEVEL_FLAG_24H);
    if (rc != PLANOMSORG_OK)
        return rc;
    const char *names[1 + PLANOMSORG_MAX_LEVELS + 2 + PLANOMSORG_MAX_LEVELS];
    static char queue_names[PLANOMSORG_MAX_LEVELS][PLANOMSORG_LEVEL_NAME_MAX + 8];
    int n_cols = 0;
    names[n_cols++] = "year";
    for (int k = 0; k < K; k++)
        names[n_cols++] = planomsorg_staircase_level_name(sc, k);
    names[n_cols++] = "coverage_24h_80p";
    names[n_cols++] = "places_24h_hold";
    for (size_t i = 0; i < n_capped; i++) {
        snprintf(queue_names[i], sizeof queue_names[i], "queue_%s",
                 planomsorg_staircase_level_name(sc, capped[i]));
        names[n_cols++] = queue_names[i];
    }
    cli_table *t = cli_table_new(n_cols, names);
    if (t == NULL)
        return PLANOMSORG_ENOMEM;
    const planomsorg_population *pop = planomsorg_result_population(r);
    double dg0 = NAN;
    rc = planomsorg_result_coverage(&dg0, r, in->base, h24, n_h24, 80, PLANOMSORG_AGE_OPEN, 0);
    int machine = o->format != CLI_FORMAT_TABLE;
    for (int y = in->base; y <= in->to && rc == PLANOMSORG_OK; y++) {
        double v, hold;
        if (cli_table_row(t) != 0 || cli_table_integer(t, y) != 0) {
            rc = PLANOMSORG_ENOMEM;
            break;
        }
        for (int k = 0; k < K && rc == PLANOMSORG_OK; k++) {
            rc = planomsorg_result_users(&v, r, y, k, PLANOMSORG_SEX_BOTH, 0, PLANOMSORG_AGE_OPEN);
            if (rc == PLANOMSORG_OK)
                cli_table_number(t, v, machine ? -1 : 0);
        }
        if (rc == PLANOMSORG_OK)
            rc = planomsorg_result_coverage(&v, r, y, h24, n_h24, 80, PLANOMSORG_AGE_OPEN, 0);
        if (rc == PLANOMSORG_OK)
            cli_table_number(t, machine ? v : 100.0 * v, machine ? -1 : 2);
        if (rc == PLANOMSORG_OK)
            rc = planomsorg_coverage_required(&hold, dg0, pop, y, 80, PLANOMSORG_AGE_OPEN);
        if (rc == PLANOMSORG_OK)
            cli_table_number(t, hold, machine ? -1 : 0);
        for (size_t i = 0; i < n_capped && rc == PLANOMSORG_OK; i++) {
            rc = planomsorg_result_queue(&v, r, y, capped[i], PLANOMSORG_SEX_BOTH, 0,
                                         PLANOMSORG_AGE_OPEN);
            if (rc == PLANOMSORG_OK)
                cli_table_number(t, v, machine ? -1 : 0);
        }
    }
    if (rc == PLANOMSORG_OK) {
        char title[256];
        const char *name = planomsorg_data_region_name(o->municipality);
        snprintf(title, sizeof title,
                 "Service users of %s, %s mode, %d-%d (rates from KOSTRA %d; coverage_24h_80p in %%)",
                 name != NULL ? name : "?", planomsorg_mode_name(o->mode), in->base, in->to,
                 in->kostra_year);
        if (cli_table_write(t, stdout, o->format, title) != 0)
            rc = PLANOMSORG_EIO;
    }
    cli_table_free(t);
    return rc;
}

int cmd_services(int argc, char **argv)
{
    struct options o = {.to = 2040, .mode = PLANOMSORG_MODE_RATES, .format = CLI_FORMAT_TABLE};
    int done = 0;
    int status = parse_options(argc, argv, &o, &done);
    if (status != CLI_EXIT_OK || done)
        return status;
    struct inputs in = {0};
    in.to = (int)o.to;
    int rc = planomsorg_data_population(&in.pop, o.municipality);
    if (rc == PLANOMSORG_ENOTFOUND) {
        fprintf(stderr, "planomsorg: services: unknown municipality '%s'\n", o.municipality);
        return CLI_EXIT_DATA;
    }
    if (rc == PLANOMSORG_OK) {
        int last = planomsorg_population_first_year(in.pop) + planomsorg_population_n_years(in.pop) - 1;
        planomsorg_population_free(in.pop);
        in.pop = NULL;
        if (o.to < last) {
            fprintf(stderr, "planomsorg: services: --to %ld is before the first year %d\n", o.to,
                    last);
            return CLI_EXIT_USAGE;
        }
        rc = prepare(&in, &o);
    }
    planomsorg_result *r = NULL;
    if (rc == PLANOMSORG_OK)
        rc = planomsorg_services_run(&r, in.svc, in.pop, in.base, in.to);
    if (rc == PLANOMSORG_OK)
        rc = write_result(r, &in, &o);
    planomsorg_result_free(r);
    int file_error = in.file_error;
    inputs_free(&in);
    if (rc == PLANOMSORG_OK)
        return CLI_EXIT_OK;
    status = cli_fail(rc);
    return file_error && rc != PLANOMSORG_ENOMEM ? CLI_EXIT_DATA : status;
}
