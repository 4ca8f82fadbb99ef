/* Reader of SSB's population projections by region, alternative, year and age group
 * (ssbproj.h). Rows come from the internal CSV layer (csvread.h). */
#include "planomsorg/ssbproj.h"

#include "csvread.h"
#include "error.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GROUPS_MAX 64

typedef struct {
    int lo, hi; /* hi = PLANOMSORG_AGE_OPEN for the open group */
    char *label;
} ssb_group;

struct planomsorg_ssbproj {
    int round;
    int first_year, n_years;
    int n_regions;
    char **regions;
    int has_alt[PLANOMSORG_SSBPROJ_N_ALTERNATIVES];
    int n_groups;
    ssb_group groups[GROUPS_MAX];
    double *values; /* [region][alternative][year][group]; all alternatives allocated */
};

static const struct {
    const char *name, *code, *label;
} alternatives[PLANOMSORG_SSBPROJ_N_ALTERNATIVES] = {
    [PLANOMSORG_SSBPROJ_MAIN] = {"main", "MMMM", "Hovedalternativet (MMMM)"},
    [PLANOMSORG_SSBPROJ_LOW] = {"low", "LLML", "Lav nasjonal vekst (LLML)"},
    [PLANOMSORG_SSBPROJ_HIGH] = {"high", "HHMH", "Høy nasjonal vekst (HHMH)"},
    [PLANOMSORG_SSBPROJ_OBSERVED] = {"observed", NULL, "Personer"},
};

static const char *const columns[] = {"region", "statistikkvariabel", "år", "alder", "value"};
enum { COL_REGION, COL_ALT, COL_YEAR, COL_AGE, COL_VALUE, N_COLS };

static size_t cell_index(const planomsorg_ssbproj *p, int r, int alt, int y, int g)
{
    return (((size_t)r * PLANOMSORG_SSBPROJ_N_ALTERNATIVES + (size_t)alt) * (size_t)p->n_years +
            (size_t)y) * (size_t)p->n_groups + (size_t)g;
}

void planomsorg_ssbproj_free(planomsorg_ssbproj *proj)
{
    if (proj == NULL)
        return;
    for (int r = 0; r < proj->n_regions; r++)
        free(proj->regions[r]);
    free(proj->regions);
    for (int g = 0; g < proj->n_groups; g++)
        free(proj->groups[g].label);
    free(proj->values);
    free(proj);
}

/* The alternative of a statistikkvariabel label, or -1. */
static int alternative_of_label(const char *text)
{
    for (int a = 0; a < PLANOMSORG_SSBPROJ_N_ALTERNATIVES; a++) {
        if (alternatives[a].code != NULL) {
            char paren[8];
            snprintf(paren, sizeof paren, "(%s)", alternatives[a].code);
            if (strstr(text, paren) != NULL)
                return a;
        }
    }
    if (strcmp(text, "Personer") == 0 || strcmp(text, "Persons") == 0)
        return PLANOMSORG_SSBPROJ_OBSERVED;
    return -1;
}

/* Parses a whole non-negative decimal number at *s (at most 3 digits); advances *s. */
static int parse_age(const char **s, int *out)
{
    const char *p = *s;
    int v = 0, digits = 0;
    while (isdigit((unsigned char)*p) && digits < 4) {
        v = v * 10 + (*p - '0');
        p++;
        digits++;
    }
    if (digits == 0 || digits > 3)
        return -1;
    *s = p;
    *out = v;
    return 0;
}

/* "N år", "N-M år", "N år eller eldre" (and "N years", "N-M years", "N years or older"). */
static int parse_group(const char *text, int *lo, int *hi)
{
    const char *p = text;
    while (*p == ' ')
        p++;
    if (parse_age(&p, lo) != 0)
        return -1;
    *hi = *lo;
    if (*p == '-') {
        p++;
        if (parse_age(&p, hi) != 0 || *hi < *lo)
            return -1;
    }
    static const char *const closed[] = {" år", " years", " year"};
    static const char *const open[] = {" år eller eldre", " år og eldre", " years or older",
                                       " years and over"};
    for (size_t i = 0; i < sizeof open / sizeof *open; i++)
        if (*hi == *lo && strcmp(p, open[i]) == 0) {
            *hi = PLANOMSORG_AGE_OPEN;
            return 0;
        }
    for (size_t i = 0; i < sizeof closed / sizeof *closed; i++)
        if (strcmp(p, closed[i]) == 0)
            return 0;
    return -1;
}

