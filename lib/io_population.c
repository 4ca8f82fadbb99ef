/* Reading and writing populations: the long CSV and SSB StatBank 07459 exports.
 * See include/planomsorg/io.h and docs/methods/io.md for the formats. */
#include "planomsorg/io.h"

#include "check.h"
#include "csvread.h"
#include "error.h"
#include "filewrite.h"
#include "population_internal.h"

#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PL_YEARS_MAX 500

/* One parsed cell before the population exists. */
typedef struct {
    int year, sex, age;
    double persons;
    size_t row; /* csv row, for messages */
} cell;

/* Seen-markers over a population's cells: the csv row of the first occurrence + 1. */
static int alloc_population(planomsorg_population **pop, size_t **seen, const pl_csv *csv,
                            int first_year, int last_year, int max_age)
{
    if (last_year - first_year + 1 > PL_YEARS_MAX)
        return pl_error(PLANOMSORG_ERANGE, "%s: years %d..%d span more than %d years",
                        pl_csv_source(csv), first_year, last_year, PL_YEARS_MAX);
    if (max_age < 1)
        return pl_error(PLANOMSORG_ERANGE, "%s: the largest age is %d; at least ages 0 and 1 "
                        "are needed (the largest is the open band)", pl_csv_source(csv), max_age);
    int rc = planomsorg_population_new(pop, first_year, last_year - first_year + 1, max_age);
    if (rc != PLANOMSORG_OK)
        return rc;
    size_t n = planomsorg_population_size(*pop);
    *seen = calloc(n ? n : 1, sizeof **seen);
    if (*seen == NULL) {
        planomsorg_population_free(*pop);
        *pop = NULL;
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", pl_csv_source(csv));
    }
    return PLANOMSORG_OK;
}

/* Reports the first cell never set; seen[] is indexed like the population. */
static int check_complete(const planomsorg_population *pop, const size_t *seen,
                          const pl_csv *csv)
{
    for (int y = 0; y < pop->n_years; y++)
        for (int s = 0; s < PLANOMSORG_N_SEXES; s++)
            for (int a = 0; a <= pop->max_age; a++)
                if (seen[pl_population_index(pop, y, s, a)] == 0)
                    return pl_error(PLANOMSORG_EMISSING, "%s: missing cell: year %d, age %d, "
                                    "sex %s", pl_csv_source(csv), pop->first_year + y, a,
                                    planomsorg_sex_name(s));
    return PLANOMSORG_OK;
}

/* ---------- long CSV ---------- */

static int parse_sex(const pl_csv *csv, size_t row, size_t col, int *sex)
{
    const char *f = pl_csv_field(csv, row, col);
    if (pl_csv_field_is(f, "female")) {
        *sex = PLANOMSORG_SEX_FEMALE;
        return PLANOMSORG_OK;
    }
    if (pl_csv_field_is(f, "male")) {
        *sex = PLANOMSORG_SEX_MALE;
        return PLANOMSORG_OK;
    }
    char shown[64];
    pl_csv_trim(f, shown, sizeof shown);
    if (shown[0] == '\0')
        return pl_csv_error(csv, row, col + 1, PLANOMSORG_EVALUE, "empty value (sex)");
    return pl_csv_error(csv, row, col + 1, PLANOMSORG_EVALUE,
                        "unknown sex '%s' (expected 'female' or 'male')", shown);
}

