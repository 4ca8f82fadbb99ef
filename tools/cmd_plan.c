/* planomsorg plan: the whole plan (population, users, coverage, staff, costs) for Norway
 * or a municipality under one or more scenarios, from a plan file (docs/plan-file.md) or
 * the built-in default plan. Methods: docs/methods/plan.md. */
#include "cli.h"
#include "commands.h"
#include "plan_mc.h"

#include <planomsorg.h>
#include <xlsxwriter.h>

#include <errno.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char plan_usage[] =
    "usage: planomsorg plan [PLAN_FILE] [--municipality CODE] [--scenario NAME|all]\n"
    "                       [--to YEAR] [--format table|csv|json] [--xlsx FILE]\n"
    "\n"
    "Runs a whole plan: population projection, service users per level of the care\n"
    "staircase, 24-hour coverage, places, FTE (årsverk) demand by competence group,\n"
    "headcount, staff supply and gap, operating and investment costs. Without PLAN_FILE it\n"
    "runs the built-in default plan: Norway, 2025-2050, the middle scenario (embedded SSB\n"
    "population and KOSTRA rates, default demography, staffing and costs).\n"
    "\n"
    "Options:\n"
    "  PLAN_FILE            a YAML plan file (format: docs/plan-file.md)\n"
    "  --municipality CODE  four-digit municipality number (2024 borders); 0000: Norway.\n"
    "                       Overrides the region of the plan file.\n"
    "  --scenario NAME|all  run one scenario (a bundle worst/middle/best, or a scenario of\n"
    "                       the plan file) or all of them. Default: middle without a plan\n"
    "                       file, every scenario of the plan file with one.\n"
    "  --to YEAR            last year (base year .. 2100; default 2050 or the plan file's)\n"
    "  --format FORMAT      table (default): a summary per milestone year (2025, 2030, 2035,\n"
    "                       2040, 2050 and the last year); csv: the long layout\n"
    "                       scenario,year,measure,level,group,value; json: the same rows as\n"
    "                       an array of objects\n"
    "  --xlsx FILE          also write an Excel workbook: sheets Summary, Data (the long\n"
    "                       layout), FTE demand (years x scenarios, with a line chart),\n"
    "                       Staff gap (years x scenarios) and Band (min and max over the\n"
    "                       scenarios of the headline measures)\n"
    "  --help               this text\n"
    "\n"
    "Measures of the long layout (level/group 'all' on rows that sum over them):\n"
    "  population, population_80p, population_20_66   persons on 1 January\n"
    "  users (by level; 'all' = service users, the level 'none' excluded), queue (by level)\n"
    "  coverage_24h_80p    users of 24-hour levels (all ages) per person aged 80+\n"
    "  places_needed       users + queue of capacity-limited levels (by level)\n"
    "  fte_demand, headcount_demand (by level and group), fte_supply, headcount_supply,\n"
    "  fte_gap (supply - demand; by group), fte_share_20_66 (FTE demand per person 20-66)\n"
    "  cost_operating, cost_investment (net of state grants), cost_grant, cost_total\n"
    "  (NOK, fixed prices), new_places\n"
    "\n"
    "Progress goes to stderr when stderr is a terminal.\n"
    "Exit status: 0 success, 1 failure, 2 unknown municipality, unreadable or invalid plan\n"
    "file, 64 bad usage.\n";

static const int milestones[] = {2025, 2030, 2035, 2040, 2050};
/* Discount rate of the table's present value: the 4 % of Finansdepartementet's
 * rundskriv R-109/2021 for public investment analyses (the first 40 years). */
#define DISCOUNT_RATE 0.04

static void progress(void *user_data, int done, int total)
{
    (void)user_data;
    fprintf(stderr, "\rplanomsorg: plan: scenario %d of %d done", done, total);
    if (done == total)
        fputc('\n', stderr);
}

/* Years of the table: milestones within the run, and the last year. */
static int table_years(int *years, int first, int last)
{
    int n = 0;
    for (size_t i = 0; i < sizeof milestones / sizeof milestones[0]; i++)
        if (milestones[i] >= first && milestones[i] <= last)
            years[n++] = milestones[i];
    if (n == 0 || years[n - 1] != last)
        years[n++] = last;
    return n;
}