static int find_label(const planomsorg_ssbproj *p, const char *label)
{
    for (int g = 0; g < p->n_groups; g++)
        if (strcmp(p->groups[g].label, label) == 0)
            return g;
    return -1;
}

static int find_region_exact(const planomsorg_ssbproj *p, const char *name, int hint)
{
    if (hint >= 0 && hint < p->n_regions && strcmp(p->regions[hint], name) == 0)
        return hint;
    for (int r = 0; r < p->n_regions; r++)
        if (strcmp(p->regions[r], name) == 0)
            return r;
    return -1;
}

static char *dup_string(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d != NULL)
        memcpy(d, s, n);
    return d;
}

static int add_region(planomsorg_ssbproj *p, const char *name)
{
    char **grown = realloc(p->regions, (size_t)(p->n_regions + 1) * sizeof *grown);
    if (grown == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "planomsorg_ssbproj: out of memory");
    p->regions = grown;
    p->regions[p->n_regions] = dup_string(name);
    if (p->regions[p->n_regions] == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "planomsorg_ssbproj: out of memory");
    p->n_regions++;
    return PLANOMSORG_OK;
}

static int by_age(const void *a, const void *b)
{
    const ssb_group *x = a, *y = b;
    return (x->lo > y->lo) - (x->lo < y->lo);
}

/* Pass 1: regions, alternatives, years, groups, round; checks every field but the cells. */
static int scan(planomsorg_ssbproj *p, const pl_csv *csv, const size_t *col, long round_col)
{
    size_t n_rows = pl_csv_n_rows(csv), n_fields = pl_csv_n_fields(csv, 0);
    int min_year = 0, max_year = 0, hint = -1;
    for (size_t row = 1; row < n_rows; row++) {
        int rc = pl_csv_expect_fields(csv, row, n_fields);
        if (rc != PLANOMSORG_OK)
            return rc;
        const char *region = pl_csv_field(csv, row, col[COL_REGION]);
        if (region[0] == '\0')
            return pl_csv_error(csv, row, col[COL_REGION] + 1, PLANOMSORG_EVALUE, "empty region");
        hint = find_region_exact(p, region, hint);
        if (hint < 0) {
            rc = add_region(p, region);
            if (rc != PLANOMSORG_OK)
                return rc;
            hint = p->n_regions - 1;
        }
        const char *alt_text = pl_csv_field(csv, row, col[COL_ALT]);
        int alt = alternative_of_label(alt_text);
        if (alt < 0)
            return pl_csv_error(csv, row, col[COL_ALT] + 1, PLANOMSORG_EVALUE,
                                "unknown alternative '%s' (expected a label with (MMMM), "
                                "(LLML) or (HHMH), or Personer)",
                                alt_text);
        p->has_alt[alt] = 1;
        long year;
        rc = pl_csv_long(csv, row, col[COL_YEAR], 1800, 2300, &year);
        if (rc != PLANOMSORG_OK)
            return rc;
        if (row == 1 || year < min_year)
            min_year = (int)year;
        if (row == 1 || year > max_year)
            max_year = (int)year;
        const char *label = pl_csv_field(csv, row, col[COL_AGE]);
        if (find_label(p, label) < 0) {
            int lo, hi;
            if (parse_group(label, &lo, &hi) != 0)
                return pl_csv_error(csv, row, col[COL_AGE] + 1, PLANOMSORG_EVALUE,
                                    "age group '%s' is not 'N år', 'N-M år' or 'N år eller eldre'",
                                    label);
            if (p->n_groups == GROUPS_MAX)
                return pl_csv_error(csv, row, col[COL_AGE] + 1, PLANOMSORG_EFORMAT,
                                    "more than %d age groups", GROUPS_MAX);
            p->groups[p->n_groups].label = dup_string(label);
            if (p->groups[p->n_groups].label == NULL)
                return pl_error(PLANOMSORG_ENOMEM, "planomsorg_ssbproj: out of memory");
            p->groups[p->n_groups].lo = lo;
            p->groups[p->n_groups].hi = hi;
            p->n_groups++;
        }
        double value;
        rc = pl_csv_double(csv, row, col[COL_VALUE], 1, &value);
        if (rc != PLANOMSORG_OK)
            return rc;
        if (round_col >= 0) {
            long r;
            rc = pl_csv_long(csv, row, (size_t)round_col, 1800, 2300, &r);
            if (rc != PLANOMSORG_OK)
                return rc;
            if (row > 1 && r != p->round)
                return pl_csv_error(csv, row, (size_t)round_col + 1, PLANOMSORG_EFORMAT,
                                    "projection round %ld differs from %d on the first row "
                                    "(one round per file)",
                                    r, p->round);
            p->round = (int)r;
        }
    }
    p->first_year = min_year;
    p->n_years = max_year - min_year + 1;
    qsort(p->groups, (size_t)p->n_groups, sizeof *p->groups, by_age);
    for (int g = 0; g < p->n_groups; g++) {
        const ssb_group *a = &p->groups[g];
        if (g + 1 < p->n_groups && (a->hi == PLANOMSORG_AGE_OPEN || a->hi >= p->groups[g + 1].lo))
            return pl_error(PLANOMSORG_EFORMAT, "%s: age groups '%s' and '%s' overlap",
                            pl_csv_source(csv), a->label, p->groups[g + 1].label);
    }
    return PLANOMSORG_OK;
}