static int long_cells(const pl_csv *csv, cell *cells, size_t *n_cells)
{
    static const char *const names[] = {"year", "age", "sex", "persons"};
    size_t cols[4];
    int rc = pl_csv_header(csv, 0, names, 4, cols, 0);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (pl_csv_n_rows(csv) < 2)
        return pl_error(PLANOMSORG_EEMPTY, "%s: a header but no data rows", pl_csv_source(csv));
    size_t n = 0;
    for (size_t r = 1; r < pl_csv_n_rows(csv); r++) {
        long year, age;
        cell c;
        if ((rc = pl_csv_expect_fields(csv, r, 4)) != PLANOMSORG_OK ||
            (rc = pl_csv_long(csv, r, cols[0], PL_YEAR_MIN, PL_YEAR_MAX, &year)) != PLANOMSORG_OK ||
            (rc = pl_csv_long(csv, r, cols[1], 0, PLANOMSORG_MAX_AGE_LIMIT, &age)) != PLANOMSORG_OK ||
            (rc = parse_sex(csv, r, cols[2], &c.sex)) != PLANOMSORG_OK ||
            (rc = pl_csv_double(csv, r, cols[3], 1, &c.persons)) != PLANOMSORG_OK)
            return rc;
        c.year = (int)year;
        c.age = (int)age;
        c.row = r;
        cells[n++] = c;
    }
    *n_cells = n;
    return PLANOMSORG_OK;
}

static int long_population(planomsorg_population **out, const pl_csv *csv)
{
    size_t n_rows = pl_csv_n_rows(csv);
    cell *cells = malloc(n_rows * sizeof *cells);
    if (cells == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", pl_csv_source(csv));
    size_t n = 0;
    int rc = long_cells(csv, cells, &n);
    if (rc != PLANOMSORG_OK) {
        free(cells);
        return rc;
    }
    int y0 = INT_MAX, y1 = INT_MIN, max_age = 0;
    for (size_t i = 0; i < n; i++) {
        if (cells[i].year < y0)
            y0 = cells[i].year;
        if (cells[i].year > y1)
            y1 = cells[i].year;
        if (cells[i].age > max_age)
            max_age = cells[i].age;
    }
    planomsorg_population *pop = NULL;
    size_t *seen = NULL;
    rc = alloc_population(&pop, &seen, csv, y0, y1, max_age);
    for (size_t i = 0; rc == PLANOMSORG_OK && i < n; i++) {
        const cell *c = &cells[i];
        size_t k = pl_population_index(pop, c->year - y0, c->sex, c->age);
        if (seen[k] != 0)
            rc = pl_csv_error(csv, c->row, 0, PLANOMSORG_EDUPLICATE,
                              "duplicate cell: year %d, age %d, sex %s (first on line %zu)",
                              c->year, c->age, planomsorg_sex_name(c->sex),
                              pl_csv_line(csv, seen[k] - 1));
        seen[k] = c->row + 1;
        pop->persons[k] = c->persons;
    }
    if (rc == PLANOMSORG_OK)
        rc = check_complete(pop, seen, csv);
    free(seen);
    free(cells);
    if (rc != PLANOMSORG_OK) {
        planomsorg_population_free(pop);
        return rc;
    }
    *out = pop;
    return PLANOMSORG_OK;
}

int planomsorg_population_parse_csv(planomsorg_population **out, const char *text, size_t len,
                                    const char *source)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    if (text == NULL && len > 0)
        return pl_error_null(__func__, "text");
    pl_csv *csv = NULL;
    int rc = pl_csv_parse(&csv, text, len, source, ',', 0);
    if (rc != PLANOMSORG_OK)
        return rc;
    rc = long_population(out, csv);
    pl_csv_free(csv);
    return rc;
}

int planomsorg_population_read_csv(planomsorg_population **out, const char *path)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    PL_CHECK_NULL(path);
    pl_csv *csv = NULL;
    int rc = pl_csv_read_file(&csv, path, ',', 0);
    if (rc != PLANOMSORG_OK)
        return rc;
    rc = long_population(out, csv);
    pl_csv_free(csv);
    return rc;
}

/* ---------- SSB StatBank 07459 ---------- */

/* Skips the word w at *s (exact), followed by a space; advances *s. */
static int take_word(const char **s, const char *w)
{
    size_t n = strlen(w);
    if (strncmp(*s, w, n) != 0 || (*s)[n] != ' ')
        return 0;
    *s += n + 1;
    return 1;
}

