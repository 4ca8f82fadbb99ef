/* The Markov staircase set-up shared by bench_markov.c and bench_mc.c (implemented in
 * bench_common.c). Not included by the plan benchmarks, which use other years. */
#ifndef BENCH_STAIRCASE_H
#define BENCH_STAIRCASE_H

#include "bench_common.h"

/* The coupled Markov staircase of bench_markov.c and bench_mc.c: 8 levels, ages 0-105,
 * 2026-2051, four age bands, relative mortality by level. */
#define K 8
#define A 105
#define BASE 2026
#define LAST 2051
#define NY (LAST - BASE + 1)
#define NB 4

extern const int band_lo[NB];
extern const double mu[K];

/* A plausible synthetic K x K matrix (row-major) for band b and sex s. */
void matrix(int b, int s, double *m);

struct region {
    planomsorg_population *pop;
    planomsorg_services *svc;
    double *q;  /* [NY-1][2][A+1] */
    double cap[2];
};

/* Projects the region's population, sets KOSTRA rates, Markov mode, the transitions, the
 * death probabilities and binding capacity on levels 6 and 7. */
void prepare(struct region *r, const char *code, const planomsorg_transitions *tr,
             const planomsorg_staircase *sc);

/* Frees the n regions reg[] holds, and reg. */
void free_regions(struct region *reg, int n);

/* Removes the files DIR/NAMES[i] left by an earlier run (write_doubles appends). */
void remove_files(const char *dir, const char *const *names, size_t n);

/* Appends n doubles to the file DIR/NAME (raw, native byte order). */
void write_doubles(const char *dir, const char *name, const double *v, size_t n);

#endif
