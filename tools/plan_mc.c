/* planomsorg plan --draws N --seed S [--threads T] [--lever NAME=DIST:P1,P2[,...]]:
 * percentile bands of every measure of every scenario (docs/methods/uncertainty.md). */
#include "plan_mc.h"

#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char plan_mc_usage[] =
    "\n"
    "Uncertainty (Monte Carlo, docs/methods/uncertainty.md):\n"
    "  --draws N            run N draws of every scenario (1..1000000); the output is then\n"
    "                       the long CSV scenario,year,measure,level,group,value,mean,sd,\n"
    "                       p05,p50,p95 (value: the run without draws; percentiles type 7)\n"
    "  --seed S             seed of the draws (default 1); the same seed gives the same\n"
    "                       figures whatever the number of threads\n"
    "  --threads T          threads (default 0: every online processor)\n"
    "  --lever NAME=DIST:P1,P2[,P3[,P4]]\n"
    "                       draw a lever (health, family_care, standard, productivity,\n"
    "                       dreining, recruitment) from a distribution: fixed:V,\n"
    "                       normal:MEAN,SD, lognormal:MU,SIGMA, beta:A,B[,LO,HI],\n"
    "                       uniform:LO,HI, triangular:LO,MODE,HI, split_normal:MODE,SD_LO,SD_HI;\n"
    "                       the drawn value replaces the scenario's lever in every year.\n"
    "                       Repeat for several levers.\n"
    "  --panel FILE         estimate annual transition matrices from panel records\n"
    "                       (CSV person,year,age,sex,level[,died]; docs/methods/estimation.md)\n"
    "                       by age band and sex, run the plan in Markov mode with their\n"
    "                       Dirichlet posterior means, and draw every row from its posterior\n"
    "                       in each draw (needs --draws)\n"
    "  --panel-bands LIST   lower ages of the bands of --panel (default 0,67,80,90)\n"
    "  --panel-skip-bad     drop bad panel records (listed on stderr) instead of failing\n";

static int usage_error(const char *option, const char *what)
{
    fprintf(stderr, "planomsorg: plan: %s: %s (see planomsorg plan --help)\n", option, what);
    return -1;
}

static int parse_lever(struct plan_mc_opts *o, const char *spec)
{
    if (o->n_levers >= PLAN_MC_MAX_LEVERS)
        return usage_error("--lever", "too many levers");
    char buf[256];
    snprintf(buf, sizeof buf, "%s", spec);
    char *eq = strchr(buf, '='), *colon = eq ? strchr(eq + 1, ':') : NULL;
    if (!eq || !colon)
        return usage_error("--lever", "expected NAME=DIST:P1,P2,...");
    *eq = *colon = '\0';
    int lever, dist;
    if (planomsorg_lever_find(&lever, buf) != PLANOMSORG_OK)
        return usage_error("--lever", "unknown lever name");
    if (planomsorg_dist_find(&dist, eq + 1) != PLANOMSORG_OK)
        return usage_error("--lever", "unknown distribution name");
    int n = 0;
    char *p = colon + 1;
    while (*p && n < 4) {
        char *end;
        double v = strtod(p, &end);
        if (end == p || (*end && *end != ','))
            return usage_error("--lever", "parameters must be numbers separated by commas");
        o->params[o->n_levers][n++] = v;
        p = *end ? end + 1 : end;
    }
    if (*p)
        return usage_error("--lever", "at most 4 parameters");
    double check;
    if (planomsorg_dist_sample(&check, 1, dist, o->params[o->n_levers], (size_t)n, 1) !=
        PLANOMSORG_OK) {
        fprintf(stderr, "planomsorg: plan: --lever: %s\n", planomsorg_error_last());
        return -1;
    }
    o->lever[o->n_levers] = lever;
    o->dist[o->n_levers] = dist;
    o->n_params[o->n_levers] = n;
    o->n_levers++;
    return 1;
}

int plan_mc_option(struct plan_mc_opts *o, int argc, char **argv, int *i)
{
    if (strcmp(argv[*i], "--panel-skip-bad") == 0) {
        o->skip_bad = 1;
        return 1;
    }
    static const char *const names[6] = {"--draws", "--seed", "--threads", "--lever",
                                         "--panel", "--panel-bands"};
    int which = 0;
    const char *value = NULL;
    while (which < 6 && (value = cli_option_value("plan", argc, argv, i, names[which])) == NULL)
        which++;
    if (value == cli_missing_argument)
        return -1;
    switch (which) {
    case 0:
        return cli_parse_int("--draws", value, 1, PLANOMSORG_MC_MAX_DRAWS, &o->draws) ? -1 : 1;
    case 1:
        return cli_parse_int("--seed", value, 0, 2147483647L, &o->seed) ? -1 : 1;
    case 2:
        return cli_parse_int("--threads", value, 0, PLANOMSORG_MC_MAX_THREADS, &o->threads) ? -1
                                                                                           : 1;
    case 3:
        return parse_lever(o, value);
    case 4:
        o->panel = value;
        return 1;
    case 5:
        return cli_parse_ages("plan", "--panel-bands", value, o->band_lo,
                              PLANOMSORG_MAX_AGE_BANDS, &o->n_bands) ? -1 : 1;
    default:
        return 0;
    }
}