/* Parses a year of 1..4 digits followed by a space; advances *s. */
static int take_year(const char **s, long *year)
{
    const char *p = *s;
    long v = 0;
    int d = 0;
    while (*p >= '0' && *p <= '9' && d < 5) {
        v = v * 10 + (*p - '0');
        p++;
        d++;
    }
    if (d == 0 || d > 4 || *p != ' ')
        return 0;
    *year = v;
    *s = p + 1;
    return 1;
}

/* "Persons 2024 Males" / "Personer 2024 Kvinner": year and sex, or 0 if not of that form. */
static int ssb_value_column(const char *name, long *year, int *sex)
{
    const char *s = name;
    int nor;
    if (take_word(&s, "Persons"))
        nor = 0;
    else if (take_word(&s, "Personer"))
        nor = 1;
    else
        return 0;
    if (!take_year(&s, year))
        return 0;
    if (strcmp(s, nor ? "Menn" : "Males") == 0)
        *sex = PLANOMSORG_SEX_MALE;
    else if (strcmp(s, nor ? "Kvinner" : "Females") == 0)
        *sex = PLANOMSORG_SEX_FEMALE;
    else
        return 0;
    return 1;
}

/* "0 years", "1 year", "105 years or older"; Norwegian "0 år", "105 år eller eldre".
 * Returns 1 and the age (open = 1 for the "or older" band), 0 if malformed. */
static int ssb_age(const char *label, long *age, int *open)
{
    const char *p = label;
    long v = 0;
    int d = 0;
    while (*p >= '0' && *p <= '9') {
        if (d++ >= 4)
            return 0;
        v = v * 10 + (*p - '0');
        p++;
    }
    if (d == 0 || *p != ' ')
        return 0;
    p++;
    *open = 0;
    *age = v;
    if (strcmp(p, v == 1 ? "year" : "years") == 0 || strcmp(p, "\xc3\xa5r") == 0)
        return 1;
    if (strcmp(p, "years or older") == 0 || strcmp(p, "\xc3\xa5r eller eldre") == 0) {
        *open = 1;
        return 1;
    }
    return 0;
}

/* Municipality code of a region label "K-0301 Oslo" or "0301 Oslo" into code[5]; 0 if the
 * label is not a municipality (county, "K-23 Continental shelf", "K-Rest ..."). */
static int ssb_region_code(const char *label, char code[5])
{
    const char *p = label;
    if (p[0] == 'K' && p[1] == '-')
        p += 2;
    for (int i = 0; i < 4; i++)
        if (p[i] < '0' || p[i] > '9')
            return 0;
    if (p[4] != ' ' && p[4] != '\0')
        return 0;
    memcpy(code, p, 4);
    code[4] = '\0';
    return 1;
}

/* The header: region, age, then value columns. Fills col_year/col_sex for columns >= 2. */
typedef struct {
    size_t header;         /* csv row */
    size_t n_cols;
    long *col_year;
    int *col_sex;
    long y0, y1;
} ssb_layout;