static double get(const planomsorg_plan_result *r, int s, int year, int m, int level, int group)
{
    double v = NAN;
    if (planomsorg_plan_result_get(&v, r, s, year, m, level, group) != PLANOMSORG_OK)
        return NAN;
    return v;
}

struct summary_row {
    char label[96];
    int measure, level, group;
    double scale;
    int decimals;
};

static int summary_rows(struct summary_row *rows, const planomsorg_plan_result *r)
{
    const planomsorg_staircase *sc = planomsorg_plan_result_staircase(r);
    int n = 0, K = planomsorg_staircase_n_levels(sc), G = planomsorg_plan_result_n_groups(r);
#define ROW(lbl, m, l, g, sc_, d)                                                            \
    do {                                                                                     \
        snprintf(rows[n].label, sizeof rows[n].label, "%s", lbl);                            \
        rows[n].measure = m; rows[n].level = l; rows[n].group = g;                           \
        rows[n].scale = sc_; rows[n].decimals = d; n++;                                      \
    } while (0)
    ROW("Population, all ages", PLANOMSORG_MEASURE_POPULATION, -1, -1, 1, 0);
    ROW("Population 80+", PLANOMSORG_MEASURE_POPULATION_80P, -1, -1, 1, 0);
    for (int k = 0; k < K; k++) {
        int kind = 0;
        planomsorg_staircase_level_kind(&kind, sc, k);
        if (kind == PLANOMSORG_LEVEL_KIND_NONE)
            continue;
        char lbl[96];
        snprintf(lbl, sizeof lbl, "Users: %s", planomsorg_staircase_level_name(sc, k));
        ROW(lbl, PLANOMSORG_MEASURE_USERS, k, -1, 1, 0);
    }
    ROW("Users, all service levels", PLANOMSORG_MEASURE_USERS, -1, -1, 1, 0);
    ROW("24-hour coverage per 80+ (%)", PLANOMSORG_MEASURE_COVERAGE_24H_80P, -1, -1, 100, 1);
    ROW("Places needed (capacity levels)", PLANOMSORG_MEASURE_PLACES_NEEDED, -1, -1, 1, 0);
    ROW("Queue (held back by capacity)", PLANOMSORG_MEASURE_QUEUE, -1, -1, 1, 0);
    ROW("FTE demand", PLANOMSORG_MEASURE_FTE_DEMAND, -1, -1, 1, 0);
    for (int g = 0; g < G; g++) {
        char lbl[96];
        snprintf(lbl, sizeof lbl, "  FTE demand: %s", planomsorg_plan_result_group_name(r, g));
        ROW(lbl, PLANOMSORG_MEASURE_FTE_DEMAND, -1, g, 1, 0);
    }
    ROW("FTE supply", PLANOMSORG_MEASURE_FTE_SUPPLY, -1, -1, 1, 0);
    ROW("FTE gap (supply - demand)", PLANOMSORG_MEASURE_FTE_GAP, -1, -1, 1, 0);
    ROW("Headcount demand", PLANOMSORG_MEASURE_HEADCOUNT_DEMAND, -1, -1, 1, 0);
    ROW("FTE demand per 100 aged 20-66", PLANOMSORG_MEASURE_FTE_SHARE_20_66, -1, -1, 100, 2);
    ROW("Operating cost (MNOK)", PLANOMSORG_MEASURE_COST_OPERATING, -1, -1, 1e-6, 0);
    ROW("Investment, net of grants (MNOK)", PLANOMSORG_MEASURE_COST_INVESTMENT, -1, -1, 1e-6, 0);
    ROW("Total cost (MNOK)", PLANOMSORG_MEASURE_COST_TOTAL, -1, -1, 1e-6, 0);
#undef ROW
    return n;
}

#define MAX_SUMMARY_ROWS (PLANOMSORG_MAX_LEVELS + 80)

