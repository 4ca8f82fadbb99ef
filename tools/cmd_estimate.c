/* planomsorg estimate: annual transition matrices by age band and sex from panel records
 * (person,year,age,sex,level), with counts and standard errors, relative mortality per
 * level, and a transitions file for `planomsorg services --mode markov`.
 * Method: docs/methods/estimation.md. */
#include "cli.h"
#include "commands.h"

#include <planomsorg.h>

#include <errno.h>
#include <math.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char estimate_usage[] =
    "usage: planomsorg estimate PANEL.csv [--bands LIST] [--levels LIST] [--method ml|posterior]\n"
    "                           [--prior uniform|pooled] [--prior-weight W] [--pool N]\n"
    "                           [--skip-bad] [--what matrix|mortality] [--format table|csv|json]\n"
    "                           [--transitions-out FILE]\n"
    "\n"
    "Estimates annual transition probabilities between the levels of the care staircase by\n"
    "age band and sex from panel records: a CSV person,year,age,sex,level[,died], one row per\n"
    "person and year (level 'death' for a death during the year before). Prints, per band,\n"
    "sex, from and to level, the count of transitions, the probability conditional on\n"
    "survival and its standard error; the row to 'death' gives the deaths and the share of\n"
    "the row's persons who died.\n"
    "\n"
    "Options:\n"
    "  --bands LIST         lower ages of the age bands (default 0,67,80,90)\n"
    "  --levels LIST        level names, lowest first (default: the default staircase none,\n"
    "                       low_threshold, practical_help, home_nursing, housing,\n"
    "                       housing_24h, short_term, long_term)\n"
    "  --method METHOD      ml (default): counts / row total; posterior: Dirichlet posterior\n"
    "                       mean, with the posterior standard deviation as se\n"
    "  --prior KIND         uniform (default, weight/K per cell) or pooled (the same sex's\n"
    "                       all-band pattern)\n"
    "  --prior-weight W     total prior weight per row (default 1)\n"
    "  --pool N             rows with fewer than N transitions borrow neighbouring bands\n"
    "  --skip-bad           drop bad records (listed on stderr) instead of failing\n"
    "  --what WHAT          matrix (default) or mortality: relative mortality per level\n"
    "                       (level 0 = 1) with standard errors\n"
    "  --format FORMAT      table (default), csv or json\n"
    "  --transitions-out FILE\n"
    "                       also write the estimated matrices and relative mortality as a\n"
    "                       transitions CSV (age_from,sex,from,to,probability) for\n"
    "                       planomsorg services --mode markov --transitions FILE\n"
    "  --help               this text\n"
    "\n"
    "Exit status: 0 success, 1 failure, 2 unreadable or invalid panel (the message names the\n"
    "line), 64 bad usage.\n";

static int make_staircase(planomsorg_staircase **sc, const char *levels)
{
    if (levels == NULL)
        return planomsorg_staircase_new_default(sc);
    int rc = planomsorg_staircase_new(sc);
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", levels);
    int first = 1;
    for (char *tok = strtok(buf, ","); tok && rc == PLANOMSORG_OK; tok = strtok(NULL, ",")) {
        rc = planomsorg_staircase_add_level(*sc, tok,
                                            first ? PLANOMSORG_LEVEL_KIND_NONE
                                                  : PLANOMSORG_LEVEL_KIND_HOME, 0);
        first = 0;
    }
    return rc;
}

static void band_label(char *buf, size_t size, const int *band_lo, int n, int b)
{
    if (b + 1 < n)
        snprintf(buf, size, "%d-%d", band_lo[b], band_lo[b + 1] - 1);
    else
        snprintf(buf, size, "%d+", band_lo[b]);
}

static int write_matrix(const planomsorg_estimate *est, const planomsorg_staircase *sc,
                        const int *band_lo, int nb, int method, cli_format format)
{
    static const char *const cols[] = {"band", "sex", "from", "to", "count", "probability", "se"};
    int K = planomsorg_staircase_n_levels(sc);
    cli_table *t = cli_table_new(7, cols);
    double *c = malloc((size_t)K * (size_t)(K + 1) * sizeof *c);
    double *p = malloc((size_t)K * (size_t)K * sizeof *p), *se = malloc((size_t)K * K * sizeof *se);
    int rc = t && c && p && se ? PLANOMSORG_OK : PLANOMSORG_ENOMEM;
    for (int b = 0; b < nb && rc == PLANOMSORG_OK; b++)
        for (int s = 0; s < 2 && rc == PLANOMSORG_OK; s++) {
            rc = planomsorg_estimate_counts(c, (size_t)K * (K + 1), est, b, s, 1);
            if (rc == PLANOMSORG_OK)
                rc = planomsorg_estimate_matrix(p, se, (size_t)K * K, est, method, b, s);
            char lab[32];
            band_label(lab, sizeof lab, band_lo, nb, b);
            for (int i = 0; i < K && rc == PLANOMSORG_OK; i++) {
                double all = 0;
                for (int j = 0; j <= K; j++)
                    all += c[i * (K + 1) + j];
                for (int j = 0; j <= K; j++) {
                    double n = c[i * (K + 1) + j];
                    double pr = j < K ? p[i * K + j] : all > 0 ? n / all : 0.0;
                    double e = j < K ? se[i * K + j] : all > 0 ? sqrt(pr * (1 - pr) / all) : 0;
                    cli_table_row(t);
                    cli_table_text(t, lab);
                    cli_table_text(t, planomsorg_sex_name(s));
                    cli_table_text(t, planomsorg_staircase_level_name(sc, i));
                    cli_table_text(t, j < K ? planomsorg_staircase_level_name(sc, j) : "death");
                    cli_table_number(t, n, 0);
                    cli_table_number(t, pr, 6);
                    cli_table_number(t, e, 6);
                }
            }
        }
    if (rc == PLANOMSORG_OK && cli_table_write(t, stdout, format, "Annual transitions") != 0)
        rc = PLANOMSORG_EIO;
    cli_table_free(t);
    free(c), free(p), free(se);
    return rc;
}