static int ssb_header(const pl_csv *csv, ssb_layout *lay)
{
    size_t h = SIZE_MAX;
    for (size_t r = 0; r < pl_csv_n_rows(csv) && h == SIZE_MAX; r++)
        if (pl_csv_n_fields(csv, r) >= 2 && pl_csv_field_is(pl_csv_field(csv, r, 0), "region") &&
            (pl_csv_field_is(pl_csv_field(csv, r, 1), "age") ||
             pl_csv_field_is(pl_csv_field(csv, r, 1), "alder")))
            h = r;
    if (h == SIZE_MAX)
        return pl_error(PLANOMSORG_EFORMAT, "%s: no header line starting with columns "
                        "\"region\";\"age\" (is this an SSB table 07459 export?)",
                        pl_csv_source(csv));
    size_t nc = pl_csv_n_fields(csv, h);
    if (nc < 3)
        return pl_csv_error(csv, h, 3, PLANOMSORG_EFORMAT, "missing column: the header has no "
                            "'Persons YEAR Males/Females' columns");
    lay->header = h;
    lay->n_cols = nc;
    lay->col_year = calloc(nc, sizeof *lay->col_year);
    lay->col_sex = calloc(nc, sizeof *lay->col_sex);
    if (lay->col_year == NULL || lay->col_sex == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", pl_csv_source(csv));
    lay->y0 = LONG_MAX;
    lay->y1 = LONG_MIN;
    char name[128];
    for (size_t c = 2; c < nc; c++) {
        pl_csv_trim(pl_csv_field(csv, h, c), name, sizeof name);
        long y;
        int s;
        if (!ssb_value_column(name, &y, &s))
            return pl_csv_error(csv, h, c + 1, PLANOMSORG_EFORMAT, "unknown column '%s' (expected "
                                "'Persons YEAR Males' or 'Persons YEAR Females')", name);
        if (y < PL_YEAR_MIN || y > PL_YEAR_MAX)
            return pl_csv_error(csv, h, c + 1, PLANOMSORG_ERANGE, "year %ld in column '%s' is "
                                "outside %d..%d", y, name, PL_YEAR_MIN, PL_YEAR_MAX);
        for (size_t d = 2; d < c; d++)
            if (lay->col_year[d] == y && lay->col_sex[d] == s)
                return pl_csv_error(csv, h, c + 1, PLANOMSORG_EFORMAT, "duplicate column '%s' "
                                    "(also column %zu)", name, d + 1);
        lay->col_year[c] = y;
        lay->col_sex[c] = s;
        if (y < lay->y0)
            lay->y0 = y;
        if (y > lay->y1)
            lay->y1 = y;
    }
    if (lay->y1 - lay->y0 + 1 > PL_YEARS_MAX)
        return pl_csv_error(csv, h, 0, PLANOMSORG_ERANGE, "years %ld..%ld span more than %d "
                            "years", lay->y0, lay->y1, PL_YEARS_MAX);
    /* Every year from the first to the last, both sexes. */
    for (long y = lay->y0; y <= lay->y1; y++)
        for (int s = 0; s < PLANOMSORG_N_SEXES; s++) {
            int found = 0;
            for (size_t c = 2; c < nc && !found; c++)
                found = lay->col_year[c] == y && lay->col_sex[c] == s;
            if (!found)
                return pl_csv_error(csv, h, 0, PLANOMSORG_EFORMAT, "missing column 'Persons %ld "
                                    "%s'", y, s == PLANOMSORG_SEX_MALE ? "Males" : "Females");
        }
    return PLANOMSORG_OK;
}

/* A region seen in the data, with the ages it has (csv row + 1, 0 when absent). */
typedef struct {
    size_t first_row;
    size_t seen[PLANOMSORG_MAX_AGE_LIMIT + 1];
} ssb_region;

typedef struct {
    ssb_layout lay;
    ssb_region *regions;
    size_t n_regions, cap_regions;
    size_t *row_age;       /* per csv row: age, or SIZE_MAX when the row is skipped */
    long open_age;         /* -1 when no "or older" label was seen */
    size_t open_row;
    long max_single;       /* largest age without "or older" */
    size_t max_single_row;
} ssb_state;

static void ssb_state_free(ssb_state *st)
{
    free(st->lay.col_year);
    free(st->lay.col_sex);
    free(st->regions);
    free(st->row_age);
}

/* Index of the region of row r (regions come in blocks: try the last one first). With a
 * selected municipality every matching row belongs to one region, whatever its label
 * ("K-0301 Oslo" and "0301 Oslo" are the same municipality). */
static int ssb_region_index(const pl_csv *csv, ssb_state *st, size_t r, int selected,
                            size_t *idx)
{
    const char *label = pl_csv_field(csv, r, 0);
    if (selected && st->n_regions > 0) {
        *idx = 0;
        return PLANOMSORG_OK;
    }
    if (st->n_regions > 0 &&
        strcmp(pl_csv_field(csv, st->regions[st->n_regions - 1].first_row, 0), label) == 0) {
        *idx = st->n_regions - 1;
        return PLANOMSORG_OK;
    }
    for (size_t i = 0; i < st->n_regions; i++)
        if (strcmp(pl_csv_field(csv, st->regions[i].first_row, 0), label) == 0) {
            *idx = i;
            return PLANOMSORG_OK;
        }
    if (st->n_regions == st->cap_regions) {
        size_t cap = st->cap_regions ? 2 * st->cap_regions : 16;
        ssb_region *p = realloc(st->regions, cap * sizeof *p);
        if (p == NULL)
            return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", pl_csv_source(csv));
        st->regions = p;
        st->cap_regions = cap;
    }
    ssb_region *g = &st->regions[st->n_regions];
    memset(g, 0, sizeof *g);
    g->first_row = r;
    *idx = st->n_regions++;
    return PLANOMSORG_OK;
}

/* First pass: which rows count, their ages, the open band, duplicates. */
static int ssb_scan(const pl_csv *csv, ssb_state *st, const char *region)
{
    size_t n_rows = pl_csv_n_rows(csv);
    st->open_age = -1;
    st->max_single = -1;
    for (size_t r = st->lay.header + 1; r < n_rows; r++) {
        st->row_age[r] = SIZE_MAX;
        int rc = pl_csv_expect_fields(csv, r, st->lay.n_cols);
        if (rc != PLANOMSORG_OK)
            return rc;
        char code[5];
        if (region != NULL &&
            (!ssb_region_code(pl_csv_field(csv, r, 0), code) || strcmp(code, region) != 0))
            continue;
        char label[64];
        pl_csv_trim(pl_csv_field(csv, r, 1), label, sizeof label);
        long age;
        int open;
        if (!ssb_age(label, &age, &open))
            return pl_csv_error(csv, r, 2, PLANOMSORG_EVALUE, "malformed age label '%s' "
                                "(expected '0 years', '1 year', ..., '105 years or older')",
                                label);
        if (age > PLANOMSORG_MAX_AGE_LIMIT)
            return pl_csv_error(csv, r, 2, PLANOMSORG_ERANGE, "age %ld in '%s' is above %d",
                                age, label, PLANOMSORG_MAX_AGE_LIMIT);
        if (open) {
            if (st->open_age >= 0 && st->open_age != age)
                return pl_csv_error(csv, r, 2, PLANOMSORG_EFORMAT, "open age band '%s' differs "
                                    "from the one on line %zu (%ld or older)", label,
                                    pl_csv_line(csv, st->open_row), st->open_age);
            if (st->open_age < 0) {
                st->open_age = age;
                st->open_row = r;
            }
        } else if (age > st->max_single) {
            st->max_single = age;
            st->max_single_row = r;
        }
        size_t g = 0;
        if ((rc = ssb_region_index(csv, st, r, region != NULL, &g)) != PLANOMSORG_OK)
            return rc;
        size_t *seen = &st->regions[g].seen[age];
        if (*seen != 0) {
            char name[96];
            pl_csv_trim(pl_csv_field(csv, r, 0), name, sizeof name);
            return pl_csv_error(csv, r, 0, PLANOMSORG_EDUPLICATE, "duplicate row for region '%s', "
                                "age %ld (first on line %zu)", name, age,
                                pl_csv_line(csv, *seen - 1));
        }
        *seen = r + 1;
        st->row_age[r] = (size_t)age;
    }
    if (st->open_age >= 0 && st->max_single >= st->open_age)
        return pl_csv_error(csv, st->max_single_row, 2, PLANOMSORG_EFORMAT, "age %ld is not "
                            "below the open band '%ld or older' (line %zu)", st->max_single,
                            st->open_age, pl_csv_line(csv, st->open_row));
    if (st->n_regions == 0) {
        if (region != NULL)
            return pl_error(PLANOMSORG_ENOTFOUND, "%s: region %s not found (no rows for "
                            "municipality K-%s)", pl_csv_source(csv), region, region);
        return pl_error(PLANOMSORG_EEMPTY, "%s: a header but no data rows", pl_csv_source(csv));
    }
    long max_age = st->open_age >= 0 ? st->open_age : st->max_single;
    for (size_t g = 0; g < st->n_regions; g++)
        for (long a = 0; a <= max_age; a++)
            if (st->regions[g].seen[a] == 0) {
                char name[96];
                pl_csv_trim(pl_csv_field(csv, st->regions[g].first_row, 0), name, sizeof name);
                return pl_error(PLANOMSORG_EMISSING, "%s: missing cell: region '%s' has no row "
                                "for age %ld", pl_csv_source(csv), name, a);
            }
    return PLANOMSORG_OK;
}

static int ssb_population(planomsorg_population **out, const pl_csv *csv, const char *region)
{
    ssb_state st;
    memset(&st, 0, sizeof st);
    int rc = ssb_header(csv, &st.lay);
    if (rc == PLANOMSORG_OK) {
        st.row_age = malloc(pl_csv_n_rows(csv) * sizeof *st.row_age);
        if (st.row_age == NULL)
            rc = pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", pl_csv_source(csv));
    }
    if (rc == PLANOMSORG_OK)
        rc = ssb_scan(csv, &st, region);
    planomsorg_population *pop = NULL;
    if (rc == PLANOMSORG_OK) {
        int max_age = (int)(st.open_age >= 0 ? st.open_age : st.max_single);
        if (max_age < 1)
            rc = pl_error(PLANOMSORG_ERANGE, "%s: the largest age is %d; at least ages 0 and 1 "
                          "are needed", pl_csv_source(csv), max_age);
        else
            rc = planomsorg_population_new(&pop, (int)st.lay.y0, (int)(st.lay.y1 - st.lay.y0 + 1),
                                           max_age);
    }
    for (size_t r = st.lay.header + 1; rc == PLANOMSORG_OK && r < pl_csv_n_rows(csv); r++) {
        if (st.row_age[r] == SIZE_MAX)
            continue;
        for (size_t c = 2; c < st.lay.n_cols && rc == PLANOMSORG_OK; c++) {
            double v;
            rc = pl_csv_double(csv, r, c, 1, &v);
            if (rc == PLANOMSORG_OK)
                pop->persons[pl_population_index(pop, (int)(st.lay.col_year[c] - st.lay.y0),
                                                 st.lay.col_sex[c], (int)st.row_age[r])] += v;
        }
    }
    ssb_state_free(&st);
    if (rc != PLANOMSORG_OK) {
        planomsorg_population_free(pop);
        return rc;
    }
    *out = pop;
    return PLANOMSORG_OK;
}

static int check_region(const char *region)
{
    if (region == NULL)
        return PLANOMSORG_OK;
    for (int i = 0; i < 4; i++)
        if (region[i] < '0' || region[i] > '9')
            return pl_error(PLANOMSORG_EINVAL, "region '%.16s' is not a four-digit municipality "
                            "number such as \"0301\"", region);
    if (region[4] != '\0')
        return pl_error(PLANOMSORG_EINVAL, "region '%.16s' is not a four-digit municipality "
                        "number such as \"0301\"", region);
    return PLANOMSORG_OK;
}

int planomsorg_population_parse_ssb(planomsorg_population **out, const char *text, size_t len,
                                    const char *source, const char *region)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    if (text == NULL && len > 0)
        return pl_error_null(__func__, "text");
    int rc = check_region(region);
    if (rc != PLANOMSORG_OK)
        return rc;
    pl_csv *csv = NULL;
    rc = pl_csv_parse(&csv, text, len, source, ';', PL_CSV_UTF8_OR_LATIN1);
    if (rc != PLANOMSORG_OK)
        return rc;
    rc = ssb_population(out, csv, region);
    pl_csv_free(csv);
    return rc;
}