/* The band between the scenarios (min - max) of the headline measures. */
static int write_band(const planomsorg_plan_result *r, const int *years, int ny,
                      const char *const *cols)
{
    static const struct {
        const char *label;
        int measure;
        double scale;
    } rows[] = {
        {"Population 80+", PLANOMSORG_MEASURE_POPULATION_80P, 1},
        {"Users, all service levels", PLANOMSORG_MEASURE_USERS, 1},
        {"Places needed", PLANOMSORG_MEASURE_PLACES_NEEDED, 1},
        {"FTE demand", PLANOMSORG_MEASURE_FTE_DEMAND, 1},
        {"FTE gap", PLANOMSORG_MEASURE_FTE_GAP, 1},
        {"Total cost (MNOK)", PLANOMSORG_MEASURE_COST_TOTAL, 1e-6},
    };
    cli_table *t = cli_table_new(ny + 1, cols);
    if (!t)
        return CLI_EXIT_FAILURE;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        if (cli_table_row(t) != 0 || cli_table_text(t, rows[i].label) != 0) {
            cli_table_free(t);
            return CLI_EXIT_FAILURE;
        }
        for (int j = 0; j < ny; j++) {
            double lo = NAN, hi = NAN;
            char cell[64];
            planomsorg_plan_result_band(&lo, &hi, r, years[j], rows[i].measure,
                                        PLANOMSORG_PLAN_ALL, PLANOMSORG_PLAN_ALL);
            snprintf(cell, sizeof cell, "%.0f - %.0f", lo * rows[i].scale, hi * rows[i].scale);
            cli_table_text(t, cell);
        }
    }
    fputc('\n', stdout);
    cli_table_write(t, stdout, CLI_FORMAT_TABLE, "Band between the scenarios (min - max)");
    cli_table_free(t);
    return CLI_EXIT_OK;
}

static int write_table(const planomsorg_plan_result *r)
{
    int first = 0, last = 0;
    planomsorg_plan_result_years(&first, &last, r);
    int years[8];
    int ny = table_years(years, first, last);
    static struct summary_row rows[MAX_SUMMARY_ROWS];
    int nr = summary_rows(rows, r);
    char names[8][16];
    const char *cols[9] = {"measure"};
    for (int i = 0; i < ny; i++) {
        snprintf(names[i], sizeof names[i], "%d", years[i]);
        cols[i + 1] = names[i];
    }
    const char *region = planomsorg_plan_result_region(r);
    const char *rname = planomsorg_data_region_name(region);
    for (int s = 0; s < planomsorg_plan_result_n_scenarios(r); s++) {
        cli_table *t = cli_table_new(ny + 1, cols);
        if (!t)
            return CLI_EXIT_FAILURE;
        for (int i = 0; i < nr; i++) {
            if (cli_table_row(t) != 0 || cli_table_text(t, rows[i].label) != 0) {
                cli_table_free(t);
                return CLI_EXIT_FAILURE;
            }
            for (int j = 0; j < ny; j++)
                cli_table_number(t, get(r, s, years[j], rows[i].measure, rows[i].level,
                                        rows[i].group) * rows[i].scale, rows[i].decimals);
        }
        char title[256];
        snprintf(title, sizeof title, "%s (%s), scenario %s", rname ? rname : region, region,
                 planomsorg_plan_result_scenario_name(r, s));
        if (s > 0)
            fputc('\n', stdout);
        cli_table_write(t, stdout, CLI_FORMAT_TABLE, title);
        cli_table_free(t);
        double pv = NAN;
        if (planomsorg_plan_result_present_value(&pv, r, s, PLANOMSORG_MEASURE_COST_TOTAL,
                                                 DISCOUNT_RATE) == PLANOMSORG_OK)
            printf("Present value of the total cost %d-%d at %.0f %% a year: %.0f MNOK\n", first,
                   last, 100 * DISCOUNT_RATE, pv * 1e-6);
    }
    return planomsorg_plan_result_n_scenarios(r) > 1 ? write_band(r, years, ny, cols) : CLI_EXIT_OK;
}

/* Calls fn for every row of the long layout (the rows of planomsorg_plan_result_write_csv). */
typedef int (*row_fn)(void *ctx, const char *scenario, int year, const char *measure,
                      const char *level, const char *group, double value);

