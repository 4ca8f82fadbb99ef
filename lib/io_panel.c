/* Panel records (person, year, age, sex, level) -> transition counts; synthetic panels.
 * Format and bad-record rules: include/planomsorg/estimate.h and
 * docs/methods/estimation.md. */
#include "check.h"
#include "csvread.h"
#include "estimate_internal.h"
#include "staircase_internal.h"

#include "error.h"
#include "filewrite.h"
#include "planomsorg/population.h"

#include <math.h>
#include <stdint.h>
#include <gsl/gsl_rng.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rec {
    const char *person;
    int year, age, sex;
    int level; /* 0..K-1, or K for death */
    int died;  /* the `died` column */
    size_t row, line;
};

static int cmp_rec(const void *a, const void *b)
{
    const struct rec *x = a, *y = b;
    int c = strcmp(x->person, y->person);
    if (c != 0)
        return c;
    if (x->year != y->year)
        return x->year < y->year ? -1 : 1;
    return x->line < y->line ? -1 : x->line > y->line;
}

static int cmp_issue(const void *a, const void *b)
{
    const struct pl_issue *x = a, *y = b;
    return x->line < y->line ? -1 : x->line > y->line;
}

/* Records a bad row as an issue; the message is the library's last error. */
static int issue(planomsorg_estimate *est, size_t line, int kind, int code)
{
    return pl_estimate_add_issue(est, line, kind, code, planomsorg_error_last());
}

static int parse_sex(const pl_csv *csv, size_t row, size_t col, int *sex)
{
    char t[16];
    pl_csv_trim(pl_csv_field(csv, row, col), t, sizeof t);
    if (!strcmp(t, "female") || !strcmp(t, "f") || !strcmp(t, "k") || !strcmp(t, "0"))
        *sex = PLANOMSORG_SEX_FEMALE;
    else if (!strcmp(t, "male") || !strcmp(t, "m") || !strcmp(t, "1"))
        *sex = PLANOMSORG_SEX_MALE;
    else
        return pl_csv_error(csv, row, col + 1, PLANOMSORG_EVALUE,
                            "unknown sex '%s' (female/f/k/0 or male/m/1)", t);
    return PLANOMSORG_OK;
}

static int parse_level(const pl_csv *csv, size_t row, size_t col,
                       const planomsorg_staircase *sc, int *level)
{
    char t[PLANOMSORG_LEVEL_NAME_MAX + 2];
    pl_csv_trim(pl_csv_field(csv, row, col), t, sizeof t);
    if (!strcmp(t, "death") || !strcmp(t, "dead")) {
        *level = sc->n_levels;
        return PLANOMSORG_OK;
    }
    if (t[0] == '\0')
        return pl_csv_error(csv, row, col + 1, PLANOMSORG_EVALUE, "empty value (level)");
    if (planomsorg_staircase_find(level, sc, t) != PLANOMSORG_OK)
        return pl_csv_error(csv, row, col + 1, PLANOMSORG_ENOTFOUND,
                            "unknown level '%s' (not in the staircase, not 'death')", t);
    return PLANOMSORG_OK;
}

