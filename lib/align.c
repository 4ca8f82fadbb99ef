/* Alignment of a single-age, by-sex population to age-group totals (align.h,
 * docs/methods/align.md). Core module: no file input or output. */
#include "planomsorg/align.h"

#include "error.h"
#include "population_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct planomsorg_align_report {
    int first_year;
    int n_years;
    int n_groups;
    int iterations;
    double *before;     /* [y][g] */
    double *after;      /* [y][g] */
    double *sex_before; /* [y][sex] */
    double *sex_after;  /* [y][sex] */
};

/* Everything both methods check and need: the age -> group map and the working copy. */
typedef struct {
    planomsorg_population *pop;
    int first_index; /* year index of first_year in pop */
    int n_years;
    int n_groups;
    int n_ages;
    int *group_of_age; /* -1 for ages in no group */
    double *work;      /* copy of the target years, layout as pop->persons */
} align_job;

static void job_free(align_job *job)
{
    free(job->group_of_age);
    free(job->work);
}

static int check_targets(const double *targets, int n_years, int n_groups, int first_year,
                         const char *what, const char *function)
{
    for (int y = 0; y < n_years; y++)
        for (int g = 0; g < n_groups; g++) {
            double t = targets[(size_t)y * (size_t)n_groups + (size_t)g];
            if (!isfinite(t) || t < 0)
                return pl_error(PLANOMSORG_EVALUE,
                                "%s: %s target %g of year %d, index %d is not a finite number >= 0",
                                function, what, t, first_year + y, g);
        }
    return PLANOMSORG_OK;
}