static int for_each_row(const planomsorg_plan_result *r, row_fn fn, void *ctx)
{
    const planomsorg_staircase *sc = planomsorg_plan_result_staircase(r);
    int first = 0, last = 0, K = planomsorg_staircase_n_levels(sc);
    int G = planomsorg_plan_result_n_groups(r);
    planomsorg_plan_result_years(&first, &last, r);
    for (int s = 0; s < planomsorg_plan_result_n_scenarios(r); s++) {
        const char *sn = planomsorg_plan_result_scenario_name(r, s);
        for (int y = first; y <= last; y++)
            for (int m = 0; m < PLANOMSORG_N_MEASURES; m++) {
                int bl = 0, bg = 0;
                planomsorg_plan_measure_dims(&bl, &bg, m);
                const char *mn = planomsorg_plan_measure_name(m);
                if (fn(ctx, sn, y, mn, "all", "all", get(r, s, y, m, -1, -1)) != 0)
                    return -1;
                for (int k = 0; bl && k < K; k++)
                    if (fn(ctx, sn, y, mn, planomsorg_staircase_level_name(sc, k), "all",
                           get(r, s, y, m, k, -1)) != 0)
                        return -1;
                for (int g = 0; bg && g < G; g++)
                    if (fn(ctx, sn, y, mn, "all", planomsorg_plan_result_group_name(r, g),
                           get(r, s, y, m, -1, g)) != 0)
                        return -1;
            }
    }
    return 0;
}

static int table_row(void *ctx, const char *scenario, int year, const char *measure,
                     const char *level, const char *group, double value)
{
    cli_table *t = ctx;
    if (cli_table_row(t) != 0 || cli_table_text(t, scenario) != 0 ||
        cli_table_integer(t, year) != 0 || cli_table_text(t, measure) != 0 ||
        cli_table_text(t, level) != 0 || cli_table_text(t, group) != 0)
        return -1;
    return cli_table_number(t, value, -1);
}

static int write_long(const planomsorg_plan_result *r, cli_format format)
{
    static const char *const cols[] = {"scenario", "year", "measure", "level", "group", "value"};
    cli_table *t = cli_table_new(6, cols);
    if (!t || for_each_row(r, table_row, t) != 0) {
        cli_table_free(t);
        fprintf(stderr, "planomsorg: plan: out of memory\n");
        return CLI_EXIT_FAILURE;
    }
    int rc = cli_table_write(t, stdout, format, NULL);
    cli_table_free(t);
    return rc == 0 ? CLI_EXIT_OK : CLI_EXIT_FAILURE;
}

/* ------------------------------------------------------------------------- */
/* Excel                                                                      */
/* ------------------------------------------------------------------------- */

struct xlsx_ctx {
    lxw_worksheet *ws;
    lxw_row_t row;
};

static int xlsx_row(void *ctx, const char *scenario, int year, const char *measure,
                    const char *level, const char *group, double value)
{
    struct xlsx_ctx *x = ctx;
    if (x->row >= LXW_ROW_MAX - 1)
        return 0;
    worksheet_write_string(x->ws, x->row, 0, scenario, NULL);
    worksheet_write_number(x->ws, x->row, 1, year, NULL);
    worksheet_write_string(x->ws, x->row, 2, measure, NULL);
    worksheet_write_string(x->ws, x->row, 3, level, NULL);
    worksheet_write_string(x->ws, x->row, 4, group, NULL);
    if (isfinite(value))
        worksheet_write_number(x->ws, x->row, 5, value, NULL);
    x->row++;
    return 0;
}

/* A years x scenarios sheet of one measure; returns the number of year rows. */
static int xlsx_matrix(lxw_worksheet *ws, const planomsorg_plan_result *r, int measure,
                       lxw_format *bold)
{
    int first = 0, last = 0, S = planomsorg_plan_result_n_scenarios(r);
    planomsorg_plan_result_years(&first, &last, r);
    worksheet_write_string(ws, 0, 0, "year", bold);
    for (int s = 0; s < S; s++)
        worksheet_write_string(ws, 0, (lxw_col_t)(s + 1), planomsorg_plan_result_scenario_name(r, s),
                               bold);
    for (int y = first; y <= last; y++) {
        worksheet_write_number(ws, (lxw_row_t)(y - first + 1), 0, y, NULL);
        for (int s = 0; s < S; s++)
            worksheet_write_number(ws, (lxw_row_t)(y - first + 1), (lxw_col_t)(s + 1),
                                   get(r, s, y, measure, -1, -1), NULL);
    }
    return last - first + 1;
}

/* libxlsxwriter reports an unwritable path only when closing, on stderr in its own words;
 * trying the path before the run gives one message with the reason, before any output. */
static int check_writable(const char *path)
{
    FILE *probe = fopen(path, "wb");
    if (probe == NULL) {
        fprintf(stderr, "planomsorg: plan: cannot write the workbook '%s': %s\n", path,
                strerror(errno));
        return CLI_EXIT_DATA;
    }
    fclose(probe);
    return CLI_EXIT_OK;
}