static int fill(planomsorg_ssbproj *p, const pl_csv *csv, const size_t *col)
{
    size_t n = (size_t)p->n_regions * PLANOMSORG_SSBPROJ_N_ALTERNATIVES * (size_t)p->n_years *
               (size_t)p->n_groups;
    /* A complete table has one row per cell. Far fewer rows than cells (a stray year
     * 2300, many one-row regions) is reported without allocating the whole grid. */
    int n_alt = 0;
    for (int a = 0; a < PLANOMSORG_SSBPROJ_N_ALTERNATIVES; a++)
        n_alt += p->has_alt[a];
    size_t need = (size_t)p->n_regions * (size_t)n_alt * (size_t)p->n_years * (size_t)p->n_groups;
    size_t rows = pl_csv_n_rows(csv) - 1;
    if (need > 2 * rows + 1024)
        return pl_error(PLANOMSORG_EMISSING,
                        "%s: missing cells: %d regions x %d alternatives x %d years (%d-%d) x %d "
                        "age groups need %zu rows, the file has %zu",
                        pl_csv_source(csv), p->n_regions, n_alt, p->n_years, p->first_year,
                        p->first_year + p->n_years - 1, p->n_groups, need, rows);
    size_t *lines = calloc(n, sizeof *lines);
    p->values = malloc(n * sizeof *p->values);
    if (lines == NULL || p->values == NULL) {
        free(lines);
        return pl_error(PLANOMSORG_ENOMEM, "planomsorg_ssbproj: out of memory");
    }
    int rc = PLANOMSORG_OK, hint = -1;
    for (size_t row = 1; row < pl_csv_n_rows(csv) && rc == PLANOMSORG_OK; row++) {
        long year;
        double value;
        hint = find_region_exact(p, pl_csv_field(csv, row, col[COL_REGION]), hint);
        int alt = alternative_of_label(pl_csv_field(csv, row, col[COL_ALT]));
        int g = find_label(p, pl_csv_field(csv, row, col[COL_AGE]));
        pl_csv_long(csv, row, col[COL_YEAR], 1800, 2300, &year);
        pl_csv_double(csv, row, col[COL_VALUE], 1, &value);
        size_t i = cell_index(p, hint, alt, (int)year - p->first_year, g);
        if (lines[i] != 0)
            rc = pl_csv_error(csv, row, 0, PLANOMSORG_EDUPLICATE,
                              "duplicate cell: region '%s', %s, year %ld, age group '%s' "
                              "already given on line %zu",
                              p->regions[hint], alternatives[alt].label, year, p->groups[g].label,
                              lines[i]);
        lines[i] = pl_csv_line(csv, row);
        p->values[i] = value;
    }
    for (int r = 0; r < p->n_regions && rc == PLANOMSORG_OK; r++)
        for (int a = 0; a < PLANOMSORG_SSBPROJ_N_ALTERNATIVES && rc == PLANOMSORG_OK; a++) {
            if (!p->has_alt[a])
                continue;
            for (int y = 0; y < p->n_years && rc == PLANOMSORG_OK; y++)
                for (int g = 0; g < p->n_groups && rc == PLANOMSORG_OK; g++)
                    if (lines[cell_index(p, r, a, y, g)] == 0)
                        rc = pl_error(PLANOMSORG_EMISSING,
                                      "%s: missing cell: region '%s', %s, year %d, age group '%s'",
                                      pl_csv_source(csv), p->regions[r], alternatives[a].label,
                                      p->first_year + y, p->groups[g].label);
        }
    free(lines);
    return rc;
}