static int job_init(align_job *job, planomsorg_population *pop, int first_year, int n_years,
                    int n_groups, const int *age_lo, const int *age_hi, const double *targets,
                    const char *function)
{
    memset(job, 0, sizeof *job);
    PL_CHECK_NULL(pop);
    PL_CHECK_NULL(age_lo);
    PL_CHECK_NULL(age_hi);
    PL_CHECK_NULL(targets);
    if (n_years < 1 || n_groups < 1)
        return pl_error(PLANOMSORG_EINVAL, "%s: need at least one year and one group (got %d, %d)",
                        function, n_years, n_groups);
    int last_year = first_year + n_years - 1;
    if (first_year < pop->first_year || last_year > pop->first_year + pop->n_years - 1)
        return pl_error(PLANOMSORG_ERANGE,
                        "%s: target years %d-%d are not all held by the population (%d-%d)",
                        function, first_year, last_year, pop->first_year,
                        pop->first_year + pop->n_years - 1);
    job->pop = pop;
    job->first_index = first_year - pop->first_year;
    job->n_years = n_years;
    job->n_groups = n_groups;
    job->n_ages = pop->max_age + 1;
    job->group_of_age = malloc((size_t)job->n_ages * sizeof *job->group_of_age);
    if (job->group_of_age == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", function);
    for (int a = 0; a < job->n_ages; a++)
        job->group_of_age[a] = -1;
    for (int g = 0; g < n_groups; g++) {
        int lo = age_lo[g], hi = age_hi[g] == PLANOMSORG_AGE_OPEN ? pop->max_age : age_hi[g];
        if (lo < 0 || lo > pop->max_age || hi < lo || hi > pop->max_age) {
            job_free(job);
            return pl_error(PLANOMSORG_ERANGE,
                            "%s: group %d has ages %d..%d, outside 0..%d or reversed", function, g,
                            age_lo[g], age_hi[g], pop->max_age);
        }
        for (int a = lo; a <= hi; a++) {
            if (job->group_of_age[a] >= 0) {
                int other = job->group_of_age[a];
                job_free(job);
                return pl_error(PLANOMSORG_ECONSISTENCY,
                                "%s: groups %d (%d-%d) and %d (%d-%d) overlap at age %d", function,
                                other, age_lo[other], age_hi[other], g, age_lo[g], age_hi[g], a);
            }
            job->group_of_age[a] = g;
        }
    }
    int rc = check_targets(targets, n_years, n_groups, first_year, "group", function);
    if (rc != PLANOMSORG_OK) {
        job_free(job);
        return rc;
    }
    size_t cells = (size_t)n_years * 2 * (size_t)job->n_ages;
    job->work = malloc(cells * sizeof *job->work);
    if (job->work == NULL) {
        job_free(job);
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", function);
    }
    memcpy(job->work, pl_population_row(pop, job->first_index, 0), cells * sizeof *job->work);
    return PLANOMSORG_OK;
}

static double *work_row(const align_job *job, int y, int sex)
{
    return job->work + ((size_t)y * 2 + (size_t)sex) * (size_t)job->n_ages;
}

static void group_sums(const align_job *job, int y, double *sums)
{
    for (int g = 0; g < job->n_groups; g++)
        sums[g] = 0;
    for (int s = 0; s < 2; s++) {
        const double *row = work_row(job, y, s);
        for (int a = 0; a < job->n_ages; a++)
            if (job->group_of_age[a] >= 0)
                sums[job->group_of_age[a]] += row[a];
    }
}

static double sex_sum(const align_job *job, int y, int sex)
{
    double sum = 0;
    const double *row = work_row(job, y, sex);
    for (int a = 0; a < job->n_ages; a++)
        if (job->group_of_age[a] >= 0)
            sum += row[a];
    return sum;
}

/* One proportional step on the group margin of year y; sums is scratch of n_groups. */
static int scale_groups(align_job *job, int y, int year, const double *target, double *sums,
                        const char *function)
{
    group_sums(job, y, sums);
    for (int g = 0; g < job->n_groups; g++) {
        if (sums[g] <= 0 && target[g] > 0)
            return pl_error(PLANOMSORG_ECONSISTENCY,
                            "%s: group %d in %d holds no persons but its target is %g", function,
                            g, year, target[g]);
        sums[g] = sums[g] > 0 ? target[g] / sums[g] : 1.0;
    }
    for (int s = 0; s < 2; s++) {
        double *row = work_row(job, y, s);
        for (int a = 0; a < job->n_ages; a++)
            if (job->group_of_age[a] >= 0)
                row[a] *= sums[job->group_of_age[a]];
    }
    return PLANOMSORG_OK;
}

static int report_new(planomsorg_align_report **out, const align_job *job, int first_year,
                      const char *function)
{
    planomsorg_align_report *r = calloc(1, sizeof *r);
    size_t n = (size_t)job->n_years * (size_t)job->n_groups;
    size_t ns = (size_t)job->n_years * 2;
    if (r != NULL) {
        r->before = malloc(n * sizeof *r->before);
        r->after = malloc(n * sizeof *r->after);
        r->sex_before = malloc(ns * sizeof *r->sex_before);
        r->sex_after = malloc(ns * sizeof *r->sex_after);
    }
    if (r == NULL || r->before == NULL || r->after == NULL || r->sex_before == NULL ||
        r->sex_after == NULL) {
        planomsorg_align_report_free(r);
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", function);
    }
    r->first_year = first_year;
    r->n_years = job->n_years;
    r->n_groups = job->n_groups;
    r->iterations = 1;
    *out = r;
    return PLANOMSORG_OK;
}

/* Records the state of the working copy into before (when_after = 0) or after. */
static void report_record(planomsorg_align_report *r, const align_job *job, int when_after)
{
    for (int y = 0; y < job->n_years; y++) {
        double *groups = (when_after ? r->after : r->before) + (size_t)y * (size_t)job->n_groups;
        double *sexes = (when_after ? r->sex_after : r->sex_before) + (size_t)y * 2;
        group_sums(job, y, groups);
        for (int s = 0; s < 2; s++)
            sexes[s] = sex_sum(job, y, s);
    }
}

/* Runs the fit on the working copy, then commits it and the report; pop unchanged on failure. */
static int run(planomsorg_align_report **report, align_job *job, int first_year,
               const double *targets, const double *sex_targets, double tolerance, int max_iter,
               const char *function)
{
    planomsorg_align_report *r = NULL;
    double *sums = malloc((size_t)job->n_groups * sizeof *sums);
    if (sums == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", function);
    int rc = report_new(&r, job, first_year, function);
    if (rc != PLANOMSORG_OK)
        goto done;
    report_record(r, job, 0);
    int iterations = 1;
    for (int y = 0; y < job->n_years && rc == PLANOMSORG_OK; y++) {
        const double *t = targets + (size_t)y * (size_t)job->n_groups;
        rc = scale_groups(job, y, first_year + y, t, sums, function);
        if (sex_targets == NULL || rc != PLANOMSORG_OK)
            continue;
        double total = 0;
        for (int g = 0; g < job->n_groups; g++)
            total += t[g];
        int it = 1;
        for (;; it++) {
            for (int s = 0; s < 2; s++) {
                double cur = sex_sum(job, y, s), want = sex_targets[(size_t)y * 2 + (size_t)s];
                if (cur <= 0 && want > 0) {
                    rc = pl_error(PLANOMSORG_ECONSISTENCY,
                                  "%s: %s in %d hold no persons but their target is %g", function,
                                  s == 0 ? "women" : "men", first_year + y, want);
                    break;
                }
                double f = cur > 0 ? want / cur : 1.0;
                double *row = work_row(job, y, s);
                for (int a = 0; a < job->n_ages; a++)
                    row[a] *= f;
            }
            if (rc != PLANOMSORG_OK)
                break;
            group_sums(job, y, sums);
            double worst = 0;
            for (int g = 0; g < job->n_groups; g++)
                worst = fmax(worst, fabs(sums[g] - t[g]));
            if (worst <= tolerance * total)
                break;
            if (it >= max_iter) {
                rc = pl_error(PLANOMSORG_ECONVERGE,
                              "%s: margins of %d not met after %d iterations (largest group "
                              "difference %g persons)",
                              function, first_year + y, max_iter, worst);
                break;
            }
            rc = scale_groups(job, y, first_year + y, t, sums, function);
            if (rc != PLANOMSORG_OK)
                break;
        }
        if (it > iterations)
            iterations = it;
    }
    if (rc != PLANOMSORG_OK)
        goto done;
    report_record(r, job, 1);
    r->iterations = iterations;
    memcpy(pl_population_row(job->pop, job->first_index, 0), job->work,
           (size_t)job->n_years * 2 * (size_t)job->n_ages * sizeof *job->work);
    if (report != NULL) {
        *report = r;
        r = NULL;
    }
done:
    planomsorg_align_report_free(r);
    free(sums);
    return rc;
}

int planomsorg_align_groups(planomsorg_align_report **report, planomsorg_population *pop,
                            int first_year, int n_years, int n_groups, const int *age_lo,
                            const int *age_hi, const double *targets)
{
    if (report != NULL)
        *report = NULL;
    align_job job;
    int rc = job_init(&job, pop, first_year, n_years, n_groups, age_lo, age_hi, targets, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    rc = run(report, &job, first_year, targets, NULL, 0, 1, __func__);
    job_free(&job);
    return rc;
}

int planomsorg_align_groups_sex(planomsorg_align_report **report, planomsorg_population *pop,
                                int first_year, int n_years, int n_groups, const int *age_lo,
                                const int *age_hi, const double *targets,
                                const double *sex_targets, double tolerance, int max_iter)
{
    if (report != NULL)
        *report = NULL;
    PL_CHECK_NULL(sex_targets);
    if (!(tolerance > 0) || !isfinite(tolerance) || max_iter < 1)
        return pl_error(PLANOMSORG_EINVAL,
                        "%s: tolerance %g must be > 0 and max_iter %d >= 1", __func__, tolerance,
                        max_iter);
    align_job job;
    int rc = job_init(&job, pop, first_year, n_years, n_groups, age_lo, age_hi, targets, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    for (int a = 0; a < job.n_ages && rc == PLANOMSORG_OK; a++)
        if (job.group_of_age[a] < 0)
            rc = pl_error(PLANOMSORG_ECONSISTENCY,
                          "%s: age %d is in no group; sex totals need groups covering 0..%d",
                          __func__, a, pop->max_age);
    if (rc == PLANOMSORG_OK)
        rc = check_targets(sex_targets, n_years, 2, first_year, "sex", __func__);
    for (int y = 0; y < n_years && rc == PLANOMSORG_OK; y++) {
        double groups = 0, sexes = sex_targets[(size_t)y * 2] + sex_targets[(size_t)y * 2 + 1];
        for (int g = 0; g < n_groups; g++)
            groups += targets[(size_t)y * (size_t)n_groups + (size_t)g];
        if (fabs(groups - sexes) > 1e-9 * fmax(groups, sexes))
            rc = pl_error(PLANOMSORG_ECONSISTENCY,
                          "%s: in %d the group targets add up to %.17g but the sex targets to "
                          "%.17g",
                          __func__, first_year + y, groups, sexes);
    }
    if (rc == PLANOMSORG_OK)
        rc = run(report, &job, first_year, targets, sex_targets, tolerance, max_iter, __func__);
    job_free(&job);
    return rc;
}

void planomsorg_align_report_free(planomsorg_align_report *report)
{
    if (report == NULL)
        return;
    free(report->before);
    free(report->after);
    free(report->sex_before);
    free(report->sex_after);
    free(report);
}

int planomsorg_align_report_first_year(const planomsorg_align_report *report)
{
    return report == NULL ? 0 : report->first_year;
}

int planomsorg_align_report_n_years(const planomsorg_align_report *report)
{
    return report == NULL ? 0 : report->n_years;
}

int planomsorg_align_report_n_groups(const planomsorg_align_report *report)
{
    return report == NULL ? 0 : report->n_groups;
}

int planomsorg_align_report_iterations(const planomsorg_align_report *report)
{
    return report == NULL ? 0 : report->iterations;
}

static int report_year(const planomsorg_align_report *report, int year, const char *function)
{
    if (year < report->first_year || year >= report->first_year + report->n_years)
        return pl_error(PLANOMSORG_ERANGE, "%s: year %d outside the report's %d-%d", function,
                        year, report->first_year, report->first_year + report->n_years - 1);
    return PLANOMSORG_OK;
}

int planomsorg_align_report_group(const planomsorg_align_report *report, int year, int group,
                                  double *before, double *after, double *factor)
{
    PL_CHECK_NULL(report);
    int rc = report_year(report, year, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (group < 0 || group >= report->n_groups)
        return pl_error(PLANOMSORG_ERANGE, "%s: group %d outside 0..%d", __func__, group,
                        report->n_groups - 1);
    size_t i = (size_t)(year - report->first_year) * (size_t)report->n_groups + (size_t)group;
    if (before != NULL)
        *before = report->before[i];
    if (after != NULL)
        *after = report->after[i];
    if (factor != NULL)
        *factor = report->before[i] > 0 ? report->after[i] / report->before[i] : 1.0;
    return PLANOMSORG_OK;
}

int planomsorg_align_report_sex(const planomsorg_align_report *report, int year, int sex,
                                double *before, double *after)
{
    PL_CHECK_NULL(report);
    int rc = report_year(report, year, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    rc = pl_population_check_sex(sex, 0, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    size_t i = (size_t)(year - report->first_year) * 2 + (size_t)sex;
    if (before != NULL)
        *before = report->sex_before[i];
    if (after != NULL)
        *after = report->sex_after[i];
    return PLANOMSORG_OK;
}
