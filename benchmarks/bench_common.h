/* Set-up shared by the benchmark programs (benchmarks/meson.build builds bench_common.c
 * into each of them). Not part of the library. */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H

#include <planomsorg.h>

#include <stdio.h>
#include <stdlib.h>

/* Stops the program with the library's message when a call fails. */
#define CHECK(call)                                                                      \
    do {                                                                                 \
        int rc_ = (call);                                                                \
        if (rc_ != PLANOMSORG_OK) {                                                      \
            fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, planomsorg_error_last());  \
            exit(1);                                                                     \
        }                                                                                \
    } while (0)

/* Wall time in seconds (monotonic clock). */
double bench_now(void);

/* Runs the default plan of CODE (NULL or "0000" for Norway) for BASE..LAST with the
 * three bundles; *plan and *result are the caller's to free. */
void bench_default_plan(planomsorg_plan **plan, planomsorg_plan_result **result,
                        const char *code, int base, int last);

#endif
