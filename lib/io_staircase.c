/* Reading transitions and capacity plans from CSV (formats in transitions.h and services.h). */
#include "staircase_internal.h"

#include "check.h"
#include "csvread.h"
#include "error.h"

#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define DEATH_REL "death_rel"

struct tr_entry {
    int year; /* PLANOMSORG_ANY_YEAR for every year */
    int age_from;
    int sex; /* 0, 1 or PLANOMSORG_SEX_BOTH */
    int from, to; /* to = -1 for a relative mortality */
    double p;
    size_t row;
};

static int has_column(const pl_csv *csv, const char *name)
{
    for (size_t c = 0; c < pl_csv_n_fields(csv, 0); c++)
        if (pl_csv_field_is(pl_csv_field(csv, 0, c), name))
            return 1;
    return 0;
}

static int parse_level(const pl_csv *csv, size_t row, size_t col, const planomsorg_staircase *sc,
                       int allow_death, int *level)
{
    char text[PLANOMSORG_LEVEL_NAME_MAX + 2];
    pl_csv_trim(pl_csv_field(csv, row, col), text, sizeof text);
    if (allow_death && strcmp(text, DEATH_REL) == 0) {
        *level = -1;
        return PLANOMSORG_OK;
    }
    if (planomsorg_staircase_find(level, sc, text) != PLANOMSORG_OK)
        return pl_csv_error(csv, row, col + 1, PLANOMSORG_ENOTFOUND, "unknown level '%s'", text);
    return PLANOMSORG_OK;
}

static int parse_sex(const pl_csv *csv, size_t row, size_t col, int *sex)
{
    char text[16];
    pl_csv_trim(pl_csv_field(csv, row, col), text, sizeof text);
    if (strcmp(text, "female") == 0)
        *sex = PLANOMSORG_SEX_FEMALE;
    else if (strcmp(text, "male") == 0)
        *sex = PLANOMSORG_SEX_MALE;
    else if (strcmp(text, "both") == 0)
        *sex = PLANOMSORG_SEX_BOTH;
    else
        return pl_csv_error(csv, row, col + 1, PLANOMSORG_EVALUE,
                            "unknown sex '%s' (female, male or both)", text);
    return PLANOMSORG_OK;
}