int planomsorg_population_read_ssb(planomsorg_population **out, const char *path,
                                   const char *region)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    PL_CHECK_NULL(path);
    int rc = check_region(region);
    if (rc != PLANOMSORG_OK)
        return rc;
    pl_csv *csv = NULL;
    rc = pl_csv_read_file(&csv, path, ';', PL_CSV_UTF8_OR_LATIN1);
    if (rc != PLANOMSORG_OK)
        return rc;
    rc = ssb_population(out, csv, region);
    pl_csv_free(csv);
    return rc;
}

/* ---------- writers ---------- */

/* Shortest of %.15g, %.16g, %.17g that reads back as the same double (C locale). */
static int format_number(char *buf, size_t size, double v)
{
    for (int prec = 15; prec <= 17; prec++) {
        int n = snprintf(buf, size, "%.*g", prec, v);
        if (n < 0 || (size_t)n >= size)
            return -1;
        if (prec == 17 || strtod(buf, NULL) == v)
            return n;
    }
    return -1;
}

int planomsorg_population_format_csv(const planomsorg_population *pop, char **text, size_t *len)
{
    PL_CHECK_NULL(text);
    *text = NULL;
    if (len != NULL)
        *len = 0;
    PL_CHECK_NULL(pop);
    locale_t c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    if (c_locale == (locale_t)0)
        return pl_error(PLANOMSORG_ENOMEM, "%s: cannot create the C locale", __func__);
    size_t cells = (size_t)pop->n_years * 2 * (size_t)(pop->max_age + 1);
    /* A line is at most 4 + 1 + 3 + 1 + 6 + 1 + 24 + 1 bytes: 48 per cell is ample. */
    size_t cap = 32 + cells * 48;
    char *buf = malloc(cap);
    if (buf == NULL) {
        freelocale(c_locale);
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", __func__);
    }
    locale_t old = uselocale(c_locale);
    size_t n = (size_t)snprintf(buf, cap, "year,age,sex,persons\n");
    int rc = PLANOMSORG_OK;
    for (int y = 0; y < pop->n_years && rc == PLANOMSORG_OK; y++)
        for (int a = 0; a <= pop->max_age && rc == PLANOMSORG_OK; a++)
            for (int s = 0; s < PLANOMSORG_N_SEXES && rc == PLANOMSORG_OK; s++) {
                char num[40];
                double v = pop->persons[pl_population_index(pop, y, s, a)];
                if (!isfinite(v) || format_number(num, sizeof num, v) < 0) {
                    rc = pl_error(PLANOMSORG_EINVAL, "%s: persons for year %d, age %d, %s is "
                                  "not finite", __func__, pop->first_year + y, a,
                                  planomsorg_sex_name(s));
                    break;
                }
                int w = snprintf(buf + n, cap - n, "%d,%d,%s,%s\n", pop->first_year + y, a,
                                 planomsorg_sex_name(s), num);
                if (w < 0 || (size_t)w >= cap - n)
                    rc = pl_error(PLANOMSORG_ENOMEM, "%s: buffer too small", __func__);
                else
                    n += (size_t)w;
            }
    uselocale(old);
    freelocale(c_locale);
    if (rc != PLANOMSORG_OK) {
        free(buf);
        return rc;
    }
    *text = buf;
    if (len != NULL)
        *len = n;
    return PLANOMSORG_OK;
}

int planomsorg_population_write_csv(const planomsorg_population *pop, const char *path)
{
    PL_CHECK_NULL(pop);
    PL_CHECK_NULL(path);
    char *text = NULL;
    size_t len = 0;
    int rc = planomsorg_population_format_csv(pop, &text, &len);
    if (rc != PLANOMSORG_OK)
        return rc;
    FILE *f;
    rc = pl_file_create(&f, path, __func__);
    if (rc == PLANOMSORG_OK) {
        fwrite(text, 1, len, f);
        rc = pl_file_finish(f, PLANOMSORG_OK, path, __func__);
    }
    free(text);
    return rc;
}