static int write_mortality(const planomsorg_estimate *est, const planomsorg_staircase *sc,
                           cli_format format)
{
    static const char *const cols[] = {"level", "relative_mortality", "se"};
    int K = planomsorg_staircase_n_levels(sc);
    double mu[PLANOMSORG_MAX_LEVELS], se[PLANOMSORG_MAX_LEVELS];
    int rc = planomsorg_estimate_mortality(mu, se, (size_t)K, est);
    if (rc != PLANOMSORG_OK)
        return rc;
    cli_table *t = cli_table_new(3, cols);
    if (!t)
        return PLANOMSORG_ENOMEM;
    for (int k = 0; k < K; k++) {
        cli_table_row(t);
        cli_table_text(t, planomsorg_staircase_level_name(sc, k));
        cli_table_number(t, mu[k], 4);
        cli_table_number(t, se[k], 4);
    }
    rc = cli_table_write(t, stdout, format, "Relative mortality (level 0 = 1)") ? PLANOMSORG_EIO
                                                                               : PLANOMSORG_OK;
    cli_table_free(t);
    return rc;
}

/* write_transitions' status after it has reported an output file it cannot write. */
enum { WRITE_REPORTED = 1 };

/* The transitions CSV of planomsorg_transitions_read_csv(), with death_rel rows. */
static int write_transitions(const char *path, const planomsorg_estimate *est,
                             const planomsorg_staircase *sc, int method)
{
    planomsorg_transitions *tr = NULL;
    int rc = planomsorg_estimate_transitions(&tr, est, method);
    if (rc != PLANOMSORG_OK)
        return rc;
    FILE *f = fopen(path, "w");
    if (!f) {
        planomsorg_transitions_free(tr);
        fprintf(stderr, "planomsorg: estimate: cannot write '%s': %s\n", path, strerror(errno));
        return WRITE_REPORTED;
    }
    int K = planomsorg_transitions_n_levels(tr), nb = planomsorg_transitions_n_bands(tr);
    double m[PLANOMSORG_MAX_LEVELS * PLANOMSORG_MAX_LEVELS], mu[PLANOMSORG_MAX_LEVELS];
    fputs("age_from,sex,from,to,probability\n", f);
    for (int b = 0; b < nb; b++)
        for (int s = 0; s < 2; s++) {
            int lo;
            planomsorg_transitions_band_lo(&lo, tr, b);
            planomsorg_transitions_get_matrix(m, (size_t)K * K, tr, PLANOMSORG_ANY_YEAR, b, s);
            for (int i = 0; i < K; i++)
                for (int j = 0; j < K; j++)
                    if (m[i * K + j] > 0)
                        fprintf(f, "%d,%s,%s,%s,%.17g\n", lo, planomsorg_sex_name(s),
                                planomsorg_staircase_level_name(sc, i),
                                planomsorg_staircase_level_name(sc, j), m[i * K + j]);
        }
    planomsorg_transitions_get_mortality(mu, (size_t)K, tr);
    for (int k = 0; k < K; k++)
        fprintf(f, "0,both,%s,death_rel,%.17g\n", planomsorg_staircase_level_name(sc, k), mu[k]);
    planomsorg_transitions_free(tr);
    if (ferror(f) | fclose(f)) {
        fprintf(stderr, "planomsorg: estimate: error writing '%s'\n", path);
        return WRITE_REPORTED;
    }
    return PLANOMSORG_OK;
}