static int read_entries(const pl_csv *csv, const planomsorg_staircase *sc, struct tr_entry *e,
                        size_t *n_out)
{
    int with_year = has_column(csv, "year");
    const char *names[6] = {"age_from", "sex", "from", "to", "probability", "year"};
    size_t cols[6];
    int rc = pl_csv_header(csv, 0, names, with_year ? 6 : 5, cols, 0);
    if (rc != PLANOMSORG_OK)
        return rc;
    size_t n = 0;
    size_t n_fields = with_year ? 6 : 5;
    for (size_t row = 1; row < pl_csv_n_rows(csv); row++) {
        rc = pl_csv_expect_fields(csv, row, n_fields);
        if (rc != PLANOMSORG_OK)
            return rc;
        struct tr_entry *t = &e[n];
        t->row = row;
        rc = parse_level(csv, row, cols[2], sc, 0, &t->from);
        if (rc == PLANOMSORG_OK)
            rc = parse_level(csv, row, cols[3], sc, 1, &t->to);
        if (rc != PLANOMSORG_OK)
            return rc;
        rc = pl_csv_double(csv, row, cols[4], 1, &t->p);
        if (rc != PLANOMSORG_OK)
            return rc;
        if (t->to == -1) {
            n++;
            continue; /* band, sex and year of a mortality row are ignored */
        }
        if (t->p > 1.0)
            return pl_csv_error(csv, row, cols[4] + 1, PLANOMSORG_EVALUE,
                                "probability %g is above 1", t->p);
        long v;
        rc = pl_csv_long(csv, row, cols[0], 0, PLANOMSORG_MAX_AGE_LIMIT, &v);
        if (rc != PLANOMSORG_OK)
            return rc;
        t->age_from = (int)v;
        rc = parse_sex(csv, row, cols[1], &t->sex);
        if (rc != PLANOMSORG_OK)
            return rc;
        t->year = PLANOMSORG_ANY_YEAR;
        if (with_year) {
            char text[8];
            pl_csv_trim(pl_csv_field(csv, row, cols[5]), text, sizeof text);
            if (text[0] != '\0' && strcmp(text, "*") != 0) {
                rc = pl_csv_long(csv, row, cols[5], PL_YEAR_MIN, PL_YEAR_MAX, &v);
                if (rc != PLANOMSORG_OK)
                    return rc;
                t->year = (int)v;
            }
        }
        n++;
    }
    *n_out = n;
    return PLANOMSORG_OK;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static const char *sex_text(int s)
{
    return s == 0 ? "female" : "male";
}

/* Builds the transitions from parsed entries (all checks that span rows). */
static int build_transitions(planomsorg_transitions **out, const pl_csv *csv,
                             const planomsorg_staircase *sc, const struct tr_entry *e, size_t n)
{
    int K = sc->n_levels;
    int bands[PLANOMSORG_MAX_AGE_LIMIT + 1];
    int n_bands = 0, y_min = 0, y_max = 0;
    unsigned char seen_age[PLANOMSORG_MAX_AGE_LIMIT + 1] = {0};
    for (size_t i = 0; i < n; i++) {
        if (e[i].to == -1)
            continue;
        if (!seen_age[e[i].age_from]) {
            seen_age[e[i].age_from] = 1;
            bands[n_bands++] = e[i].age_from;
        }
        if (e[i].year != PLANOMSORG_ANY_YEAR) {
            if (y_min == 0 || e[i].year < y_min)
                y_min = e[i].year;
            if (e[i].year > y_max)
                y_max = e[i].year;
        }
    }
    if (n_bands == 0)
        bands[n_bands++] = 0;
    qsort(bands, (size_t)n_bands, sizeof bands[0], cmp_int);
    if (bands[0] != 0)
        return pl_error(PLANOMSORG_EMISSING, "%s: no band starts at age 0 (lowest age_from is %d)",
                        pl_csv_source(csv), bands[0]);
    int n_years = y_min == 0 ? 0 : y_max - y_min + 1;
    if (n_years > 500)
        return pl_error(PLANOMSORG_ERANGE, "%s: years %d..%d span more than 500 years",
                        pl_csv_source(csv), y_min, y_max);
    for (int y = y_min; n_years > 0 && y <= y_max; y++) {
        int found = 0;
        for (size_t i = 0; i < n && !found; i++)
            found = e[i].to != -1 && e[i].year == y;
        if (!found)
            return pl_error(PLANOMSORG_EMISSING, "%s: no rows for year %d (years must be consecutive)",
                            pl_csv_source(csv), y);
    }
    planomsorg_transitions *tr = NULL;
    int rc = planomsorg_transitions_new(&tr, K, bands, (size_t)n_bands, y_min, n_years);
    if (rc != PLANOMSORG_OK)
        return rc;
    int slots = n_years == 0 ? 1 : n_years;
    size_t n_rows = (size_t)slots * (size_t)n_bands * 2 * (size_t)K;
    size_t *cell_row = calloc(n_rows * (size_t)K, sizeof *cell_row); /* csv row + 1, 0 = unset */
    unsigned char *touched = calloc(n_rows, 1);
    size_t *mort_row = calloc((size_t)K, sizeof *mort_row);
    if (cell_row == NULL || touched == NULL || mort_row == NULL) {
        rc = pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", pl_csv_source(csv));
        goto done;
    }
    /* Rows of the matrices start empty when touched; fill the listed cells. */
    for (size_t i = 0; i < n && rc == PLANOMSORG_OK; i++) {
        if (e[i].to == -1) {
            if (mort_row[e[i].from] != 0) {
                rc = pl_csv_error(csv, e[i].row, 0, PLANOMSORG_EDUPLICATE,
                                  "relative mortality of level '%s' given twice (also line %zu)",
                                  sc->levels[e[i].from].name, pl_csv_line(csv, mort_row[e[i].from] - 1));
                break;
            }
            mort_row[e[i].from] = e[i].row + 1;
            tr->mortality[e[i].from] = e[i].p;
            continue;
        }
        int b = pl_band_of_age(bands, n_bands, e[i].age_from);
        int s0 = e[i].sex == PLANOMSORG_SEX_BOTH ? 0 : e[i].sex;
        int s1 = e[i].sex == PLANOMSORG_SEX_BOTH ? 1 : e[i].sex;
        int t0 = e[i].year == PLANOMSORG_ANY_YEAR ? 0 : e[i].year - y_min;
        int t1 = e[i].year == PLANOMSORG_ANY_YEAR ? slots - 1 : t0;
        for (int t = t0; t <= t1 && rc == PLANOMSORG_OK; t++)
            for (int s = s0; s <= s1 && rc == PLANOMSORG_OK; s++) {
                size_t r = (((size_t)t * (size_t)n_bands + (size_t)b) * 2 + (size_t)s) * (size_t)K +
                           (size_t)e[i].from;
                size_t c = r * (size_t)K + (size_t)e[i].to;
                if (cell_row[c] != 0) {
                    rc = pl_csv_error(csv, e[i].row, 0, PLANOMSORG_EDUPLICATE,
                                      "transition %s -> %s, band from age %d, sex %s given twice "
                                      "(also line %zu)",
                                      sc->levels[e[i].from].name, sc->levels[e[i].to].name, bands[b],
                                      sex_text(s), pl_csv_line(csv, cell_row[c] - 1));
                    break;
                }
                cell_row[c] = e[i].row + 1;
                double *m = pl_transitions_matrix(tr, t, b, s);
                double *row = m + (size_t)e[i].from * (size_t)K;
                if (!touched[r]) {
                    touched[r] = 1;
                    memset(row, 0, (size_t)K * sizeof *row);
                }
                row[e[i].to] = e[i].p;
            }
    }
    if (rc == PLANOMSORG_OK) {
        double sum_mu = 0;
        for (int k = 0; k < K; k++)
            sum_mu += tr->mortality[k];
        if (!(sum_mu > 0))
            rc = pl_error(PLANOMSORG_EVALUE, "%s: every relative mortality is 0", pl_csv_source(csv));
    }
    for (size_t r = 0; r < n_rows && rc == PLANOMSORG_OK; r++) {
        if (!touched[r])
            continue;
        int from = (int)(r % (size_t)K);
        int s = (int)((r / (size_t)K) % 2);
        int b = (int)((r / (size_t)K / 2) % (size_t)n_bands);
        int t = (int)(r / (size_t)K / 2 / (size_t)n_bands);
        const double *row = pl_transitions_matrix(tr, t, b, s) + (size_t)from * (size_t)K;
        double sum = 0;
        for (int j = 0; j < K; j++)
            sum += row[j];
        if (fabs(sum - 1.0) > PLANOMSORG_STOCHASTIC_TOL) {
            char year_text[24];
            if (n_years == 0)
                strcpy(year_text, "all years");
            else
                snprintf(year_text, sizeof year_text, "%d", y_min + t);
            rc = pl_error(PLANOMSORG_ESTOCHASTIC,
                          "%s: year %s, band from age %d, sex %s, row from level '%s' sums to %.17g, "
                          "not 1",
                          pl_csv_source(csv), year_text, bands[b], sex_text(s), sc->levels[from].name,
                          sum);
        }
    }
done:
    free(cell_row);
    free(touched);
    free(mort_row);
    if (rc != PLANOMSORG_OK) {
        planomsorg_transitions_free(tr);
        return rc;
    }
    *out = tr;
    return PLANOMSORG_OK;
}

static int transitions_from_csv(planomsorg_transitions **out, pl_csv *csv,
                                const planomsorg_staircase *sc)
{
    size_t n_rows = pl_csv_n_rows(csv);
    struct tr_entry *e = malloc((n_rows > 0 ? n_rows : 1) * sizeof *e);
    if (e == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", pl_csv_source(csv));
    size_t n = 0;
    int rc = read_entries(csv, sc, e, &n);
    if (rc == PLANOMSORG_OK && n == 0)
        rc = pl_error(PLANOMSORG_EEMPTY, "%s: no rows after the header", pl_csv_source(csv));
    if (rc == PLANOMSORG_OK)
        rc = build_transitions(out, csv, sc, e, n);
    free(e);
    return rc;
}

int planomsorg_transitions_read_csv(planomsorg_transitions **out, const char *path,
                                    const planomsorg_staircase *sc)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    PL_CHECK_NULL(path);
    PL_CHECK_NULL(sc);
    pl_csv *csv = NULL;
    int rc = pl_csv_read_file(&csv, path, ',', 0);
    if (rc != PLANOMSORG_OK)
        return rc;
    rc = transitions_from_csv(out, csv, sc);
    pl_csv_free(csv);
    return rc;
}

int planomsorg_transitions_parse_csv(planomsorg_transitions **out, const char *text, size_t len,
                                     const char *source, const planomsorg_staircase *sc)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    PL_CHECK_NULL(text);
    PL_CHECK_NULL(sc);
    pl_csv *csv = NULL;
    int rc = pl_csv_parse(&csv, text, len, source, ',', 0);
    if (rc != PLANOMSORG_OK)
        return rc;
    rc = transitions_from_csv(out, csv, sc);
    pl_csv_free(csv);
    return rc;
}