/* Parses the fields of one row; a failure is a VALUE or UNKNOWN_LEVEL issue. */
static int parse_row(const pl_csv *csv, size_t row, const size_t *cols, size_t died_col,
                     const planomsorg_staircase *sc, struct rec *r, int *kind)
{
    long v;
    int rc;
    *kind = PLANOMSORG_PANEL_ISSUE_VALUE;
    r->row = row;
    r->line = pl_csv_line(csv, row);
    r->person = pl_csv_field(csv, row, cols[0]);
    if (r->person[0] == '\0')
        return pl_csv_error(csv, row, cols[0] + 1, PLANOMSORG_EVALUE, "empty value (person)");
    if ((rc = pl_csv_long(csv, row, cols[1], PL_YEAR_MIN, PL_YEAR_MAX, &v)) != PLANOMSORG_OK)
        return rc;
    r->year = (int)v;
    if ((rc = pl_csv_long(csv, row, cols[2], 0, PLANOMSORG_MAX_AGE_LIMIT, &v)) != PLANOMSORG_OK)
        return rc;
    r->age = (int)v;
    if ((rc = parse_sex(csv, row, cols[3], &r->sex)) != PLANOMSORG_OK)
        return rc;
    r->died = 0;
    if (died_col != SIZE_MAX) {
        const char *f = pl_csv_field(csv, row, died_col);
        char t[8];
        pl_csv_trim(f, t, sizeof t);
        if (t[0] != '\0') {
            if ((rc = pl_csv_long(csv, row, died_col, 0, 1, &v)) != PLANOMSORG_OK)
                return rc;
            r->died = (int)v;
        }
    }
    rc = parse_level(csv, row, cols[4], sc, &r->level);
    if (rc == PLANOMSORG_ENOTFOUND)
        *kind = PLANOMSORG_PANEL_ISSUE_UNKNOWN_LEVEL;
    return rc;
}

/* Walks one person's rows (sorted by year): drops bad ones as issues, counts the
 * transitions between accepted rows of consecutive years. */
static int walk_person(planomsorg_estimate *est, const pl_csv *csv, struct rec *r, size_t n,
                       size_t *accepted)
{
    int K = est->K, rc;
    const struct rec *prev = NULL, *first = NULL;
    int dead = 0; /* the person has died (a death row, or died = 1 on the previous row) */
    for (size_t m = 0; m < n; m++) {
        struct rec *x = &r[m];
        if (first != NULL && x->sex != first->sex) {
            pl_csv_error(csv, x->row, 0, PLANOMSORG_EVALUE,
                         "person '%s': sex differs from line %zu", x->person, first->line);
            if ((rc = issue(est, x->line, PLANOMSORG_PANEL_ISSUE_SEX, PLANOMSORG_EVALUE)))
                return rc;
            continue;
        }
        if (prev != NULL && x->year == prev->year) {
            pl_csv_error(csv, x->row, 0, PLANOMSORG_EDUPLICATE,
                         "person '%s', year %d: duplicate record (first on line %zu)",
                         x->person, x->year, prev->line);
            if ((rc = issue(est, x->line, PLANOMSORG_PANEL_ISSUE_DUPLICATE, PLANOMSORG_EDUPLICATE)))
                return rc;
            continue;
        }
        /* A death row right after a row with died = 1 repeats the same death. */
        if (dead && prev != NULL && prev->died && x->level == K && x->year == prev->year + 1) {
            prev = x;
            (*accepted)++;
            continue;
        }
        if (dead) {
            pl_csv_error(csv, x->row, 0, PLANOMSORG_EVALUE,
                         "person '%s', year %d: record after the death recorded on line %zu",
                         x->person, x->year, prev->line);
            if ((rc = issue(est, x->line, PLANOMSORG_PANEL_ISSUE_AFTER_DEATH, PLANOMSORG_EVALUE)))
                return rc;
            continue;
        }
        if (prev != NULL) {
            int dy = x->year - prev->year, da = x->age - prev->age;
            if (da < 0 || (da > dy + 1 && x->age != PLANOMSORG_MAX_AGE_LIMIT)) {
                pl_csv_error(csv, x->row, 0, PLANOMSORG_EVALUE,
                             "person '%s': age %s from %d in %d (line %zu) to %d in %d",
                             x->person, da < 0 ? "goes backwards" : "jumps ahead", prev->age,
                             prev->year, prev->line, x->age, x->year);
                if ((rc = issue(est, x->line, PLANOMSORG_PANEL_ISSUE_AGE, PLANOMSORG_EVALUE)))
                    return rc;
                continue;
            }
            if (dy > 1) {
                /* The row is kept; only the transition across the gap is lost. */
                pl_csv_error(csv, x->row, 0, PLANOMSORG_EMISSING,
                             "person '%s': no record for %d%s%d between line %zu and this one",
                             x->person, prev->year + 1, dy > 2 ? ".." : "",
                             dy > 2 ? x->year - 1 : prev->year + 1, prev->line);
                if ((rc = issue(est, x->line, PLANOMSORG_PANEL_ISSUE_GAP, PLANOMSORG_EMISSING)))
                    return rc;
            } else if (prev->level < K) {
                int to = x->level == K ? PLANOMSORG_LEVEL_DEATH : x->level;
                if ((rc = planomsorg_estimate_add(est, prev->age, prev->sex, prev->level, to, 1.0)))
                    return rc;
            }
        }
        if (first == NULL)
            first = x;
        if (x->level == K)
            dead = 1;
        if (x->died && x->level < K) {
            if ((rc = planomsorg_estimate_add(est, x->age, x->sex, x->level,
                                              PLANOMSORG_LEVEL_DEATH, 1.0)))
                return rc;
            dead = 1;
        }
        prev = x;
        (*accepted)++;
    }
    return first != NULL ? 1 : 0;
}

