/* CSV readers for the Markov cohort model (formats in docs/methods/cohort.md). */
#include "planomsorg/cohort.h"

#include "csvread.h"
#include "error.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One data row of the transitions or values file. For values, `to` is unused. */
typedef struct {
    int cycle; /* 0 for '*' */
    int from;
    int to;
    double value;
    size_t row; /* csv row, for messages */
} entry;

typedef struct {
    entry *items;
    size_t n;
} entries;

/* One input table: a file (path set) or bytes in memory (text, len; name for messages). */
typedef struct {
    const char *path;
    const char *text;
    size_t len;
    const char *name;
} input;

static int load(pl_csv **out, const input *in)
{
    if (in->path != NULL)
        return pl_csv_read_file(out, in->path, ',', 0);
    return pl_csv_parse(out, in->text, in->len, in->name, ',', 0);
}

/* Trimmed copy of a field (caller frees); NULL when out of memory. */
static char *trimmed_copy(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    char *d = malloc(n + 1);
    if (d != NULL) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

static int is_star(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    if (*s != '*')
        return 0;
    s++;
    while (*s == ' ' || *s == '\t')
        s++;
    return *s == '\0';
}

static int find_state(const pl_csv *csv, size_t row, size_t col, char **names, int n_states,
                      int *out)
{
    char *name = trimmed_copy(pl_csv_field(csv, row, col));
    if (name == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "planomsorg_cohort_read_csv: out of memory");
    for (int i = 0; i < n_states; i++)
        if (strcmp(names[i], name) == 0) {
            free(name);
            *out = i;
            return PLANOMSORG_OK;
        }
    int rc = pl_csv_error(csv, row, col + 1, PLANOMSORG_ENOTFOUND,
                          "unknown state '%s' (states are those of the initial file)", name);
    free(name);
    return rc;
}

/* '*' gives 0; otherwise a cycle number 1..MAX_CYCLES, and <= n_cycles when that is given. */
static int parse_cycle(const pl_csv *csv, size_t row, size_t col, int n_cycles, int *out)
{
    if (is_star(pl_csv_field(csv, row, col))) {
        *out = PLANOMSORG_COHORT_ALL_CYCLES;
        return PLANOMSORG_OK;
    }
    long c;
    int rc = pl_csv_long(csv, row, col, 1, PLANOMSORG_COHORT_MAX_CYCLES, &c);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (n_cycles > 0 && c > n_cycles)
        return pl_csv_error(csv, row, col + 1, PLANOMSORG_ERANGE,
                            "cycle %ld is beyond the %d cycles run", c, n_cycles);
    *out = (int)c;
    return PLANOMSORG_OK;
}

static void free_names(char **names, int n)
{
    if (names == NULL)
        return;
    for (int i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

static int read_initial(const input *in, char ***names_out, double **share_out, int *n_out)
{
    pl_csv *csv = NULL;
    int rc = load(&csv, in);
    if (rc != PLANOMSORG_OK)
        return rc;
    static const char *const header[] = {"state", "share"};
    size_t cols[2];
    rc = pl_csv_header(csv, 0, header, 2, cols, 0);
    size_t n_rows = pl_csv_n_rows(csv);
    if (rc == PLANOMSORG_OK && n_rows < 2)
        rc = pl_error(PLANOMSORG_EEMPTY, "%s: no states below the header", pl_csv_source(csv));
    char **names = NULL;
    double *share = NULL;
    int n = 0;
    if (rc == PLANOMSORG_OK) {
        names = calloc(n_rows, sizeof *names);
        share = calloc(n_rows, sizeof *share);
        if (names == NULL || share == NULL)
            rc = pl_error(PLANOMSORG_ENOMEM, "planomsorg_cohort_read_csv: out of memory");
    }
    for (size_t r = 1; rc == PLANOMSORG_OK && r < n_rows; r++) {
        rc = pl_csv_expect_fields(csv, r, 2);
        if (rc != PLANOMSORG_OK)
            break;
        char *name = trimmed_copy(pl_csv_field(csv, r, cols[0]));
        if (name == NULL) {
            rc = pl_error(PLANOMSORG_ENOMEM, "planomsorg_cohort_read_csv: out of memory");
            break;
        }
        if (name[0] == '\0') {
            free(name);
            rc = pl_csv_error(csv, r, cols[0] + 1, PLANOMSORG_EFORMAT, "empty state name");
            break;
        }
        for (int i = 0; i < n && rc == PLANOMSORG_OK; i++)
            if (strcmp(names[i], name) == 0)
                rc = pl_csv_error(csv, r, cols[0] + 1, PLANOMSORG_EDUPLICATE,
                                  "state '%s' is listed twice", name);
        if (rc != PLANOMSORG_OK) {
            free(name);
            break;
        }
        names[n] = name;
        rc = pl_csv_double(csv, r, cols[1], 1, &share[n]);
        n++;
    }
    if (rc == PLANOMSORG_OK) {
        double sum = 0.0;
        for (int i = 0; i < n; i++)
            sum += share[i];
        if (fabs(sum - 1.0) > PLANOMSORG_COHORT_TOLERANCE)
            rc = pl_error(PLANOMSORG_EVALUE, "%s: initial shares sum to %.12g, not 1",
                          pl_csv_source(csv), sum);
        if (n > PLANOMSORG_COHORT_MAX_STATES)
            rc = pl_error(PLANOMSORG_ERANGE, "%s: %d states, more than %d", pl_csv_source(csv), n,
                          PLANOMSORG_COHORT_MAX_STATES);
    }
    pl_csv_free(csv);
    if (rc != PLANOMSORG_OK) {
        free_names(names, n);
        free(share);
        return rc;
    }
    *names_out = names;
    *share_out = share;
    *n_out = n;
    return PLANOMSORG_OK;
}

/* Reads transitions (with_to = 1: cycle,from,to,probability) or values (cycle,state,value). */
static int read_entries(pl_csv **csv_out, entries *out, const input *in, int with_to,
                        char **names, int n_states, int n_cycles)
{
    pl_csv *csv = NULL;
    int rc = load(&csv, in);
    if (rc != PLANOMSORG_OK)
        return rc;
    static const char *const theader[] = {"cycle", "from", "to", "probability"};
    static const char *const vheader[] = {"cycle", "state", "value"};
    size_t nf = with_to ? 4 : 3;
    size_t cols[4];
    rc = pl_csv_header(csv, 0, with_to ? theader : vheader, nf, cols, 0);
    size_t n_rows = pl_csv_n_rows(csv);
    entry *items = NULL;
    if (rc == PLANOMSORG_OK && n_rows < 2)
        rc = pl_error(PLANOMSORG_EEMPTY, "%s: no rows below the header", pl_csv_source(csv));
    if (rc == PLANOMSORG_OK && (items = calloc(n_rows, sizeof *items)) == NULL)
        rc = pl_error(PLANOMSORG_ENOMEM, "planomsorg_cohort_read_csv: out of memory");
    size_t n = 0;
    for (size_t r = 1; rc == PLANOMSORG_OK && r < n_rows; r++) {
        entry *e = &items[n];
        e->row = r;
        size_t vcol = with_to ? cols[3] : cols[2];
        if ((rc = pl_csv_expect_fields(csv, r, nf)) != PLANOMSORG_OK ||
            (rc = parse_cycle(csv, r, cols[0], n_cycles, &e->cycle)) != PLANOMSORG_OK ||
            (rc = find_state(csv, r, cols[1], names, n_states, &e->from)) != PLANOMSORG_OK ||
            (with_to && (rc = find_state(csv, r, cols[2], names, n_states, &e->to)) != PLANOMSORG_OK) ||
            (rc = pl_csv_double(csv, r, vcol, 0, &e->value)) != PLANOMSORG_OK)
            break;
        if (with_to && (e->value < 0.0 || e->value > 1.0)) {
            rc = pl_csv_error(csv, r, vcol + 1, PLANOMSORG_ESTOCHASTIC,
                              "probability %g is outside [0, 1]", e->value);
            break;
        }
        n++;
    }
    if (rc != PLANOMSORG_OK) {
        free(items);
        pl_csv_free(csv);
        return rc;
    }
    out->items = items;
    out->n = n;
    *csv_out = csv;
    return PLANOMSORG_OK;
}

static int compare_entries(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->cycle != y->cycle)
        return x->cycle < y->cycle ? -1 : 1;
    if (x->from != y->from)
        return x->from < y->from ? -1 : 1;
    if (x->to != y->to)
        return x->to < y->to ? -1 : 1;
    return x->row < y->row ? -1 : x->row > y->row;
}

/* Sorts by (cycle, from, to, row) and reports the later of two rows with the same key. */
static int sort_and_check_duplicates(const pl_csv *csv, entries *es, int with_to, char **names)
{
    qsort(es->items, es->n, sizeof *es->items, compare_entries);
    for (size_t k = 1; k < es->n; k++) {
        const entry *a = &es->items[k - 1], *b = &es->items[k];
        if (a->cycle == b->cycle && a->from == b->from && a->to == b->to) {
            char cyc[32];
            if (b->cycle == 0)
                snprintf(cyc, sizeof cyc, "*");
            else
                snprintf(cyc, sizeof cyc, "%d", b->cycle);
            if (with_to)
                return pl_csv_error(csv, b->row, 0, PLANOMSORG_EDUPLICATE,
                                    "transition %s -> %s in cycle %s is also given on line %zu",
                                    names[b->from], names[b->to], cyc, pl_csv_line(csv, a->row));
            return pl_csv_error(csv, b->row, 0, PLANOMSORG_EDUPLICATE,
                                "value of state %s in cycle %s is also given on line %zu",
                                names[b->from], cyc, pl_csv_line(csv, a->row));
        }
    }
    return PLANOMSORG_OK;
}

static int max_cycle(const entries *es)
{
    int m = 0;
    for (size_t k = 0; k < es->n; k++)
        if (es->items[k].cycle > m)
            m = es->items[k].cycle;
    return m;
}

/* Row sums per (cycle, from) group, and completeness: a state without a '*' row needs a
 * row in every cycle. Entries are sorted. */
static int check_rows(const pl_csv *csv, const entries *es, char **names, int n_states,
                      int n_cycles, int *has_default)
{
    size_t k = 0;
    int *count = calloc((size_t)n_states, sizeof *count); /* cycles with an own row, per state */
    if (count == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "planomsorg_cohort_read_csv: out of memory");
    int rc = PLANOMSORG_OK;
    while (k < es->n && rc == PLANOMSORG_OK) {
        size_t g = k;
        double sum = 0.0;
        while (k < es->n && es->items[k].cycle == es->items[g].cycle &&
               es->items[k].from == es->items[g].from)
            sum += es->items[k++].value;
        const entry *e = &es->items[g];
        if (e->cycle == 0)
            has_default[e->from] = 1;
        else
            count[e->from]++;
        if (fabs(sum - 1.0) > PLANOMSORG_COHORT_TOLERANCE) {
            char cyc[32];
            if (e->cycle == 0)
                snprintf(cyc, sizeof cyc, "*");
            else
                snprintf(cyc, sizeof cyc, "%d", e->cycle);
            rc = pl_csv_error(csv, e->row, 0, PLANOMSORG_ESTOCHASTIC,
                              "cycle %s, row '%s': probabilities from '%s' sum to %.12g, not 1",
                              cyc, names[e->from], names[e->from], sum);
        }
    }
    for (int i = 0; i < n_states && rc == PLANOMSORG_OK; i++)
        if (!has_default[i] && count[i] < n_cycles) {
            /* find the first cycle without a row for state i */
            int missing = 1;
            for (size_t j = 0; j < es->n; j++)
                if (es->items[j].from == i && es->items[j].cycle == missing)
                    missing++;
            rc = pl_error(PLANOMSORG_EMISSING,
                          "%s: no transitions from state '%s' in cycle %d (and no '*' row)",
                          pl_csv_source(csv), names[i], missing);
        }
    free(count);
    return rc;
}

/* Prefixes a library message with the file it came from. */
static int with_source(int rc, const char *source)
{
    if (rc == PLANOMSORG_OK)
        return rc;
    char *msg = trimmed_copy(planomsorg_error_last());
    if (msg == NULL)
        return rc;
    rc = pl_error(rc, "%s: %s", source, msg);
    free(msg);
    return rc;
}

static int build_matrices(planomsorg_cohort *m, const pl_csv *csv, const entries *es,
                          const int *has_default)
{
    int n = planomsorg_cohort_n_states(m);
    size_t n2 = (size_t)n * (size_t)n;
    double *def = calloc(n2, sizeof *def), *cur = malloc(n2 * sizeof *cur);
    int rc = PLANOMSORG_OK;
    if (def == NULL || cur == NULL)
        rc = pl_error(PLANOMSORG_ENOMEM, "planomsorg_cohort_read_csv: out of memory");
    size_t k = 0;
    for (; rc == PLANOMSORG_OK && k < es->n && es->items[k].cycle == 0; k++)
        def[(size_t)es->items[k].from * (size_t)n + (size_t)es->items[k].to] = es->items[k].value;
    int complete = 1;
    for (int i = 0; i < n; i++)
        complete = complete && has_default[i];
    if (rc == PLANOMSORG_OK && complete)
        rc = with_source(planomsorg_cohort_set_matrix(m, PLANOMSORG_COHORT_ALL_CYCLES, def),
                         pl_csv_source(csv));
    while (rc == PLANOMSORG_OK && k < es->n) {
        int cycle = es->items[k].cycle;
        memcpy(cur, def, n2 * sizeof *cur);
        size_t g = k;
        for (; g < es->n && es->items[g].cycle == cycle; g++) /* clear overridden rows */
            memset(cur + (size_t)es->items[g].from * (size_t)n, 0, (size_t)n * sizeof *cur);
        for (; k < g; k++)
            cur[(size_t)es->items[k].from * (size_t)n + (size_t)es->items[k].to] =
                es->items[k].value;
        rc = with_source(planomsorg_cohort_set_matrix(m, cycle, cur), pl_csv_source(csv));
    }
    free(def);
    free(cur);
    return rc;
}

static int build_values(planomsorg_cohort *m, const pl_csv *csv, const entries *es)
{
    int n = planomsorg_cohort_n_states(m);
    double *def = calloc((size_t)n, sizeof *def), *cur = malloc((size_t)n * sizeof *cur);
    int rc = PLANOMSORG_OK;
    if (def == NULL || cur == NULL)
        rc = pl_error(PLANOMSORG_ENOMEM, "planomsorg_cohort_read_csv: out of memory");
    size_t k = 0;
    for (; rc == PLANOMSORG_OK && k < es->n && es->items[k].cycle == 0; k++)
        def[es->items[k].from] = es->items[k].value;
    if (rc == PLANOMSORG_OK)
        rc = with_source(planomsorg_cohort_set_values(m, PLANOMSORG_COHORT_ALL_CYCLES, def),
                         pl_csv_source(csv));
    while (rc == PLANOMSORG_OK && k < es->n) {
        int cycle = es->items[k].cycle;
        memcpy(cur, def, (size_t)n * sizeof *cur);
        for (; k < es->n && es->items[k].cycle == cycle; k++)
            cur[es->items[k].from] = es->items[k].value;
        rc = with_source(planomsorg_cohort_set_values(m, cycle, cur), pl_csv_source(csv));
    }
    free(def);
    free(cur);
    return rc;
}

/* The reader behind both public functions; `fn` names the caller in messages. */
static int read_model(planomsorg_cohort **out, const input *tin, const input *iin,
                      const input *vin, int n_cycles, const char *fn)
{
    if (n_cycles < 0 || n_cycles > PLANOMSORG_COHORT_MAX_CYCLES)
        return pl_error(PLANOMSORG_ERANGE, "%s: number of cycles %d outside 0..%d", fn,
                        n_cycles, PLANOMSORG_COHORT_MAX_CYCLES);
    char **names = NULL;
    double *share = NULL;
    int n_states = 0;
    int rc = read_initial(iin, &names, &share, &n_states);
    if (rc != PLANOMSORG_OK)
        return rc;
    pl_csv *tcsv = NULL, *vcsv = NULL;
    entries trans = {NULL, 0}, vals = {NULL, 0};
    int *has_default = NULL;
    planomsorg_cohort *m = NULL;
    rc = read_entries(&tcsv, &trans, tin, 1, names, n_states, n_cycles);
    if (rc == PLANOMSORG_OK && vin != NULL)
        rc = read_entries(&vcsv, &vals, vin, 0, names, n_states, n_cycles);
    if (rc == PLANOMSORG_OK && n_cycles == 0) {
        n_cycles = max_cycle(&trans) > max_cycle(&vals) ? max_cycle(&trans) : max_cycle(&vals);
        if (n_cycles == 0)
            rc = pl_error(PLANOMSORG_EMISSING, "%s: every row is for cycle '*': give the number "
                          "of cycles", fn);
    }
    if (rc == PLANOMSORG_OK)
        rc = sort_and_check_duplicates(tcsv, &trans, 1, names);
    if (rc == PLANOMSORG_OK && vcsv != NULL)
        rc = sort_and_check_duplicates(vcsv, &vals, 0, names);
    if (rc == PLANOMSORG_OK && (has_default = calloc((size_t)n_states, sizeof *has_default)) == NULL)
        rc = pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", fn);
    if (rc == PLANOMSORG_OK)
        rc = check_rows(tcsv, &trans, names, n_states, n_cycles, has_default);
    if (rc == PLANOMSORG_OK)
        rc = planomsorg_cohort_new(&m, n_states, (const char *const *)names, n_cycles);
    if (rc == PLANOMSORG_OK)
        rc = with_source(planomsorg_cohort_set_initial(m, share),
                         iin->path != NULL ? iin->path : iin->name);
    if (rc == PLANOMSORG_OK)
        rc = build_matrices(m, tcsv, &trans, has_default);
    if (rc == PLANOMSORG_OK && vcsv != NULL)
        rc = build_values(m, vcsv, &vals);
    free(has_default);
    free(trans.items);
    free(vals.items);
    pl_csv_free(tcsv);
    pl_csv_free(vcsv);
    free_names(names, n_states);
    free(share);
    if (rc != PLANOMSORG_OK) {
        planomsorg_cohort_free(m);
        return rc;
    }
    *out = m;
    return PLANOMSORG_OK;
}

int planomsorg_cohort_read_csv(planomsorg_cohort **out, const char *transitions_path,
                               const char *initial_path, const char *values_path, int n_cycles)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    PL_CHECK_NULL(transitions_path);
    PL_CHECK_NULL(initial_path);
    const input t = {transitions_path, NULL, 0, NULL}, i = {initial_path, NULL, 0, NULL},
                v = {values_path, NULL, 0, NULL};
    return read_model(out, &t, &i, values_path != NULL ? &v : NULL, n_cycles, __func__);
}

int planomsorg_cohort_parse_csv(planomsorg_cohort **out, const char *transitions,
                                size_t transitions_len, const char *initial, size_t initial_len,
                                const char *values, size_t values_len, int n_cycles)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    if (transitions == NULL && transitions_len > 0)
        return pl_error(PLANOMSORG_EINVAL, "%s: transitions is NULL with length %zu", __func__,
                        transitions_len);
    if (initial == NULL && initial_len > 0)
        return pl_error(PLANOMSORG_EINVAL, "%s: initial is NULL with length %zu", __func__,
                        initial_len);
    const input t = {NULL, transitions != NULL ? transitions : "", transitions_len, "transitions"},
                i = {NULL, initial != NULL ? initial : "", initial_len, "initial"},
                v = {NULL, values, values_len, "values"};
    return read_model(out, &t, &i, values != NULL ? &v : NULL, n_cycles, __func__);
}