int cmd_estimate(int argc, char **argv)
{
    const char *panel = NULL, *levels = NULL, *out_tr = NULL, *v;
    int band_lo[PLANOMSORG_MAX_AGE_BANDS] = {0, 67, 80, 90}, nb = 4;
    int method = PLANOMSORG_ESTIMATE_ML, prior = PLANOMSORG_PRIOR_UNIFORM, skip = 0, what = 0;
    double weight = 1.0, pool = 0.0;
    cli_format format = CLI_FORMAT_TABLE;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(estimate_usage, stdout);
            return CLI_EXIT_OK;
        } else if (strcmp(argv[i], "--skip-bad") == 0) {
            skip = 1;
        } else if ((v = cli_option_value("estimate", argc, argv, &i, "--bands")) != NULL) {
            if (v == cli_missing_argument ||
                cli_parse_ages("estimate", "--bands", v, band_lo, PLANOMSORG_MAX_AGE_BANDS, &nb))
                return CLI_EXIT_USAGE;
        } else if ((v = cli_option_value("estimate", argc, argv, &i, "--levels")) != NULL) {
            if (v == cli_missing_argument)
                return CLI_EXIT_USAGE;
            levels = v;
        } else if ((v = cli_option_value("estimate", argc, argv, &i, "--method")) != NULL) {
            if (v == cli_missing_argument)
                return CLI_EXIT_USAGE;
            if (strcmp(v, "ml") && strcmp(v, "posterior")) {
                fprintf(stderr, "planomsorg: estimate: --method: ml or posterior\n");
                return CLI_EXIT_USAGE;
            }
            method = strcmp(v, "ml") ? PLANOMSORG_ESTIMATE_POSTERIOR : PLANOMSORG_ESTIMATE_ML;
        } else if ((v = cli_option_value("estimate", argc, argv, &i, "--prior")) != NULL) {
            if (v == cli_missing_argument)
                return CLI_EXIT_USAGE;
            if (strcmp(v, "uniform") && strcmp(v, "pooled")) {
                fprintf(stderr, "planomsorg: estimate: --prior: uniform or pooled\n");
                return CLI_EXIT_USAGE;
            }
            prior = strcmp(v, "uniform") ? PLANOMSORG_PRIOR_POOLED : PLANOMSORG_PRIOR_UNIFORM;
        } else if ((v = cli_option_value("estimate", argc, argv, &i, "--prior-weight")) != NULL) {
            if (v == cli_missing_argument ||
                cli_parse_double("--prior-weight", v, 1e-9, 1e9, &weight))
                return CLI_EXIT_USAGE;
        } else if ((v = cli_option_value("estimate", argc, argv, &i, "--pool")) != NULL) {
            if (v == cli_missing_argument || cli_parse_double("--pool", v, 0, 1e12, &pool))
                return CLI_EXIT_USAGE;
        } else if ((v = cli_option_value("estimate", argc, argv, &i, "--what")) != NULL) {
            if (v == cli_missing_argument)
                return CLI_EXIT_USAGE;
            if (strcmp(v, "matrix") && strcmp(v, "mortality")) {
                fprintf(stderr, "planomsorg: estimate: --what: matrix or mortality\n");
                return CLI_EXIT_USAGE;
            }
            what = strcmp(v, "matrix") != 0;
        } else if ((v = cli_option_value("estimate", argc, argv, &i, "--format")) != NULL) {
            if (v == cli_missing_argument || cli_parse_format(v, &format))
                return CLI_EXIT_USAGE;
        } else if ((v = cli_option_value("estimate", argc, argv, &i, "--transitions-out")) != NULL) {
            if (v == cli_missing_argument)
                return CLI_EXIT_USAGE;
            out_tr = v;
        } else if (argv[i][0] == '-' || panel) {
            fprintf(stderr, "planomsorg: estimate: unknown option or extra argument '%s' (see "
                            "planomsorg estimate --help)\n", argv[i]);
            return CLI_EXIT_USAGE;
        } else {
            panel = argv[i];
        }
    }
    if (!panel) {
        fprintf(stderr, "planomsorg: estimate: missing PANEL.csv (see planomsorg estimate --help)\n");
        return CLI_EXIT_USAGE;
    }
    planomsorg_staircase *sc = NULL;
    int rc = make_staircase(&sc, levels);
    if (rc != PLANOMSORG_OK) {
        fprintf(stderr, "planomsorg: estimate: --levels: %s\n", planomsorg_error_last());
        planomsorg_staircase_free(sc);
        return CLI_EXIT_USAGE;
    }
    planomsorg_estimate *est = NULL;
    rc = planomsorg_estimate_read_panel_csv(&est, panel, sc, band_lo, (size_t)nb,
                                            skip ? PLANOMSORG_PANEL_SKIP_BAD : PLANOMSORG_PANEL_STRICT);
    int status = rc == PLANOMSORG_OK ? CLI_EXIT_OK : cli_fail(rc);
    if (status == CLI_EXIT_OK) {
        for (size_t k = 0; k < planomsorg_estimate_n_issues(est); k++) {
            const char *msg;
            planomsorg_estimate_issue(NULL, NULL, &msg, est, k);
            fprintf(stderr, "planomsorg: estimate: dropped: %s\n", msg);
        }
        planomsorg_estimate_set_prior(est, prior, weight);
        planomsorg_estimate_set_pooling(est, pool);
        rc = what ? write_mortality(est, sc, format) : write_matrix(est, sc, band_lo, nb, method, format);
        if (rc == PLANOMSORG_OK && out_tr)
            rc = write_transitions(out_tr, est, sc, method);
        if (rc == WRITE_REPORTED)
            status = CLI_EXIT_DATA;
        else if (rc != PLANOMSORG_OK)
            status = cli_fail(rc);
    }
    planomsorg_estimate_free(est);
    planomsorg_staircase_free(sc);
    return status;
}
