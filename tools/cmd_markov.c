/* planomsorg markov: run a generic Markov cohort model from CSV files
 * (formats and formulas in docs/methods/cohort.md). */
#include "cli.h"
#include "commands.h"

#include <planomsorg.h>

#include <stdio.h>
#include <string.h>

static void markov_usage(FILE *out)
{
    fprintf(out,
            "usage: planomsorg markov --transitions FILE --initial FILE [--values FILE]\n"
            "                         [--cycles N] [--discount RATE] [--half-cycle]\n"
            "                         [--format table|csv|json]\n\n"
            "Runs a Markov cohort model (death is a state like any other) and prints the\n"
            "trace and its totals.\n\n"
            "  --transitions FILE  CSV cycle,from,to,probability; cycle '*' = every cycle,\n"
            "                      a numbered cycle replaces the rows it lists in that cycle\n"
            "  --initial FILE      CSV state,share; defines the states and their order\n"
            "  --values FILE       CSV cycle,state,value ('*' allowed); value per cycle spent\n"
            "                      in the state (e.g. cost); unlisted states count 0\n"
            "  --cycles N          cycles to run (default: largest cycle number in the files)\n"
            "  --discount RATE     discount rate per cycle as a fraction, e.g. 0.06; cycle t\n"
            "                      is discounted by (1 + RATE)^-t (default 0)\n"
            "  --half-cycle        credit cycle t with (x[t-1] + x[t]) / 2 instead of x[t]\n"
            "  --format F          table (default), csv or json\n\n"
            "CSV output: rows cycle,state,share for cycles 0..N, a blank line, then\n"
            "measure,value rows: life_years (sum over cycles 1..N of the share not in an\n"
            "absorbing state), life_years_discounted, value_total, value_discounted.\n");
}

typedef struct {
    const char *transitions, *initial, *values;
    long cycles;
    double discount;
    int half_cycle;
    cli_format format;
} markov_options;

/* Returns -1 to continue, else an exit status. */
static int parse_options(int argc, char **argv, markov_options *o)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = NULL;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            markov_usage(stdout);
            return CLI_EXIT_OK;
        } else if (strcmp(a, "--half-cycle") == 0) {
            o->half_cycle = 1;
        } else if ((v = cli_option_value("markov", argc, argv, &i, "--transitions")) != NULL) {
            o->transitions = v;
        } else if ((v = cli_option_value("markov", argc, argv, &i, "--initial")) != NULL) {
            o->initial = v;
        } else if ((v = cli_option_value("markov", argc, argv, &i, "--values")) != NULL) {
            o->values = v;
        } else if ((v = cli_option_value("markov", argc, argv, &i, "--cycles")) != NULL) {
            if (v == cli_missing_argument ||
                cli_parse_int("--cycles", v, 1, PLANOMSORG_COHORT_MAX_CYCLES, &o->cycles) != 0)
                return CLI_EXIT_USAGE;
        } else if ((v = cli_option_value("markov", argc, argv, &i, "--discount")) != NULL) {
            if (v == cli_missing_argument ||
                cli_parse_double("--discount", v, 0.0, 1.0, &o->discount) != 0)
                return CLI_EXIT_USAGE;
        } else if ((v = cli_option_value("markov", argc, argv, &i, "--format")) != NULL) {
            if (v == cli_missing_argument || cli_parse_format(v, &o->format) != 0)
                return CLI_EXIT_USAGE;
        } else {
            fprintf(stderr, "planomsorg markov: unknown argument '%s' (see planomsorg markov --help)\n", a);
            return CLI_EXIT_USAGE;
        }
        if (v == cli_missing_argument) /* a file option without its FILE */
            return CLI_EXIT_USAGE;
    }
    if (o->transitions == NULL || o->initial == NULL) {
        fprintf(stderr, "planomsorg markov: --transitions and --initial are required\n");
        markov_usage(stderr);
        return CLI_EXIT_USAGE;
    }
    return -1;
}