static int from_csv(planomsorg_ssbproj **out, const pl_csv *csv)
{
    size_t col[N_COLS];
    int rc = pl_csv_header(csv, 0, columns, N_COLS, col, 1);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (pl_csv_n_rows(csv) < 2)
        return pl_error(PLANOMSORG_EEMPTY, "%s: a header but no rows", pl_csv_source(csv));
    long round_col = -1;
    for (size_t c = 0; c < pl_csv_n_fields(csv, 0); c++)
        if (strcmp(pl_csv_field(csv, 0, c), "Framskriving") == 0)
            round_col = (long)c;
    planomsorg_ssbproj *p = calloc(1, sizeof *p);
    if (p == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "planomsorg_ssbproj: out of memory");
    rc = scan(p, csv, col, round_col);
    if (rc == PLANOMSORG_OK)
        rc = fill(p, csv, col);
    if (rc != PLANOMSORG_OK) {
        planomsorg_ssbproj_free(p);
        return rc;
    }
    *out = p;
    return PLANOMSORG_OK;
}

int planomsorg_ssbproj_read(planomsorg_ssbproj **out, const char *path)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    PL_CHECK_NULL(path);
    pl_csv *csv = NULL;
    int rc = pl_csv_read_file(&csv, path, ',', 0);
    if (rc != PLANOMSORG_OK)
        return rc;
    rc = from_csv(out, csv);
    pl_csv_free(csv);
    return rc;
}

int planomsorg_ssbproj_parse(planomsorg_ssbproj **out, const char *text, size_t len,
                             const char *source)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    PL_CHECK_NULL(text);
    pl_csv *csv = NULL;
    int rc = pl_csv_parse(&csv, text, len, source, ',', 0);
    if (rc != PLANOMSORG_OK)
        return rc;
    rc = from_csv(out, csv);
    pl_csv_free(csv);
    return rc;
}

int planomsorg_ssbproj_round(const planomsorg_ssbproj *proj)
{
    return proj == NULL ? 0 : proj->round;
}

int planomsorg_ssbproj_first_year(const planomsorg_ssbproj *proj)
{
    return proj == NULL ? 0 : proj->first_year;
}

int planomsorg_ssbproj_n_years(const planomsorg_ssbproj *proj)
{
    return proj == NULL ? 0 : proj->n_years;
}

int planomsorg_ssbproj_n_regions(const planomsorg_ssbproj *proj)
{
    return proj == NULL ? 0 : proj->n_regions;
}

const char *planomsorg_ssbproj_region(const planomsorg_ssbproj *proj, int index)
{
    if (proj == NULL || index < 0 || index >= proj->n_regions)
        return NULL;
    return proj->regions[index];
}

/* Length of name without a trailing " (DDDD-DDDD)". */
static size_t base_length(const char *name)
{
    size_t n = strlen(name);
    static const char pattern[] = " (DDDD-DDDD)";
    size_t k = sizeof pattern - 1;
    if (n <= k)
        return n;
    const char *s = name + n - k;
    for (size_t i = 0; i < k; i++) {
        if (pattern[i] == 'D' ? !isdigit((unsigned char)s[i]) : s[i] != pattern[i])
            return n;
    }
    return n - k;
}