static int read_panel(planomsorg_estimate *est, const pl_csv *csv, const planomsorg_staircase *sc,
                      unsigned flags)
{
    static const char *const names[5] = {"person", "year", "age", "sex", "level"};
    int K = est->K;
    size_t cols[5];
    int rc = pl_csv_header(csv, 0, names, 5, cols, 1);
    if (rc != PLANOMSORG_OK)
        return rc;
    size_t died_col = SIZE_MAX;
    for (size_t c = 0; c < pl_csv_n_fields(csv, 0); c++)
        if (pl_csv_field_is(pl_csv_field(csv, 0, c), "died"))
            died_col = c;
    size_t n_rows = pl_csv_n_rows(csv);
    struct rec *recs = calloc(n_rows, sizeof *recs);
    if (recs == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", pl_csv_source(csv));
    size_t n = 0;
    for (size_t row = 1; row < n_rows; row++) {
        int kind;
        rc = parse_row(csv, row, cols, died_col, sc, &recs[n], &kind);
        if (rc == PLANOMSORG_OK) {
            n++;
            continue;
        }
        if ((rc = issue(est, pl_csv_line(csv, row), kind, rc)) != PLANOMSORG_OK)
            goto done;
    }
    qsort(recs, n, sizeof *recs, cmp_rec);
    for (size_t lo = 0; lo < n;) {
        size_t hi = lo + 1;
        while (hi < n && strcmp(recs[hi].person, recs[lo].person) == 0)
            hi++;
        rc = walk_person(est, csv, recs + lo, hi - lo, &est->rows);
        if (rc < 0)
            goto done;
        est->persons += (size_t)rc;
        lo = hi;
    }
    rc = PLANOMSORG_OK;
    if (est->n_issues > 0) {
        qsort(est->issues, est->n_issues, sizeof *est->issues, cmp_issue);
        if (!(flags & PLANOMSORG_PANEL_SKIP_BAD))
            rc = pl_error(est->issues[0].code, "%s", est->issues[0].message);
    }
    /* Without one observed transition every probability would be the prior alone. */
    size_t n_cells = (size_t)est->n_bands * 2 * (size_t)K * (size_t)(K + 1);
    double total = 0;
    for (size_t c = 0; c < n_cells; c++)
        total += est->counts[c];
    if (rc == PLANOMSORG_OK && total <= 0)
        rc = pl_error(PLANOMSORG_EEMPTY, "%s: no transitions: no person has records in two "
                      "consecutive years%s", pl_csv_source(csv),
                      est->n_issues > 0 ? " once the bad records are dropped" : "");
done:
    free(recs);
    return rc;
}

static int panel_common(planomsorg_estimate **out, pl_csv *csv, const planomsorg_staircase *sc,
                        const int *band_lo, size_t n_bands, unsigned flags)
{
    planomsorg_estimate *est = NULL;
    int rc = planomsorg_estimate_new(&est, sc->n_levels, band_lo, n_bands);
    if (rc == PLANOMSORG_OK)
        rc = read_panel(est, csv, sc, flags);
    pl_csv_free(csv);
    if (rc != PLANOMSORG_OK) {
        planomsorg_estimate_free(est);
        return rc;
    }
    *out = est;
    return PLANOMSORG_OK;
}

static int check_args(planomsorg_estimate **out, const planomsorg_staircase *sc,
                      const int *band_lo, size_t n_bands, unsigned flags, const char *what)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    PL_CHECK_NULL(sc);
    if (sc->n_levels < 1)
        return pl_error(PLANOMSORG_EINVAL, "%s: the staircase has no levels", what);
    if (flags & ~PLANOMSORG_PANEL_FLAGS_ALL)
        return pl_error(PLANOMSORG_EINVAL, "%s: unknown flags 0x%x", what, flags);
    return pl_check_bands(band_lo, n_bands, what);
}