static int write_xlsx(const planomsorg_plan_result *r, const char *path)
{
    lxw_workbook *wb = workbook_new(path);
    if (!wb) {
        fprintf(stderr, "planomsorg: plan: cannot create the workbook '%s'\n", path);
        return CLI_EXIT_DATA;
    }
    lxw_format *bold = workbook_add_format(wb);
    format_set_bold(bold);

    /* Summary: milestone years of every scenario */
    lxw_worksheet *sum = workbook_add_worksheet(wb, "Summary");
    int first = 0, last = 0;
    planomsorg_plan_result_years(&first, &last, r);
    int years[8];
    int ny = table_years(years, first, last);
    static struct summary_row rows[MAX_SUMMARY_ROWS];
    int nr = summary_rows(rows, r);
    lxw_row_t row = 0;
    for (int s = 0; s < planomsorg_plan_result_n_scenarios(r); s++) {
        worksheet_write_string(sum, row, 0, planomsorg_plan_result_scenario_name(r, s), bold);
        for (int j = 0; j < ny; j++)
            worksheet_write_number(sum, row, (lxw_col_t)(j + 1), years[j], bold);
        row++;
        for (int i = 0; i < nr; i++, row++) {
            worksheet_write_string(sum, row, 0, rows[i].label, NULL);
            for (int j = 0; j < ny; j++) {
                double v = get(r, s, years[j], rows[i].measure, rows[i].level, rows[i].group) *
                           rows[i].scale;
                if (isfinite(v))
                    worksheet_write_number(sum, row, (lxw_col_t)(j + 1), v, NULL);
            }
        }
        row++;
    }
    worksheet_set_column(sum, 0, 0, 36, NULL);

    /* Data: the long layout */
    lxw_worksheet *data = workbook_add_worksheet(wb, "Data");
    static const char *const cols[] = {"scenario", "year", "measure", "level", "group", "value"};
    for (int c = 0; c < 6; c++)
        worksheet_write_string(data, 0, (lxw_col_t)c, cols[c], bold);
    struct xlsx_ctx x = {data, 1};
    for_each_row(r, xlsx_row, &x);

    /* FTE demand per scenario, with a line chart */
    lxw_worksheet *fte = workbook_add_worksheet(wb, "FTE demand");
    int n = xlsx_matrix(fte, r, PLANOMSORG_MEASURE_FTE_DEMAND, bold);
    lxw_chart *chart = workbook_add_chart(wb, LXW_CHART_LINE);
    for (int s = 0; s < planomsorg_plan_result_n_scenarios(r); s++) {
        lxw_chart_series *series = chart_add_series(chart, NULL, NULL);
        chart_series_set_categories(series, "FTE demand", 1, 0, (lxw_row_t)n, 0);
        chart_series_set_values(series, "FTE demand", 1, (lxw_col_t)(s + 1), (lxw_row_t)n,
                                (lxw_col_t)(s + 1));
        chart_series_set_name_range(series, "FTE demand", 0, (lxw_col_t)(s + 1));
    }
    chart_title_set_name(chart, "FTE demand (årsverk) per scenario");
    chart_axis_set_name(chart->x_axis, "Year");
    chart_axis_set_name(chart->y_axis, "FTE");
    worksheet_insert_chart(fte, 1, (lxw_col_t)(planomsorg_plan_result_n_scenarios(r) + 2), chart);

    lxw_worksheet *gap = workbook_add_worksheet(wb, "Staff gap");
    xlsx_matrix(gap, r, PLANOMSORG_MEASURE_FTE_GAP, bold);

    /* Band: min and max over the scenarios of the headline measures, every year */
    static const int band_measures[] = {PLANOMSORG_MEASURE_POPULATION_80P,
                                        PLANOMSORG_MEASURE_USERS,
                                        PLANOMSORG_MEASURE_PLACES_NEEDED,
                                        PLANOMSORG_MEASURE_FTE_DEMAND,
                                        PLANOMSORG_MEASURE_FTE_GAP,
                                        PLANOMSORG_MEASURE_COST_TOTAL};
    lxw_worksheet *band = workbook_add_worksheet(wb, "Band");
    worksheet_write_string(band, 0, 0, "year", bold);
    int nb = (int)(sizeof band_measures / sizeof band_measures[0]);
    for (int i = 0; i < nb; i++) {
        char head[64];
        snprintf(head, sizeof head, "%s_min", planomsorg_plan_measure_name(band_measures[i]));
        worksheet_write_string(band, 0, (lxw_col_t)(2 * i + 1), head, bold);
        snprintf(head, sizeof head, "%s_max", planomsorg_plan_measure_name(band_measures[i]));
        worksheet_write_string(band, 0, (lxw_col_t)(2 * i + 2), head, bold);
    }
    for (int y = first; y <= last; y++) {
        lxw_row_t br = (lxw_row_t)(y - first + 1);
        worksheet_write_number(band, br, 0, y, NULL);
        for (int i = 0; i < nb; i++) {
            double lo = NAN, hi = NAN;
            if (planomsorg_plan_result_band(&lo, &hi, r, y, band_measures[i], PLANOMSORG_PLAN_ALL,
                                            PLANOMSORG_PLAN_ALL) != PLANOMSORG_OK)
                continue;
            worksheet_write_number(band, br, (lxw_col_t)(2 * i + 1), lo, NULL);
            worksheet_write_number(band, br, (lxw_col_t)(2 * i + 2), hi, NULL);
        }
    }

    lxw_error err = workbook_close(wb);
    if (err != LXW_NO_ERROR) {
        fprintf(stderr, "planomsorg: plan: cannot write '%s': %s\n", path, lxw_strerror(err));
        return CLI_EXIT_DATA;
    }
    return CLI_EXIT_OK;
}