/* The trace: long (cycle,state,share) for CSV and JSON, wide (one column per state) for tables. */
static cli_table *trace_table(const planomsorg_cohort *m, const planomsorg_cohort_result *r,
                              int wide)
{
    int ns = planomsorg_cohort_result_n_states(r), nc = planomsorg_cohort_result_n_cycles(r);
    const double *x = planomsorg_cohort_result_trace(r);
    cli_table *t;
    if (wide) {
        const char *names[64 + 1];
        if (ns > 64)
            return NULL;
        names[0] = "cycle";
        for (int i = 0; i < ns; i++)
            names[i + 1] = planomsorg_cohort_state_name(m, i);
        if ((t = cli_table_new(ns + 1, names)) == NULL)
            return NULL;
        for (int c = 0; c <= nc; c++) {
            if (cli_table_row(t) != 0 || cli_table_integer(t, c) != 0)
                goto fail;
            for (int i = 0; i < ns; i++)
                if (cli_table_number(t, x[(size_t)c * (size_t)ns + (size_t)i], 6) != 0)
                    goto fail;
        }
        return t;
    }
    static const char *const long_names[] = {"cycle", "state", "share"};
    if ((t = cli_table_new(3, long_names)) == NULL)
        return NULL;
    for (int c = 0; c <= nc; c++)
        for (int i = 0; i < ns; i++)
            if (cli_table_row(t) != 0 || cli_table_integer(t, c) != 0 ||
                cli_table_text(t, planomsorg_cohort_state_name(m, i)) != 0 ||
                cli_table_number(t, x[(size_t)c * (size_t)ns + (size_t)i], -1) != 0)
                goto fail;
    return t;
fail:
    cli_table_free(t);
    return NULL;
}

/* decimals: places in the text table; -1 (full precision) for CSV and JSON. */
static cli_table *totals_table(const planomsorg_cohort_result *r, int decimals)
{
    static const char *const names[] = {"measure", "value"};
    cli_table *t = cli_table_new(2, names);
    if (t == NULL)
        return NULL;
    for (int k = 0; k < PLANOMSORG_COHORT_N_MEASURES; k++) {
        double v = 0.0;
        planomsorg_cohort_result_total(&v, r, k);
        if (cli_table_row(t) != 0 || cli_table_text(t, planomsorg_cohort_measure_name(k)) != 0 ||
            cli_table_number(t, v, decimals) != 0) {
            cli_table_free(t);
            return NULL;
        }
    }
    return t;
}

static int write_output(const planomsorg_cohort *m, const planomsorg_cohort_result *r,
                        cli_format format)
{
    int wide = format == CLI_FORMAT_TABLE && planomsorg_cohort_result_n_states(r) <= 64;
    cli_table *trace = trace_table(m, r, wide);
    cli_table *totals = totals_table(r, format == CLI_FORMAT_TABLE ? 6 : -1);
    int rc = -1;
    if (trace != NULL && totals != NULL) {
        switch (format) {
        case CLI_FORMAT_JSON:
            rc = fputs("{\"trace\": ", stdout) < 0 || cli_table_write(trace, stdout, format, NULL) != 0 ||
                         fputs(",\n\"totals\": ", stdout) < 0 ||
                         cli_table_write(totals, stdout, format, NULL) != 0 || fputs("}\n", stdout) < 0
                     ? -1
                     : 0;
            break;
        case CLI_FORMAT_CSV:
            rc = cli_table_write(trace, stdout, format, NULL) != 0 || fputs("\n", stdout) < 0 ||
                         cli_table_write(totals, stdout, format, NULL) != 0
                     ? -1
                     : 0;
            break;
        default:
            rc = cli_table_write(trace, stdout, format, "Markov cohort trace (share by state)") != 0 ||
                         fputs("\n", stdout) < 0 ||
                         cli_table_write(totals, stdout, format, "Totals") != 0
                     ? -1
                     : 0;
        }
    }
    cli_table_free(trace);
    cli_table_free(totals);
    if (rc != 0) {
        fprintf(stderr, "planomsorg markov: cannot write the output\n");
        return CLI_EXIT_FAILURE;
    }
    return CLI_EXIT_OK;
}

int cmd_markov(int argc, char **argv)
{
    markov_options o = {NULL, NULL, NULL, 0, 0.0, 0, CLI_FORMAT_TABLE};
    int status = parse_options(argc, argv, &o);
    if (status >= 0)
        return status;
    planomsorg_cohort *m = NULL;
    planomsorg_cohort_result *r = NULL;
    int rc = planomsorg_cohort_read_csv(&m, o.transitions, o.initial, o.values, (int)o.cycles);
    if (rc == PLANOMSORG_OK)
        rc = planomsorg_cohort_set_discount(m, o.discount);
    if (rc == PLANOMSORG_OK)
        rc = planomsorg_cohort_set_half_cycle(m, o.half_cycle);
    if (rc == PLANOMSORG_OK)
        rc = planomsorg_cohort_run(&r, m);
    if (rc != PLANOMSORG_OK)
        status = cli_fail(rc);
    else
        status = write_output(m, r, o.format);
    planomsorg_cohort_result_free(r);
    planomsorg_cohort_free(m);
    return status;
}