/* ---- capacity ---- */

struct cap_entry {
    int level, year;
    double places;
    size_t row;
};

static int cmp_cap(const void *a, const void *b)
{
    const struct cap_entry *x = a, *y = b;
    if (x->level != y->level)
        return (x->level > y->level) - (x->level < y->level);
    return (x->year > y->year) - (x->year < y->year);
}

static int capacity_from_csv(planomsorg_services *svc, const pl_csv *csv)
{
    const char *names[3] = {"year", "level", "places"};
    size_t cols[3];
    int rc = pl_csv_header(csv, 0, names, 3, cols, 0);
    if (rc != PLANOMSORG_OK)
        return rc;
    size_t n_rows = pl_csv_n_rows(csv);
    if (n_rows < 2)
        return pl_error(PLANOMSORG_EEMPTY, "%s: no rows after the header", pl_csv_source(csv));
    struct cap_entry *e = malloc(n_rows * sizeof *e);
    if (e == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", pl_csv_source(csv));
    size_t n = 0;
    for (size_t row = 1; row < n_rows && rc == PLANOMSORG_OK; row++) {
        rc = pl_csv_expect_fields(csv, row, 3);
        long year = 0;
        if (rc == PLANOMSORG_OK)
            rc = pl_csv_long(csv, row, cols[0], PL_YEAR_MIN, PL_YEAR_MAX, &year);
        if (rc == PLANOMSORG_OK)
            rc = parse_level(csv, row, cols[1], &svc->sc, 0, &e[n].level);
        if (rc == PLANOMSORG_OK && e[n].level == svc->residual)
            rc = pl_csv_error(csv, row, cols[1] + 1, PLANOMSORG_ECONSISTENCY,
                              "level '%s' is the residual level and cannot have places",
                              svc->sc.levels[e[n].level].name);
        if (rc == PLANOMSORG_OK)
            rc = pl_csv_double(csv, row, cols[2], 1, &e[n].places);
        e[n].year = (int)year;
        e[n].row = row;
        n++;
    }
    if (rc == PLANOMSORG_OK) {
        qsort(e, n, sizeof *e, cmp_cap);
        for (size_t i = 1; i < n && rc == PLANOMSORG_OK; i++) {
            if (e[i].level != e[i - 1].level)
                continue;
            if (e[i].year == e[i - 1].year)
                rc = pl_csv_error(csv, e[i].row, cols[0] + 1, PLANOMSORG_EDUPLICATE,
                                  "level '%s', year %d given twice (also line %zu)",
                                  svc->sc.levels[e[i].level].name, e[i].year,
                                  pl_csv_line(csv, e[i - 1].row));
            else if (e[i].year != e[i - 1].year + 1)
                rc = pl_error(PLANOMSORG_EMISSING,
                              "%s: level '%s' has no places for year %d (years must be consecutive)",
                              pl_csv_source(csv), svc->sc.levels[e[i].level].name,
                              e[i - 1].year + 1);
        }
    }
    /* All checked: replace the plans of the levels in the file. */
    for (size_t i = 0; i < n && rc == PLANOMSORG_OK;) {
        size_t j = i;
        double places[500];
        while (j < n && e[j].level == e[i].level && j - i < 500) {
            places[j - i] = e[j].places;
            j++;
        }
        rc = planomsorg_services_set_capacity(svc, e[i].level, places, e[i].year, (int)(j - i));
        i = j;
    }
    free(e);
    return rc;
}

int planomsorg_services_read_capacity_csv(planomsorg_services *svc, const char *path)
{
    PL_CHECK_NULL(svc);
    PL_CHECK_NULL(path);
    pl_csv *csv = NULL;
    int rc = pl_csv_read_file(&csv, path, ',', 0);
    if (rc != PLANOMSORG_OK)
        return rc;
    rc = capacity_from_csv(svc, csv);
    pl_csv_free(csv);
    return rc;
}

int planomsorg_services_parse_capacity_csv(planomsorg_services *svc, const char *text, size_t len,
                                           const char *source)
{
    PL_CHECK_NULL(svc);
    PL_CHECK_NULL(text);
    pl_csv *csv = NULL;
    int rc = pl_csv_parse(&csv, text, len, source, ',', 0);
    if (rc != PLANOMSORG_OK)
        return rc;
    rc = capacity_from_csv(svc, csv);
    pl_csv_free(csv);
    return rc;
}
