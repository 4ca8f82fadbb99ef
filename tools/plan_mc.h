/* planomsorg plan --draws: Monte Carlo percentile bands of every plan measure
 * (montecarlo.h, plan mode). Options are parsed here so that cmd_plan.c only forwards. */
#ifndef PLANOMSORG_TOOLS_PLAN_MC_H
#define PLANOMSORG_TOOLS_PLAN_MC_H

#include <planomsorg.h>

#define PLAN_MC_MAX_LEVERS 16

struct plan_mc_opts {
    long draws;   /* 0: no Monte Carlo */
    long seed;
    long threads; /* 0: all online processors */
    int n_levers;
    int lever[PLAN_MC_MAX_LEVERS];
    int dist[PLAN_MC_MAX_LEVERS];
    double params[PLAN_MC_MAX_LEVERS][4];
    int n_params[PLAN_MC_MAX_LEVERS];
    const char *panel;  /* --panel FILE: estimate transitions (Markov mode) and draw them */
    int band_lo[PLANOMSORG_MAX_AGE_BANDS]; /* --panel-bands (default 0,67,80,90) */
    int n_bands;
    int skip_bad;       /* --panel-skip-bad */
};

/* Usage text of the options (appended to planomsorg plan --help). */
extern const char plan_mc_usage[];

/* If argv[*i] is one of --draws, --seed, --threads, --lever, --panel, --panel-bands,
 * --panel-skip-bad: consumes it (and its value), returns 1, or -1 after printing a usage
 * error. Returns 0 for other arguments. */
int plan_mc_option(struct plan_mc_opts *o, int argc, char **argv, int *i);

/* Checks option combinations after parsing; returns 0 or -1 after a usage error. */
int plan_mc_check(const struct plan_mc_opts *o);

/* With --panel, estimates transitions from the panel and puts the plan in Markov mode
 * with their posterior means; then runs the Monte Carlo of every scenario of the plan and
 * writes the long CSV scenario,year,measure,level,group,value,mean,sd,p05,p50,p95 to
 * stdout. Returns a CLI exit status. */
int plan_mc_write(planomsorg_plan *plan, const struct plan_mc_opts *o);

#endif