int planomsorg_estimate_read_panel_csv(planomsorg_estimate **out, const char *path,
                                       const planomsorg_staircase *sc, const int *band_lo,
                                       size_t n_bands, unsigned flags)
{
    int rc = check_args(out, sc, band_lo, n_bands, flags, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    PL_CHECK_NULL(path);
    pl_csv *csv = NULL;
    if ((rc = pl_csv_read_file(&csv, path, ',', 0)) != PLANOMSORG_OK)
        return rc;
    return panel_common(out, csv, sc, band_lo, n_bands, flags);
}

int planomsorg_estimate_parse_panel_csv(planomsorg_estimate **out, const char *text, size_t len,
                                        const char *source, const planomsorg_staircase *sc,
                                        const int *band_lo, size_t n_bands, unsigned flags)
{
    int rc = check_args(out, sc, band_lo, n_bands, flags, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    PL_CHECK_NULL(text);
    pl_csv *csv = NULL;
    if ((rc = pl_csv_parse(&csv, text, len, source, ',', 0)) != PLANOMSORG_OK)
        return rc;
    return panel_common(out, csv, sc, band_lo, n_bands, flags);
}

/* ---------- synthetic panels ---------- */

static int draw_categorical(gsl_rng *rng, const double *p, int K)
{
    double u = gsl_rng_uniform(rng), acc = 0;
    for (int k = 0; k < K - 1; k++) {
        acc += p[k];
        if (u < acc)
            return k;
    }
    /* The last level with positive probability takes the rounding remainder. */
    for (int k = K - 1; k > 0; k--)
        if (p[k] > 0)
            return k;
    return 0;
}

static int simulate_check(const planomsorg_transitions *tr, const planomsorg_staircase *sc,
                          const double *q, size_t n_q, const double *initial, size_t n_initial,
                          long n_persons, int age_lo, int age_hi, int first_year, int n_years)
{
    const char *f = "planomsorg_panel_simulate_csv";
    PL_CHECK_NULL(tr);
    PL_CHECK_NULL(sc);
    PL_CHECK_NULL(q);
    PL_CHECK_NULL(initial);
    int K = tr->n_levels;
    if (sc->n_levels != K)
        return pl_error(PLANOMSORG_EDIMENSION, "%s: staircase has %d levels, transitions %d", f,
                        sc->n_levels, K);
    if (n_q != (size_t)tr->n_bands * 2)
        return pl_error(PLANOMSORG_EDIMENSION, "%s: n_q is %zu, expected n_bands*2 = %d", f, n_q,
                        tr->n_bands * 2);
    if (n_initial != (size_t)K)
        return pl_error(PLANOMSORG_EDIMENSION, "%s: n_initial is %zu, expected K = %d", f,
                        n_initial, K);
    for (size_t m = 0; m < n_q; m++)
        if (!(q[m] >= 0 && q[m] <= 1))
            return pl_error(PLANOMSORG_EVALUE, "%s: q[%zu] = %g not in [0, 1]", f, m, q[m]);
    double sum = 0;
    for (int k = 0; k < K; k++) {
        if (!(initial[k] >= 0 && initial[k] <= 1))
            return pl_error(PLANOMSORG_EVALUE, "%s: initial[%d] = %g not in [0, 1]", f, k,
                            initial[k]);
        sum += initial[k];
    }
    if (fabs(sum - 1) > 1e-9)
        return pl_error(PLANOMSORG_EVALUE, "%s: initial shares sum to %.17g, not 1", f, sum);
    if (n_persons < 1 || n_persons > 100000000L)
        return pl_error(PLANOMSORG_ERANGE, "%s: n_persons %ld outside 1..10^8", f, n_persons);
    if (age_lo < 0 || age_hi < age_lo || age_hi > PLANOMSORG_MAX_AGE_LIMIT)
        return pl_error(PLANOMSORG_ERANGE, "%s: ages %d..%d not within 0..%d", f, age_lo, age_hi,
                        PLANOMSORG_MAX_AGE_LIMIT);
    if (first_year < PL_YEAR_MIN || n_years < 1 || n_years > 200 ||
        first_year + n_years > PL_YEAR_MAX)
        return pl_error(PLANOMSORG_ERANGE, "%s: years %d + %d outside %d..%d or 1..200", f,
                        first_year, n_years, PL_YEAR_MIN, PL_YEAR_MAX);
    return PLANOMSORG_OK;
}

int planomsorg_panel_simulate_csv(const char *path, const planomsorg_transitions *tr,
                                  const planomsorg_staircase *sc, const double *q, size_t n_q,
                                  const double *initial, size_t n_initial, long n_persons,
                                  int age_lo, int age_hi, int first_year, int n_years,
                                  unsigned long seed)
{
    PL_CHECK_NULL(path);
    int rc = simulate_check(tr, sc, q, n_q, initial, n_initial, n_persons, age_lo, age_hi,
                            first_year, n_years);
    if (rc != PLANOMSORG_OK)
        return rc;
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    if (rng == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    gsl_rng_set(rng, seed);
    FILE *f;
    rc = pl_file_create(&f, path, __func__);
    if (rc != PLANOMSORG_OK) {
        gsl_rng_free(rng);
        return rc;
    }
    int K = tr->n_levels;
    fputs("person,year,age,sex,level\n", f);
    for (long p = 0; p < n_persons; p++) {
        int sex = (int)(p % 2);
        int age = age_lo + (int)gsl_rng_uniform_int(rng, (unsigned long)(age_hi - age_lo + 1));
        int level = draw_categorical(rng, initial, K);
        const char *sx = sex == 0 ? "female" : "male";
        for (int t = 0; t < n_years; t++) {
            int year = first_year + t;
            fprintf(f, "%ld,%d,%d,%s,%s\n", p + 1, year, age, sx, sc->levels[level].name);
            if (t == n_years - 1)
                break;
            int b = pl_band_of_age(tr->band_lo, tr->n_bands, age);
            double dq = q[b * 2 + sex] * tr->mortality[level];
            int next_age = age < PLANOMSORG_MAX_AGE_LIMIT ? age + 1 : age;
            if (gsl_rng_uniform(rng) < (dq < 1 ? dq : 1)) {
                fprintf(f, "%ld,%d,%d,%s,death\n", p + 1, year + 1, next_age, sx);
                break;
            }
            const double *T = pl_transitions_matrix(tr, pl_transitions_slot(tr, year), b, sex);
            level = draw_categorical(rng, T + (size_t)level * (size_t)K, K);
            age = next_age;
        }
    }
    gsl_rng_free(rng);
    return pl_file_finish(f, PLANOMSORG_OK, path, __func__);
}
