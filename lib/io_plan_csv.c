/* Writing a plan result as the long CSV `scenario,year,measure,level,group,value`
 * (layout in plan.h and docs/plan-file.md). */
#include "planomsorg/plan.h"

#include "error.h"
#include "filewrite.h"
#include "plan_internal.h"

#include <stdio.h>
#include <string.h>

static int write_row(FILE *f, const planomsorg_plan_result *r, int s, int year, int m, int level,
                     int group)
{
    double v = 0;
    int rc = planomsorg_plan_result_get(&v, r, s, year, m, level, group);
    if (rc != PLANOMSORG_OK)
        return rc;
    const char *ln = level == PLANOMSORG_PLAN_ALL ? "all" : planomsorg_staircase_level_name(r->sc, level);
    const char *gn = group == PLANOMSORG_PLAN_ALL ? "all" : r->groups[group];
    fprintf(f, "%s,%d,%s,%s,%s,%.17g\n", r->runs[s].name, year,
            planomsorg_plan_measure_name(m), ln, gn, v);
    return PLANOMSORG_OK;
}

static int write_all(FILE *f, const planomsorg_plan_result *r)
{
    int K = planomsorg_staircase_n_levels(r->sc);
    fputs("scenario,year,measure,level,group,value\n", f);
    for (int s = 0; s < r->n_runs; s++)
        for (int y = r->first_year; y <= r->last_year; y++)
            for (int m = 0; m < PLANOMSORG_N_MEASURES; m++) {
                int by_level = 0, by_group = 0;
                planomsorg_plan_measure_dims(&by_level, &by_group, m);
                int rc = write_row(f, r, s, y, m, PLANOMSORG_PLAN_ALL, PLANOMSORG_PLAN_ALL);
                for (int k = 0; by_level && k < K && rc == PLANOMSORG_OK; k++)
                    rc = write_row(f, r, s, y, m, k, PLANOMSORG_PLAN_ALL);
                for (int g = 0; by_group && g < r->n_groups && rc == PLANOMSORG_OK; g++)
                    rc = write_row(f, r, s, y, m, PLANOMSORG_PLAN_ALL, g);
                if (rc != PLANOMSORG_OK)
                    return rc;
            }
    return PLANOMSORG_OK;
}

int planomsorg_plan_result_write_csv(const planomsorg_plan_result *r, const char *path)
{
    PL_CHECK_NULL(r);
    PL_CHECK_NULL(path);
    FILE *f;
    int rc = pl_file_create(&f, path, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    return pl_file_finish(f, write_all(f, r), path, __func__);
}