int plan_mc_check(const struct plan_mc_opts *o)
{
    if ((o->panel || o->n_bands || o->skip_bad || o->n_levers) && o->draws == 0)
        return usage_error("--panel/--lever", "needs --draws");
    if ((o->n_bands || o->skip_bad) && !o->panel)
        return usage_error("--panel-bands/--panel-skip-bad", "needs --panel");
    return 0;
}

/* Reads the panel, reports dropped records, sets the plan's transitions. */
static int use_panel(planomsorg_plan *plan, const struct plan_mc_opts *o,
                     planomsorg_estimate **est)
{
    static const int def[4] = {0, 67, 80, 90};
    const int *bands = o->n_bands ? o->band_lo : def;
    size_t nb = o->n_bands ? (size_t)o->n_bands : 4;
    int rc = planomsorg_estimate_read_panel_csv(est, o->panel, planomsorg_plan_staircase(plan),
                                                bands, nb,
                                                o->skip_bad ? PLANOMSORG_PANEL_SKIP_BAD
                                                            : PLANOMSORG_PANEL_STRICT);
    if (rc != PLANOMSORG_OK)
        return rc;
    size_t n = planomsorg_estimate_n_issues(*est), rows, persons;
    double transitions;
    for (size_t k = 0; k < n && k < 20; k++) {
        const char *msg;
        planomsorg_estimate_issue(NULL, NULL, &msg, *est, k);
        fprintf(stderr, "planomsorg: plan: --panel: dropped: %s\n", msg);
    }
    if (n > 20)
        fprintf(stderr, "planomsorg: plan: --panel: ... %zu bad records dropped in all\n", n);
    planomsorg_estimate_panel_size(&rows, &persons, &transitions, *est);
    if (isatty(STDERR_FILENO))
        fprintf(stderr, "planomsorg: plan: --panel: %zu rows, %zu persons, %.0f transitions\n",
                rows, persons, transitions);
    planomsorg_transitions *tr = NULL;
    rc = planomsorg_estimate_transitions(&tr, *est, PLANOMSORG_ESTIMATE_POSTERIOR);
    if (rc == PLANOMSORG_OK)
        rc = planomsorg_plan_set_transitions(plan, tr);
    planomsorg_transitions_free(tr);
    return rc;
}

/* Copies a file to stdout, skipping its first line unless keep_header. */
static int copy_out(const char *path, int keep_header)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    int c, first = 1;
    while ((c = fgetc(f)) != EOF) {
        if (first && !keep_header) {
            if (c == '\n')
                first = 0;
            continue;
        }
        putchar(c);
    }
    fclose(f);
    return ferror(stdout) ? -1 : 0;
}

int plan_mc_write(planomsorg_plan *plan, const struct plan_mc_opts *o)
{
    planomsorg_estimate *est = NULL;
    if (o->panel) {
        int rc = use_panel(plan, o, &est);
        if (rc != PLANOMSORG_OK) {
            planomsorg_estimate_free(est);
            fprintf(stderr, "planomsorg: plan: --panel: %s\n", planomsorg_error_last());
            return rc == PLANOMSORG_ENOMEM ? CLI_EXIT_FAILURE : CLI_EXIT_DATA;
        }
    }
    char path[] = "/tmp/planomsorg_mc_XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) {
        perror("planomsorg: plan: temporary file");
        planomsorg_estimate_free(est);
        return CLI_EXIT_FAILURE;
    }
    close(fd);
    int n_scen = planomsorg_plan_n_scenarios(plan), status = CLI_EXIT_OK;
    for (int s = n_scen > 0 ? 0 : -1; s < n_scen && status == CLI_EXIT_OK; s++) {
        planomsorg_mc *mc = NULL;
        int rc = planomsorg_mc_new_plan(&mc, plan, s);
        if (rc == PLANOMSORG_OK && est != NULL)
            rc = planomsorg_mc_set_estimate(mc, est);
        for (int l = 0; l < o->n_levers && rc == PLANOMSORG_OK; l++)
            rc = planomsorg_mc_set_lever(mc, o->lever[l], o->dist[l], o->params[l],
                                         (size_t)o->n_params[l]);
        if (rc == PLANOMSORG_OK)
            rc = planomsorg_mc_run(mc, (int)o->draws, (unsigned long)o->seed, (int)o->threads);
        if (rc == PLANOMSORG_OK)
            rc = planomsorg_mc_write_csv(mc, path, NULL, 0);
        if (rc != PLANOMSORG_OK)
            status = cli_fail(rc);
        else if (copy_out(path, s <= 0) != 0)
            status = CLI_EXIT_FAILURE;
        planomsorg_mc_free(mc);
    }
    remove(path);
    planomsorg_estimate_free(est);
    return status;
}