int planomsorg_ssbproj_find_region(int *index, const planomsorg_ssbproj *proj, const char *name)
{
    PL_CHECK_NULL(index);
    PL_CHECK_NULL(proj);
    if (name == NULL)
        name = "Hele landet";
    int r = find_region_exact(proj, name, -1);
    if (r < 0 && strcmp(name, "0000") == 0) { /* PLANOMSORG_NORWAY */
        name = "Hele landet";
        r = find_region_exact(proj, name, -1);
    }
    if (r < 0) {
        size_t want = base_length(name);
        for (int i = 0; i < proj->n_regions && r < 0; i++) {
            /* Only one side may carry a suffix: "X (2024-2027)" is not "X (2020-2023)". */
            size_t have = base_length(proj->regions[i]);
            int one_plain = want == strlen(name) || have == strlen(proj->regions[i]);
            if (one_plain && have == want && strncmp(proj->regions[i], name, want) == 0)
                r = i;
        }
    }
    if (r < 0)
        return pl_error(PLANOMSORG_ENOTFOUND, "planomsorg_ssbproj: region '%s' is not in the table",
                        name);
    *index = r;
    return PLANOMSORG_OK;
}

int planomsorg_ssbproj_has_alternative(const planomsorg_ssbproj *proj, int alternative)
{
    if (proj == NULL || alternative < 0 || alternative >= PLANOMSORG_SSBPROJ_N_ALTERNATIVES)
        return 0;
    return proj->has_alt[alternative];
}

int planomsorg_ssbproj_n_groups(const planomsorg_ssbproj *proj)
{
    return proj == NULL ? 0 : proj->n_groups;
}

int planomsorg_ssbproj_groups(const planomsorg_ssbproj *proj, int *age_lo, int *age_hi, int n)
{
    PL_CHECK_NULL(proj);
    PL_CHECK_NULL(age_lo);
    PL_CHECK_NULL(age_hi);
    if (n != proj->n_groups)
        return pl_error(PLANOMSORG_EDIMENSION, "%s: n is %d but the table has %d groups",
                        __func__, n, proj->n_groups);
    for (int g = 0; g < n; g++) {
        age_lo[g] = proj->groups[g].lo;
        age_hi[g] = proj->groups[g].hi;
    }
    return PLANOMSORG_OK;
}

const char *planomsorg_ssbproj_group_label(const planomsorg_ssbproj *proj, int group)
{
    if (proj == NULL || group < 0 || group >= proj->n_groups)
        return NULL;
    return proj->groups[group].label;
}

static int check_alternative(const planomsorg_ssbproj *proj, int alternative, const char *function)
{
    if (alternative < 0 || alternative >= PLANOMSORG_SSBPROJ_N_ALTERNATIVES)
        return pl_error(PLANOMSORG_EINVAL, "%s: unknown alternative code %d", function,
                        alternative);
    if (!proj->has_alt[alternative])
        return pl_error(PLANOMSORG_ENOTFOUND, "%s: the table has no alternative %s (%s)",
                        function, alternatives[alternative].name,
                        alternatives[alternative].label);
    return PLANOMSORG_OK;
}

int planomsorg_ssbproj_table(const planomsorg_ssbproj *proj, const char *region, int alternative,
                             double *out, size_t n)
{
    PL_CHECK_NULL(proj);
    PL_CHECK_NULL(out);
    int r, rc = check_alternative(proj, alternative, __func__);
    if (rc == PLANOMSORG_OK)
        rc = planomsorg_ssbproj_find_region(&r, proj, region);
    if (rc != PLANOMSORG_OK)
        return rc;
    size_t want = (size_t)proj->n_years * (size_t)proj->n_groups;
    if (n != want)
        return pl_error(PLANOMSORG_EDIMENSION, "%s: n is %zu but the table has %zu cells",
                        __func__, n, want);
    memcpy(out, proj->values + cell_index(proj, r, alternative, 0, 0), want * sizeof *out);
    return PLANOMSORG_OK;
}