/* ------------------------------------------------------------------------- */
/* Options                                                                    */
/* ------------------------------------------------------------------------- */

static int add_bundle(planomsorg_plan *plan, int bundle)
{
    planomsorg_scenario *sc = NULL;
    int rc = planomsorg_scenario_new_bundle(&sc, bundle);
    if (rc == PLANOMSORG_OK)
        rc = planomsorg_plan_add_scenario(plan, sc);
    planomsorg_scenario_free(sc);
    return rc;
}

/* Chooses the scenarios; returns an exit status. */
static int choose_scenarios(planomsorg_plan *plan, const char *scenario, int from_file)
{
    int rc = PLANOMSORG_OK;
    int all = scenario && strcmp(scenario, "all") == 0;
    if (from_file && planomsorg_plan_n_scenarios(plan) > 0) {
        if (!scenario || all)
            return CLI_EXIT_OK;
        if (planomsorg_plan_keep_scenario(plan, scenario) == PLANOMSORG_OK)
            return CLI_EXIT_OK;
        fprintf(stderr, "planomsorg: plan: --scenario: the plan file has no scenario '%s'\n",
                scenario);
        return CLI_EXIT_USAGE;
    }
    if (all) {
        for (int b = 0; b < PLANOMSORG_N_BUNDLES && rc == PLANOMSORG_OK; b++)
            rc = add_bundle(plan, b);
    } else {
        int bundle = PLANOMSORG_BUNDLE_MIDDLE;
        if (scenario && planomsorg_bundle_find(&bundle, scenario) != PLANOMSORG_OK) {
            fprintf(stderr, "planomsorg: plan: --scenario: unknown scenario '%s' (worst, middle, "
                            "best or all)\n", scenario);
            return CLI_EXIT_USAGE;
        }
        rc = add_bundle(plan, bundle);
    }
    return rc == PLANOMSORG_OK ? CLI_EXIT_OK : cli_fail(rc);
}