int planomsorg_ssbproj_band(const planomsorg_ssbproj *proj, const char *region, int alternative,
                            int year, int age_lo, int age_hi, double *persons)
{
    PL_CHECK_NULL(proj);
    PL_CHECK_NULL(persons);
    int r, rc = check_alternative(proj, alternative, __func__);
    if (rc == PLANOMSORG_OK)
        rc = planomsorg_ssbproj_find_region(&r, proj, region);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (year < proj->first_year || year >= proj->first_year + proj->n_years)
        return pl_error(PLANOMSORG_ERANGE, "%s: year %d outside the table's %d-%d", __func__,
                        year, proj->first_year, proj->first_year + proj->n_years - 1);
    /* Walk the groups from the one starting at age_lo; they must be contiguous up to age_hi. */
    double sum = 0;
    int g = 0, next = age_lo, done = 0;
    while (g < proj->n_groups && proj->groups[g].lo < age_lo)
        g++;
    for (; g < proj->n_groups && !done; g++) {
        const ssb_group *gr = &proj->groups[g];
        if (gr->lo != next)
            break;
        sum += proj->values[cell_index(proj, r, alternative, year - proj->first_year, g)];
        if (gr->hi == PLANOMSORG_AGE_OPEN)
            done = age_hi == PLANOMSORG_AGE_OPEN ? 1 : -1;
        else if (gr->hi == age_hi)
            done = 1;
        else if (age_hi != PLANOMSORG_AGE_OPEN && gr->hi > age_hi)
            done = -1;
        else
            next = gr->hi + 1;
    }
    if (done != 1)
        return pl_error(PLANOMSORG_ECONSISTENCY,
                        "%s: ages %d..%d are not a union of the table's age groups", __func__,
                        age_lo, age_hi);
    *persons = sum;
    return PLANOMSORG_OK;
}

int planomsorg_ssbproj_align(planomsorg_align_report **report, planomsorg_population *pop,
                             const planomsorg_ssbproj *proj, const char *region, int alternative)
{
    if (report != NULL)
        *report = NULL;
    PL_CHECK_NULL(pop);
    PL_CHECK_NULL(proj);
    int first = planomsorg_population_first_year(pop);
    int last = first + planomsorg_population_n_years(pop) - 1;
    if (proj->first_year > first)
        first = proj->first_year;
    if (proj->first_year + proj->n_years - 1 < last)
        last = proj->first_year + proj->n_years - 1;
    if (first > last)
        return pl_error(PLANOMSORG_ERANGE,
                        "%s: the population (%d-%d) and the table (%d-%d) share no year",
                        __func__, planomsorg_population_first_year(pop),
                        planomsorg_population_first_year(pop) +
                            planomsorg_population_n_years(pop) - 1,
                        proj->first_year, proj->first_year + proj->n_years - 1);
    size_t n = (size_t)proj->n_years * (size_t)proj->n_groups;
    double *table = malloc(n * sizeof *table);
    int *lo = malloc((size_t)proj->n_groups * sizeof *lo);
    int *hi = malloc((size_t)proj->n_groups * sizeof *hi);
    int rc = PLANOMSORG_OK;
    if (table == NULL || lo == NULL || hi == NULL)
        rc = pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    if (rc == PLANOMSORG_OK)
        rc = planomsorg_ssbproj_table(proj, region, alternative, table, n);
    if (rc == PLANOMSORG_OK)
        rc = planomsorg_ssbproj_groups(proj, lo, hi, proj->n_groups);
    if (rc == PLANOMSORG_OK)
        rc = planomsorg_align_groups(report, pop, first, last - first + 1, proj->n_groups, lo, hi,
                                     table + (size_t)(first - proj->first_year) *
                                                 (size_t)proj->n_groups);
    free(table);
    free(lo);
    free(hi);
    return rc;
}

const char *planomsorg_ssbproj_alternative_name(int alternative)
{
    if (alternative < 0 || alternative >= PLANOMSORG_SSBPROJ_N_ALTERNATIVES)
        return NULL;
    return alternatives[alternative].name;
}

const char *planomsorg_ssbproj_alternative_label(int alternative)
{
    if (alternative < 0 || alternative >= PLANOMSORG_SSBPROJ_N_ALTERNATIVES)
        return NULL;
    return alternatives[alternative].label;
}

int planomsorg_ssbproj_alternative_parse(int *alternative, const char *text)
{
    PL_CHECK_NULL(alternative);
    PL_CHECK_NULL(text);
    for (int a = 0; a < PLANOMSORG_SSBPROJ_N_ALTERNATIVES; a++)
        if (strcmp(text, alternatives[a].name) == 0 ||
            (alternatives[a].code != NULL && strcmp(text, alternatives[a].code) == 0) ||
            strcmp(text, alternatives[a].label) == 0) {
            *alternative = a;
            return PLANOMSORG_OK;
        }
    return pl_error(PLANOMSORG_ENOTFOUND,
                    "planomsorg_ssbproj: unknown alternative '%s' (main, low, high, observed, or "
                    "MMMM, LLML, HHMH)",
                    text);
}