int cmd_plan(int argc, char **argv)
{
    const char *file = NULL, *municipality = NULL, *scenario = NULL, *xlsx = NULL;
    int municipality_given = 0;
    long to = 0;
    cli_format format = CLI_FORMAT_TABLE;
    struct plan_mc_opts mc_opts = {.seed = 1};
    for (int i = 1; i < argc; i++) {
        const char *v;
        int mc_arg = plan_mc_option(&mc_opts, argc, argv, &i);
        if (mc_arg < 0)
            return CLI_EXIT_USAGE;
        if (mc_arg > 0)
            continue;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(plan_usage, stdout);
            fputs(plan_mc_usage, stdout); /* --draws, --seed, --threads, --lever */
            return CLI_EXIT_OK;
        } else if ((v = cli_option_value("plan", argc, argv, &i, "--municipality")) != NULL) {
            if (v == cli_missing_argument || cli_parse_municipality("plan", v, &municipality) != 0)
                return CLI_EXIT_USAGE;
            municipality_given = 1;
        } else if ((v = cli_option_value("plan", argc, argv, &i, "--scenario")) != NULL) {
            if (v == cli_missing_argument)
                return CLI_EXIT_USAGE;
            scenario = v;
        } else if ((v = cli_option_value("plan", argc, argv, &i, "--to")) != NULL) {
            if (v == cli_missing_argument || cli_parse_int("--to", v, 1900, 2100, &to) != 0)
                return CLI_EXIT_USAGE;
        } else if ((v = cli_option_value("plan", argc, argv, &i, "--format")) != NULL) {
            if (v == cli_missing_argument || cli_parse_format(v, &format) != 0)
                return CLI_EXIT_USAGE;
        } else if ((v = cli_option_value("plan", argc, argv, &i, "--xlsx")) != NULL) {
            if (v == cli_missing_argument)
                return CLI_EXIT_USAGE;
            if (v[0] == '\0') {
                fprintf(stderr, "planomsorg: plan: --xlsx needs a file name\n");
                return CLI_EXIT_USAGE;
            }
            xlsx = v;
        } else if (argv[i][0] == '-' || file) {
            fprintf(stderr, "planomsorg: plan: unknown option or extra argument '%s' (see "
                            "planomsorg plan --help)\n", argv[i]);
            return CLI_EXIT_USAGE;
        } else {
            file = argv[i];
        }
    }

    if (plan_mc_check(&mc_opts) != 0)
        return CLI_EXIT_USAGE;
    if (xlsx && check_writable(xlsx) != CLI_EXIT_OK)
        return CLI_EXIT_DATA;
    planomsorg_plan *plan = NULL;
    int rc = file ? planomsorg_plan_read_yaml(&plan, file)
                  : planomsorg_plan_new(&plan, NULL, 2025, 2050);
    if (rc != PLANOMSORG_OK) {
        fprintf(stderr, "planomsorg: %s\n", planomsorg_error_last());
        return rc == PLANOMSORG_ENOMEM ? CLI_EXIT_FAILURE : CLI_EXIT_DATA;
    }
    int status = CLI_EXIT_OK;
    if (municipality_given &&
        (rc = planomsorg_plan_set_region(plan, municipality)) != PLANOMSORG_OK) {
        fprintf(stderr, "planomsorg: plan: unknown municipality '%s' (not one of the %d "
                        "municipalities on 2024 borders)\n", municipality,
                planomsorg_data_n_municipalities());
        status = CLI_EXIT_DATA;
    }
    if (status == CLI_EXIT_OK && to) {
        int base = 0;
        planomsorg_plan_years(&base, NULL, plan);
        if (to < base) {
            fprintf(stderr, "planomsorg: plan: --to: %ld is before the base year %d\n", to, base);
            status = CLI_EXIT_USAGE;
        } else if ((rc = planomsorg_plan_set_years(plan, base, (int)to)) != PLANOMSORG_OK) {
            status = cli_fail(rc);
        }
    }
    if (status == CLI_EXIT_OK)
        status = choose_scenarios(plan, scenario, file != NULL);
    if (status == CLI_EXIT_OK && mc_opts.draws > 0) {
        /* Monte Carlo: the long CSV with percentile bands replaces the other outputs. */
        if (format != CLI_FORMAT_TABLE && format != CLI_FORMAT_CSV)
            fprintf(stderr, "planomsorg: plan: --draws writes CSV; --format is ignored\n");
        status = plan_mc_write(plan, &mc_opts);
        planomsorg_plan_free(plan);
        return status;
    }
    planomsorg_plan_result *r = NULL;
    if (status == CLI_EXIT_OK) {
        rc = planomsorg_plan_run_progress(&r, plan, isatty(STDERR_FILENO) ? progress : NULL,
                                          NULL);
        if (rc != PLANOMSORG_OK)
            status = cli_fail(rc);
    }
    if (status == CLI_EXIT_OK)
        status = format == CLI_FORMAT_TABLE ? write_table(r) : write_long(r, format);
    if (status == CLI_EXIT_OK && xlsx)
        status = write_xlsx(r, xlsx);
    planomsorg_plan_result_free(r);
    planomsorg_plan_free(plan);
    return status;
}
