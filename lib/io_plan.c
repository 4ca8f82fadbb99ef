/* Reading plan files: YAML through libyaml's document API, so that every node keeps
 * its line and column for messages "FILE:LINE:COLUMN: ...". Format: docs/plan-file.md. */
#include "planomsorg/plan.h"
#include "planomsorg/data.h"
#include "planomsorg/demography.h"
#include "planomsorg/io.h"

#include "error.h"
#include "plan_internal.h"
#include "scenario_internal.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#define FORMAT_VERSION 1
#define MAX_FILE_BYTES (16u << 20)

struct reader {
    yaml_document_t doc;
    const char *source;
    char dir[4096];          /* directory of the plan file, for relative file names */
    planomsorg_plan *plan;
    int staffing_groups;     /* number of groups of the default staffing */
};

static int node_error(struct reader *rd, const yaml_node_t *node, int code, const char *fmt, ...)
    PL_PRINTF(4, 5);

static int node_error(struct reader *rd, const yaml_node_t *node, int code, const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    unsigned long line = node ? (unsigned long)node->start_mark.line + 1 : 0;
    unsigned long col = node ? (unsigned long)node->start_mark.column + 1 : 0;
    return pl_error(code, "%s:%lu:%lu: %s", rd->source, line, col, msg);
}

/* Wraps the message of a library call that failed on a node's value. */
static int wrap_error(struct reader *rd, const yaml_node_t *node, int rc)
{
    char msg[600];
    snprintf(msg, sizeof msg, "%s", planomsorg_error_last());
    return node_error(rd, node, rc, "%s", msg);
}

static yaml_node_t *get_node(struct reader *rd, int index)
{
    return yaml_document_get_node(&rd->doc, index);
}

static const char *scalar(const yaml_node_t *n)
{
    return (const char *)n->data.scalar.value;
}

static const char *type_name(const yaml_node_t *n)
{
    switch (n->type) {
    case YAML_SCALAR_NODE:
        return "a scalar";
    case YAML_SEQUENCE_NODE:
        return "a list";
    case YAML_MAPPING_NODE:
        return "a mapping";
    default:
        return "empty";
    }
}

static int expect_type(struct reader *rd, const yaml_node_t *n, yaml_node_type_t type,
                       const char *what)
{
    if (n->type == type)
        return PLANOMSORG_OK;
    const char *want = type == YAML_SCALAR_NODE ? "a scalar" :
                       type == YAML_SEQUENCE_NODE ? "a list" : "a mapping";
    return node_error(rd, n, PLANOMSORG_EFORMAT, "%s must be %s, not %s", what, want,
                      type_name(n));
}

static int get_number(struct reader *rd, const yaml_node_t *n, const char *what, double *out)
{
    int rc = expect_type(rd, n, YAML_SCALAR_NODE, what);
    if (rc != PLANOMSORG_OK)
        return rc;
    const char *s = scalar(n);
    char *end = NULL;
    errno = 0;
    double v = strtod(s, &end);
    if (*s == '\0' || *end != '\0' || errno == ERANGE || !isfinite(v))
        return node_error(rd, n, PLANOMSORG_EFORMAT, "%s must be a number, not '%s'", what, s);
    *out = v;
    return PLANOMSORG_OK;
}

static int get_range(struct reader *rd, const yaml_node_t *n, const char *what, double lo,
                     double hi, double *out)
{
    int rc = get_number(rd, n, what, out);
    if (rc == PLANOMSORG_OK && (*out < lo || *out > hi))
        return node_error(rd, n, PLANOMSORG_EVALUE, "%s = %g is outside [%g, %g]", what, *out,
                          lo, hi);
    return rc;
}

static int get_int(struct reader *rd, const yaml_node_t *n, const char *what, long lo, long hi,
                   int *out)
{
    int rc = expect_type(rd, n, YAML_SCALAR_NODE, what);
    if (rc != PLANOMSORG_OK)
        return rc;
    const char *s = scalar(n);
    char *end = NULL;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || errno == ERANGE)
        return node_error(rd, n, PLANOMSORG_EFORMAT, "%s must be a whole number, not '%s'", what,
                          s);
    if (v < lo || v > hi)
        return node_error(rd, n, PLANOMSORG_EVALUE, "%s = %ld is outside %ld..%ld", what, v, lo,
                          hi);
    *out = (int)v;
    return PLANOMSORG_OK;
}

static int get_string(struct reader *rd, const yaml_node_t *n, const char *what,
                      const char **out)
{
    int rc = expect_type(rd, n, YAML_SCALAR_NODE, what);
    if (rc == PLANOMSORG_OK)
        *out = scalar(n);
    return rc;
}

/* Looks a key up among the allowed ones; an unknown key is an error naming them. */
static int check_keys(struct reader *rd, const yaml_node_t *map, const char *where,
                      const char *const *allowed)
{
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        yaml_node_t *k = get_node(rd, p->key);
        if (k->type != YAML_SCALAR_NODE)
            return node_error(rd, k, PLANOMSORG_EFORMAT, "keys of %s must be scalars", where);
        int ok = 0;
        for (const char *const *a = allowed; *a; a++)
            ok |= strcmp(*a, scalar(k)) == 0;
        if (!ok) {
            char list[512] = "";
            for (const char *const *a = allowed; *a; a++) {
                strncat(list, *a, sizeof list - strlen(list) - 1);
                if (a[1])
                    strncat(list, ", ", sizeof list - strlen(list) - 1);
            }
            return node_error(rd, k, PLANOMSORG_EFORMAT, "unknown key '%s' in %s (known: %s)",
                              scalar(k), where, list);
        }
        for (yaml_node_pair_t *q = map->data.mapping.pairs.start; q < p; q++)
            if (strcmp(scalar(get_node(rd, q->key)), scalar(k)) == 0)
                return node_error(rd, k, PLANOMSORG_EDUPLICATE, "key '%s' appears twice in %s",
                                  scalar(k), where);
    }
    return PLANOMSORG_OK;
}

/* A mapping (named `where` in messages) whose keys are among the allowed ones. */
static int expect_mapping(struct reader *rd, const yaml_node_t *n, const char *where,
                          const char *const *allowed)
{
    int rc = expect_type(rd, n, YAML_MAPPING_NODE, where);
    return rc != PLANOMSORG_OK ? rc : check_keys(rd, n, where, allowed);
}

static yaml_node_t *lookup(struct reader *rd, const yaml_node_t *map, const char *key)
{
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        yaml_node_t *k = get_node(rd, p->key);
        if (k->type == YAML_SCALAR_NODE && strcmp(scalar(k), key) == 0)
            return get_node(rd, p->value);
    }
    return NULL;
}

/* ------------------------------------------------------------------------- */
/* Paths: a number, {from, values[, to]} or {from, to, start, end}            */
/* ------------------------------------------------------------------------- */

struct path {
    int constant;   /* 1: one value for every year */
    double value;
    int first_year;
    int n_years;
    double *values; /* owned */
};

static int read_path_keys(struct reader *rd, const yaml_node_t *n, const char *what, double lo,
                          double hi, struct path *out, int allow_ages);

static int read_path(struct reader *rd, const yaml_node_t *n, const char *what, double lo,
                     double hi, struct path *out)
{
    return read_path_keys(rd, n, what, lo, hi, out, 0);
}

static int read_path_keys(struct reader *rd, const yaml_node_t *n, const char *what, double lo,
                          double hi, struct path *out, int allow_ages)
{
    memset(out, 0, sizeof *out);
    if (n->type == YAML_SCALAR_NODE) {
        out->constant = 1;
        return get_range(rd, n, what, lo, hi, &out->value);
    }
    if (n->type != YAML_MAPPING_NODE)
        return node_error(rd, n, PLANOMSORG_EFORMAT, "%s must be a number or a mapping with "
                          "from/values or from/to/start/end, not %s", what, type_name(n));
    static const char *const keys[] = {"from", "to", "values", "start", "end", NULL};
    static const char *const keys_ages[] = {"from", "to", "values", "start", "end", "ages",
                                            NULL};
    int rc = check_keys(rd, n, what, allow_ages ? keys_ages : keys);
    if (rc != PLANOMSORG_OK)
        return rc;
    yaml_node_t *from = lookup(rd, n, "from"), *to = lookup(rd, n, "to");
    yaml_node_t *values = lookup(rd, n, "values"), *start = lookup(rd, n, "start");
    yaml_node_t *end = lookup(rd, n, "end");
    if (!from)
        return node_error(rd, n, PLANOMSORG_EMISSING, "%s: a path needs 'from' (its first year)",
                          what);
    int first = 0, last = 0;
    rc = get_int(rd, from, "from", 1800, 2300, &first);
    if (rc == PLANOMSORG_OK && to)
        rc = get_int(rd, to, "to", first, 2300, &last);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (values) {
        if (start || end)
            return node_error(rd, n, PLANOMSORG_EFORMAT, "%s: give either 'values' or "
                              "'start'/'end', not both", what);
        rc = expect_type(rd, values, YAML_SEQUENCE_NODE, "values");
        if (rc != PLANOMSORG_OK)
            return rc;
        int len = (int)(values->data.sequence.items.top - values->data.sequence.items.start);
        if (len == 0)
            return node_error(rd, values, PLANOMSORG_EDIMENSION, "%s: 'values' is empty", what);
        if (len > 500 || first + len - 1 > 2300)
            return node_error(rd, values, PLANOMSORG_EDIMENSION, "%s: %d values from %d go past "
                              "2300", what, len, first);
        if (to && last - first + 1 != len)
            return node_error(rd, values, PLANOMSORG_EDIMENSION, "%s: %d values for the %d years "
                              "%d..%d", what, len, last - first + 1, first, last);
        out->values = malloc((size_t)len * sizeof *out->values);
        if (!out->values)
            return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", rd->source);
        out->first_year = first;
        out->n_years = len;
        for (int i = 0; i < len && rc == PLANOMSORG_OK; i++) {
            char label[160];
            snprintf(label, sizeof label, "%s in %d", what, first + i);
            rc = get_range(rd, get_node(rd, values->data.sequence.items.start[i]), label, lo, hi,
                           &out->values[i]);
        }
        return rc;
    }
    if (!to || !start || !end)
        return node_error(rd, n, PLANOMSORG_EMISSING, "%s: a path needs 'values', or 'to', "
                          "'start' and 'end' (a ramp)", what);
    double a = 0, b = 0;
    rc = get_range(rd, start, "start", lo, hi, &a);
    if (rc == PLANOMSORG_OK)
        rc = get_range(rd, end, "end", lo, hi, &b);
    if (rc != PLANOMSORG_OK)
        return rc;
    int len = last - first + 1;
    out->values = malloc((size_t)len * sizeof *out->values);
    if (!out->values)
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", rd->source);
    for (int i = 0; i < len; i++)
        out->values[i] = len == 1 ? b : a + (b - a) * i / (len - 1);
    out->first_year = first;
    out->n_years = len;
    return PLANOMSORG_OK;
}

/* ------------------------------------------------------------------------- */
/* Names                                                                      */
/* ------------------------------------------------------------------------- */

static int find_level(struct reader *rd, const yaml_node_t *key, int *level)
{
    const planomsorg_staircase *sc = rd->plan->sc;
    if (planomsorg_staircase_find(level, sc, scalar(key)) == PLANOMSORG_OK)
        return PLANOMSORG_OK;
    char list[600] = "";
    for (int k = 0; k < planomsorg_staircase_n_levels(sc); k++) {
        strncat(list, planomsorg_staircase_level_name(sc, k), sizeof list - strlen(list) - 1);
        if (k + 1 < planomsorg_staircase_n_levels(sc))
            strncat(list, ", ", sizeof list - strlen(list) - 1);
    }
    return node_error(rd, key, PLANOMSORG_ENOTFOUND, "unknown level '%s' (levels: %s)",
                      scalar(key), list);
}

static int find_group(struct reader *rd, const yaml_node_t *key, int *group)
{
    for (int g = 0; g < rd->staffing_groups; g++)
        if (strcmp(planomsorg_group_default_name(g), scalar(key)) == 0) {
            *group = g;
            return PLANOMSORG_OK;
        }
    return node_error(rd, key, PLANOMSORG_ENOTFOUND, "unknown competence group '%s' (groups: "
                      "nurse, health_worker, assistant, other)", scalar(key));
}

static int find_place_type(struct reader *rd, const yaml_node_t *key, int *type)
{
    for (int j = 0; j < PLANOMSORG_N_PLACE_TYPES; j++)
        if (strcmp(planomsorg_place_type_name(j), scalar(key)) == 0) {
            *type = j;
            return PLANOMSORG_OK;
        }
    return node_error(rd, key, PLANOMSORG_ENOTFOUND, "unknown place type '%s' (nursing_home, "
                      "housing)", scalar(key));
}

/* A mapping name -> number where names are levels (kind 0), groups (1) or place types (2). */
static int read_table(struct reader *rd, const yaml_node_t *n, const char *what, int kind,
                      double lo, double hi, double *dst)
{
    int rc = expect_type(rd, n, YAML_MAPPING_NODE, what);
    for (yaml_node_pair_t *p = rc ? NULL : n->data.mapping.pairs.start;
         p && p < n->data.mapping.pairs.top && rc == PLANOMSORG_OK; p++) {
        yaml_node_t *k = get_node(rd, p->key);
        rc = expect_type(rd, k, YAML_SCALAR_NODE, "a name");
        int idx = 0;
        if (rc == PLANOMSORG_OK)
            rc = kind == 0 ? find_level(rd, k, &idx) : kind == 1 ? find_group(rd, k, &idx)
                                                              : find_place_type(rd, k, &idx);
        char label[160];
        snprintf(label, sizeof label, "%s of %s", what, rc ? "" : scalar(k));
        if (rc == PLANOMSORG_OK)
            rc = get_range(rd, get_node(rd, p->value), label, lo, hi, &dst[idx]);
    }
    return rc;
}

/* ------------------------------------------------------------------------- */
/* Sections                                                                   */
/* ------------------------------------------------------------------------- */

static void relative_path(struct reader *rd, const char *name, char *path, size_t size)
{
    if (name[0] == '/' || rd->dir[0] == '\0')
        snprintf(path, size, "%s", name);
    else
        snprintf(path, size, "%s/%s", rd->dir, name);
}

/* The file named by the string node FILE (WHAT names it in messages), relative to the
 * plan file's directory, into path[size]. */
static int file_path(struct reader *rd, const yaml_node_t *file, const char *what, char *path,
                     size_t size)
{
    const char *name = NULL;
    int rc = get_string(rd, file, what, &name);
    if (rc == PLANOMSORG_OK)
        relative_path(rd, name, path, size);
    return rc;
}

/* population: align: {file: SSB_TABLE.csv, region: NAME} */
static int read_align(struct reader *rd, const yaml_node_t *n)
{
    static const char *const keys[] = {"file", "region", NULL};
    int rc = expect_mapping(rd, n, "align", keys);
    if (rc != PLANOMSORG_OK)
        return rc;
    yaml_node_t *file = lookup(rd, n, "file"), *region = lookup(rd, n, "region");
    if (!file)
        return node_error(rd, n, PLANOMSORG_EMISSING, "align needs 'file' (an SSB projection "
                          "table, docs/methods/align.md)");
    const char *region_name = NULL;
    char path[8192];
    rc = file_path(rd, file, "align file", path, sizeof path);
    if (rc == PLANOMSORG_OK && region)
        rc = get_string(rd, region, "align region", &region_name);
    if (rc != PLANOMSORG_OK)
        return rc;
    planomsorg_ssbproj *proj = NULL;
    rc = planomsorg_ssbproj_read(&proj, path);
    if (rc != PLANOMSORG_OK)
        return wrap_error(rd, file, rc);
    rc = pl_plan_own_alignment(rd->plan, proj, region_name);
    if (rc != PLANOMSORG_OK)
        return wrap_error(rd, region ? region : file, rc);
    return PLANOMSORG_OK;
}

static int read_population(struct reader *rd, const yaml_node_t *n)
{
    static const char *const keys[] = {"source", "file", "align", NULL};
    int rc = expect_mapping(rd, n, "population", keys);
    if (rc != PLANOMSORG_OK)
        return rc;
    yaml_node_t *source = lookup(rd, n, "source"), *file = lookup(rd, n, "file");
    const char *src = file ? "file" : "projection";
    if (source && (rc = get_string(rd, source, "population source", &src)) != PLANOMSORG_OK)
        return rc;
    yaml_node_t *align = lookup(rd, n, "align");
    if (strcmp(src, "projection") == 0) {
        if (file)
            return node_error(rd, file, PLANOMSORG_EFORMAT, "population: 'file' given with "
                              "source 'projection'");
        return align ? read_align(rd, align) : PLANOMSORG_OK;
    }
    if (align)
        return node_error(rd, align, PLANOMSORG_EFORMAT, "population: 'align' applies to the "
                          "projection, not to a population file");
    if (strcmp(src, "file") != 0)
        return node_error(rd, source, PLANOMSORG_EVALUE, "population source '%s' is neither "
                          "'projection' nor 'file'", src);
    if (!file)
        return node_error(rd, n, PLANOMSORG_EMISSING, "population: source 'file' needs 'file'");
    char path[8192];
    rc = file_path(rd, file, "population file", path, sizeof path);
    if (rc != PLANOMSORG_OK)
        return rc;
    planomsorg_population *pop = NULL;
    rc = planomsorg_population_read_csv(&pop, path);
    if (rc != PLANOMSORG_OK)
        return wrap_error(rd, file, rc);
    rc = planomsorg_plan_set_population(rd->plan, pop);
    planomsorg_population_free(pop);
    return rc;
}

static int read_rates(struct reader *rd, const yaml_node_t *n)
{
    static const char *const keys[] = {"kostra_year", NULL};
    int rc = expect_mapping(rd, n, "rates", keys);
    yaml_node_t *y = rc ? NULL : lookup(rd, n, "kostra_year");
    if (y) {
        int year = 0;
        rc = get_int(rd, y, "kostra_year", 2000, 2100, &year);
        if (rc == PLANOMSORG_OK && (rc = planomsorg_plan_set_rates_kostra(rd->plan, year)))
            rc = wrap_error(rd, y, rc);
    }
    return rc;
}

static int read_staffing(struct reader *rd, const yaml_node_t *n)
{
    static const char *const keys[] = {"fte_per_user", "absence", "position_share", "attrition",
                                       "workforce", "fulltime", NULL};
    int rc = expect_mapping(rd, n, "staffing", keys);
    if (rc != PLANOMSORG_OK)
        return rc;
    struct pl_overrides *ov = &rd->plan->ov;
    yaml_node_t *v;
    if ((v = lookup(rd, n, "fte_per_user")) && rc == PLANOMSORG_OK)
        rc = read_table(rd, v, "fte_per_user", 0, 0, 100, ov->fte_per_user);
    if ((v = lookup(rd, n, "absence")) && rc == PLANOMSORG_OK)
        rc = read_table(rd, v, "absence", 1, 0, 0.89, ov->absence);
    if ((v = lookup(rd, n, "position_share")) && rc == PLANOMSORG_OK)
        rc = read_table(rd, v, "position_share", 1, 0.01, 1, ov->position_share);
    if ((v = lookup(rd, n, "attrition")) && rc == PLANOMSORG_OK)
        rc = read_table(rd, v, "attrition", 1, 0, 1, ov->attrition);
    if ((v = lookup(rd, n, "workforce")) && rc == PLANOMSORG_OK)
        rc = read_table(rd, v, "workforce", 1, 0, 1e8, ov->workforce);
    if ((v = lookup(rd, n, "fulltime")) && rc == PLANOMSORG_OK) {
        static const char *const fk[] = {"increase", "cap", NULL};
        rc = expect_mapping(rd, v, "fulltime", fk);
        yaml_node_t *inc = rc ? NULL : lookup(rd, v, "increase");
        yaml_node_t *cap = rc ? NULL : lookup(rd, v, "cap");
        if (rc == PLANOMSORG_OK && !inc)
            rc = node_error(rd, v, PLANOMSORG_EMISSING, "fulltime needs 'increase'");
        if (rc == PLANOMSORG_OK)
            rc = get_range(rd, inc, "fulltime increase", 0, 1, &ov->fulltime_increase);
        if (rc == PLANOMSORG_OK && cap)
            rc = get_range(rd, cap, "fulltime cap", 0.01, 1, &ov->fulltime_cap);
    }
    return rc;
}

static int read_costs(struct reader *rd, const yaml_node_t *n)
{
    static const char *const keys[] = {"cost_per_fte", "cost_per_user", "place_cost",
                                       "grant_share", NULL};
    int rc = expect_mapping(rd, n, "costs", keys);
    if (rc != PLANOMSORG_OK)
        return rc;
    struct pl_overrides *ov = &rd->plan->ov;
    yaml_node_t *v;
    if ((v = lookup(rd, n, "cost_per_fte")))
        rc = get_range(rd, v, "cost_per_fte", 0, 1e9, &ov->cost_per_fte);
    if ((v = lookup(rd, n, "cost_per_user")) && rc == PLANOMSORG_OK)
        rc = read_table(rd, v, "cost_per_user", 0, 0, 1e9, ov->cost_per_user);
    if ((v = lookup(rd, n, "place_cost")) && rc == PLANOMSORG_OK)
        rc = read_table(rd, v, "place_cost", 2, 0, 1e10, ov->place_cost);
    if ((v = lookup(rd, n, "grant_share")) && rc == PLANOMSORG_OK)
        rc = read_table(rd, v, "grant_share", 2, 0, 1, ov->grant_share);
    return rc;
}

/* An age band "80+", "67-79" or "90". */
static int read_ages(struct reader *rd, const yaml_node_t *n, int *lo, int *hi)
{
    const char *s = NULL;
    int rc = get_string(rd, n, "ages", &s);
    if (rc != PLANOMSORG_OK)
        return rc;
    char *end = NULL;
    long a = strtol(s, &end, 10), b = a;
    int ok = end != s && a >= 0 && a <= PLANOMSORG_MAX_AGE_LIMIT;
    if (ok && *end == '+' && end[1] == '\0') {
        b = PLANOMSORG_AGE_OPEN;
    } else if (ok && *end == '-') {
        const char *start = end + 1;
        b = strtol(start, &end, 10);
        ok = end != start && *end == '\0' && b >= a && b <= PLANOMSORG_MAX_AGE_LIMIT;
    } else {
        ok = ok && *end == '\0';
    }
    if (!ok)
        return node_error(rd, n, PLANOMSORG_EVALUE, "ages '%s' is not an age band such as "
                          "\"80+\" or \"67-79\"", s);
    *lo = (int)a;
    *hi = (int)b;
    return PLANOMSORG_OK;
}

/* Capacity plans (a mapping level -> path of places) or, with `targets`, coverage targets
 * (level -> path of fractions, with "ages", default 80+) into a scenario. */
static int read_level_paths(struct reader *rd, const yaml_node_t *n, planomsorg_scenario *sc,
                            int targets)
{
    int rc = expect_type(rd, n, YAML_MAPPING_NODE, targets ? "coverage_targets" : "capacity");
    for (yaml_node_pair_t *p = rc ? NULL : n->data.mapping.pairs.start;
         p && p < n->data.mapping.pairs.top && rc == PLANOMSORG_OK; p++) {
        yaml_node_t *k = get_node(rd, p->key), *v = get_node(rd, p->value);
        int level = 0, lo = 80, hi = PLANOMSORG_AGE_OPEN;
        rc = expect_type(rd, k, YAML_SCALAR_NODE, "a level name");
        if (rc == PLANOMSORG_OK)
            rc = find_level(rd, k, &level);
        if (rc == PLANOMSORG_OK && level == 0) /* as planomsorg_services_set_capacity() */
            rc = node_error(rd, k, PLANOMSORG_EVALUE, "capacity of %s: level 0 is the residual "
                            "level and cannot be capped", scalar(k));
        struct path path = {0};
        char label[120];
        snprintf(label, sizeof label, "%s of %s", targets ? "coverage target" : "capacity",
                 rc ? "" : scalar(k));
        if (rc == PLANOMSORG_OK)
            rc = read_path_keys(rd, v, label, 0, targets ? 1 : 1e9, &path, targets);
        if (rc == PLANOMSORG_OK && path.constant)
            rc = node_error(rd, v, PLANOMSORG_EFORMAT, "%s must be a path with 'from' (the "
                            "%s in a year)", label, targets ? "target starts" : "places start");
        yaml_node_t *ages = rc || !targets ? NULL : lookup(rd, v, "ages");
        if (ages)
            rc = read_ages(rd, ages, &lo, &hi);
        if (rc == PLANOMSORG_OK) {
            rc = targets ? planomsorg_scenario_set_coverage_target(sc, scalar(k), path.values,
                                                                   path.first_year,
                                                                   path.n_years, lo, hi)
                         : planomsorg_scenario_set_capacity(sc, scalar(k), path.values,
                                                            path.first_year, path.n_years);
            if (rc != PLANOMSORG_OK)
                rc = wrap_error(rd, v, rc);
        }
        free(path.values);
    }
    return rc;
}

/* The plan-wide capacity plans and coverage targets, then the scenario's own. */
struct shared_capacity {
    const yaml_node_t *capacity, *targets;
};

static int read_all_capacity(struct reader *rd, const struct shared_capacity *shared,
                             const yaml_node_t *own_capacity, const yaml_node_t *own_targets,
                             planomsorg_scenario *sc)
{
    int rc = PLANOMSORG_OK;
    if (shared->capacity)
        rc = read_level_paths(rd, shared->capacity, sc, 0);
    if (rc == PLANOMSORG_OK && shared->targets)
        rc = read_level_paths(rd, shared->targets, sc, 1);
    if (rc == PLANOMSORG_OK && own_capacity)
        rc = read_level_paths(rd, own_capacity, sc, 0);
    if (rc == PLANOMSORG_OK && own_targets)
        rc = read_level_paths(rd, own_targets, sc, 1);
    return rc;
}

static int read_scenario(struct reader *rd, const yaml_node_t *n,
                         const struct shared_capacity *shared)
{
    static const char *const keys[] = {"name", "bundle", "demography", "health", "family_care",
                                       "standard", "productivity", "dreining", "recruitment",
                                       "capacity", "coverage_targets", NULL};
    int rc = expect_mapping(rd, n, "a scenario", keys);
    if (rc != PLANOMSORG_OK)
        return rc;
    yaml_node_t *name = lookup(rd, n, "name"), *bundle = lookup(rd, n, "bundle");
    if (!name && !bundle)
        return node_error(rd, n, PLANOMSORG_EMISSING, "a scenario needs a 'name' or a 'bundle'");
    planomsorg_scenario *sc = NULL;
    if (bundle) {
        const char *b = NULL;
        int code = 0;
        rc = get_string(rd, bundle, "bundle", &b);
        if (rc == PLANOMSORG_OK && planomsorg_bundle_find(&code, b) != PLANOMSORG_OK)
            rc = node_error(rd, bundle, PLANOMSORG_ENOTFOUND, "unknown scenario bundle '%s' "
                            "(worst, middle, best)", b);
        if (rc == PLANOMSORG_OK)
            rc = planomsorg_scenario_new_bundle(&sc, code);
    } else {
        rc = planomsorg_scenario_new(&sc, "scenario");
    }
    if (rc == PLANOMSORG_OK && name) {
        const char *s = NULL;
        rc = get_string(rd, name, "scenario name", &s);
        if (rc == PLANOMSORG_OK && planomsorg_scenario_set_name(sc, s) != PLANOMSORG_OK)
            rc = node_error(rd, name, PLANOMSORG_EVALUE, "bad scenario name '%s' (1-63 letters, "
                            "digits, '_', '-', '.')", s);
    }
    yaml_node_t *demo = rc ? NULL : lookup(rd, n, "demography");
    if (demo) {
        const char *s = NULL;
        rc = get_string(rd, demo, "demography", &s);
        int alt = -1;
        for (int a = 0; rc == PLANOMSORG_OK && a < PLANOMSORG_N_ALTERNATIVES; a++)
            if (strcmp(planomsorg_alternative_name(a), s) == 0)
                alt = a;
        if (rc == PLANOMSORG_OK && alt < 0)
            rc = node_error(rd, demo, PLANOMSORG_ENOTFOUND, "unknown demography alternative '%s' "
                            "(main, low, high)", s);
        if (rc == PLANOMSORG_OK)
            rc = planomsorg_scenario_set_demography(sc, alt);
    }
    for (int l = 0; l < PLANOMSORG_N_LEVERS && rc == PLANOMSORG_OK; l++) {
        yaml_node_t *v = lookup(rd, n, planomsorg_lever_name(l));
        if (!v)
            continue;
        double lo = 0, hi = 0;
        planomsorg_lever_range(&lo, &hi, l);
        struct path path = {0};
        rc = read_path(rd, v, planomsorg_lever_name(l), lo, hi, &path);
        if (rc == PLANOMSORG_OK) {
            rc = path.constant ? planomsorg_scenario_set_value(sc, l, path.value)
                               : planomsorg_scenario_set_path(sc, l, path.values,
                                                              path.first_year, path.n_years);
            if (rc != PLANOMSORG_OK)
                rc = wrap_error(rd, v, rc);
        }
        free(path.values);
    }
    /* the plan-wide plans first, then the scenario's own override per level */
    if (rc == PLANOMSORG_OK)
        rc = read_all_capacity(rd, shared, lookup(rd, n, "capacity"),
                               lookup(rd, n, "coverage_targets"), sc);
    if (rc == PLANOMSORG_OK) {
        rc = planomsorg_plan_add_scenario(rd->plan, sc);
        if (rc != PLANOMSORG_OK)
            rc = wrap_error(rd, name ? name : bundle, rc);
    }
    planomsorg_scenario_free(sc);
    return rc;
}

static int read_scenarios(struct reader *rd, const yaml_node_t *n,
                          const struct shared_capacity *shared)
{
    int rc = expect_type(rd, n, YAML_SEQUENCE_NODE, "scenarios");
    if (rc != PLANOMSORG_OK)
        return rc;
    if (n->data.sequence.items.top == n->data.sequence.items.start)
        return node_error(rd, n, PLANOMSORG_EEMPTY, "'scenarios' lists no scenario (leave the "
                          "key out for the middle bundle)");
    for (yaml_node_item_t *i = n->data.sequence.items.start;
         i < n->data.sequence.items.top && rc == PLANOMSORG_OK; i++) {
        yaml_node_t *item = get_node(rd, *i);
        if (item->type == YAML_SCALAR_NODE) {
            /* a bare bundle name */
            int code = 0;
            planomsorg_scenario *sc = NULL;
            if (planomsorg_bundle_find(&code, scalar(item)) != PLANOMSORG_OK)
                return node_error(rd, item, PLANOMSORG_ENOTFOUND, "unknown scenario bundle '%s' "
                                  "(worst, middle, best)", scalar(item));
            rc = planomsorg_scenario_new_bundle(&sc, code);
            if (rc == PLANOMSORG_OK)
                rc = read_all_capacity(rd, shared, NULL, NULL, sc);
            if (rc == PLANOMSORG_OK && (rc = planomsorg_plan_add_scenario(rd->plan, sc)))
                rc = wrap_error(rd, item, rc);
            planomsorg_scenario_free(sc);
        } else {
            rc = read_scenario(rd, item, shared);
        }
    }
    return rc;
}

static int read_root(struct reader *rd, const yaml_node_t *root)
{
    static const char *const keys[] = {"version", "region", "base_year", "last_year",
                                       "population", "rates", "staffing", "costs", "capacity",
                                       "coverage_targets", "scenarios", NULL};
    int rc = expect_type(rd, root, YAML_MAPPING_NODE, "a plan file");
    if (rc == PLANOMSORG_OK)
        rc = check_keys(rd, root, "the plan", keys);
    if (rc != PLANOMSORG_OK)
        return rc;
    yaml_node_t *v;
    if ((v = lookup(rd, root, "version"))) {
        int version = 0;
        rc = get_int(rd, v, "version", 1, FORMAT_VERSION, &version);
        if (rc != PLANOMSORG_OK)
            return rc;
    }
    const char *region = PLANOMSORG_NORWAY;
    if ((v = lookup(rd, root, "region"))) {
        rc = get_string(rd, v, "region", &region);
        if (rc != PLANOMSORG_OK)
            return rc;
    }
    int base = 2025, last = 2050;
    if ((v = lookup(rd, root, "base_year")) &&
        (rc = get_int(rd, v, "base_year", 1900, 2100, &base)) != PLANOMSORG_OK)
        return rc;
    if ((v = lookup(rd, root, "last_year")) &&
        (rc = get_int(rd, v, "last_year", base, 2100, &last)) != PLANOMSORG_OK)
        return rc;
    rc = planomsorg_plan_new(&rd->plan, region, base, last);
    if (rc != PLANOMSORG_OK)
        return wrap_error(rd, lookup(rd, root, "region") ? lookup(rd, root, "region") : root, rc);
    if ((v = lookup(rd, root, "population")))
        rc = read_population(rd, v);
    if (rc == PLANOMSORG_OK && (v = lookup(rd, root, "rates")))
        rc = read_rates(rd, v);
    if (rc == PLANOMSORG_OK && (v = lookup(rd, root, "staffing")))
        rc = read_staffing(rd, v);
    if (rc == PLANOMSORG_OK && (v = lookup(rd, root, "costs")))
        rc = read_costs(rd, v);
    struct shared_capacity shared = {lookup(rd, root, "capacity"),
                                     lookup(rd, root, "coverage_targets")};
    if (rc == PLANOMSORG_OK && (shared.capacity || shared.targets)) {
        /* check the plan-wide plans once even when no scenario is listed */
        planomsorg_scenario *probe = NULL;
        rc = planomsorg_scenario_new(&probe, "probe");
        if (rc == PLANOMSORG_OK)
            rc = read_all_capacity(rd, &shared, NULL, NULL, probe);
        planomsorg_scenario_free(probe);
    }
    if (rc == PLANOMSORG_OK && (v = lookup(rd, root, "scenarios")))
        rc = read_scenarios(rd, v, &shared);
    else if (rc == PLANOMSORG_OK && (shared.capacity || shared.targets)) {
        planomsorg_scenario *sc = NULL;
        rc = planomsorg_scenario_new_bundle(&sc, PLANOMSORG_BUNDLE_MIDDLE);
        if (rc == PLANOMSORG_OK)
            rc = read_all_capacity(rd, &shared, NULL, NULL, sc);
        if (rc == PLANOMSORG_OK)
            rc = planomsorg_plan_add_scenario(rd->plan, sc);
        planomsorg_scenario_free(sc);
    }
    return rc;
}

static void set_dir(struct reader *rd, const char *source)
{
    rd->dir[0] = '\0';
    const char *slash = source ? strrchr(source, '/') : NULL;
    if (slash) {
        size_t n = (size_t)(slash - source);
        if (n == 0)
            n = 1;
        if (n < sizeof rd->dir) {
            memcpy(rd->dir, source, n);
            rd->dir[n] = '\0';
        }
    }
}

/* Nesting deeper than any plan needs: libyaml's time grows with the square of the depth,
 * so a small file of '[' would take minutes. Checked on the event stream before loading. */
#define MAX_DEPTH 64

static int check_depth(const char *text, size_t len, const char *source)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return pl_error(PLANOMSORG_ENOMEM, "%s: cannot start the YAML parser", source);
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    int depth = 0, rc = PLANOMSORG_OK, done = 0;
    yaml_event_t ev;
    while (!done && rc == PLANOMSORG_OK && yaml_parser_parse(&parser, &ev)) {
        if (ev.type == YAML_SEQUENCE_START_EVENT || ev.type == YAML_MAPPING_START_EVENT) {
            if (++depth > MAX_DEPTH)
                rc = pl_error(PLANOMSORG_EFORMAT, "%s:%lu:%lu: nesting deeper than %d levels",
                              source, (unsigned long)ev.start_mark.line + 1,
                              (unsigned long)ev.start_mark.column + 1, MAX_DEPTH);
        } else if (ev.type == YAML_SEQUENCE_END_EVENT || ev.type == YAML_MAPPING_END_EVENT) {
            depth--;
        }
        done = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
    }
    /* a syntax error is left to yaml_parser_load, which reports it */
    yaml_parser_delete(&parser);
    return rc;
}

int planomsorg_plan_parse_yaml(planomsorg_plan **out, const char *text, size_t len,
                               const char *source)
{
    PL_CHECK_NULL(out);
    PL_CHECK_NULL(text);
    struct reader rd;
    memset(&rd, 0, sizeof rd);
    rd.source = source ? source : "<plan>";
    rd.staffing_groups = PLANOMSORG_N_DEFAULT_GROUPS;
    set_dir(&rd, source);
    int depth_rc = check_depth(text, len, rd.source);
    if (depth_rc != PLANOMSORG_OK)
        return depth_rc;
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return pl_error(PLANOMSORG_ENOMEM, "%s: cannot start the YAML parser", rd.source);
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    if (!yaml_parser_load(&parser, &rd.doc)) {
        int rc = pl_error(PLANOMSORG_EFORMAT, "%s:%lu:%lu: not valid YAML: %s", rd.source,
                          (unsigned long)parser.problem_mark.line + 1,
                          (unsigned long)parser.problem_mark.column + 1,
                          parser.problem ? parser.problem : "syntax error");
        yaml_parser_delete(&parser);
        return rc;
    }
    /* a second document ('---') would otherwise be ignored without a word */
    yaml_document_t extra;
    unsigned long extra_line = 0;
    if (yaml_parser_load(&parser, &extra)) {
        yaml_node_t *extra_root = yaml_document_get_root_node(&extra);
        if (extra_root)
            extra_line = (unsigned long)extra_root->start_mark.line + 1;
        yaml_document_delete(&extra);
    } else {
        extra_line = (unsigned long)parser.problem_mark.line + 1;
    }
    yaml_parser_delete(&parser);
    yaml_node_t *root = yaml_document_get_root_node(&rd.doc);
    int rc;
    if (extra_line > 0)
        rc = pl_error(PLANOMSORG_EFORMAT, "%s:%lu:1: a second YAML document; a plan file holds "
                      "one", rd.source, extra_line);
    else if (!root)
        rc = pl_error(PLANOMSORG_EEMPTY, "%s:1:1: the plan file is empty", rd.source);
    else
        rc = read_root(&rd, root);
    yaml_document_delete(&rd.doc);
    if (rc != PLANOMSORG_OK) {
        planomsorg_plan_free(rd.plan);
        return rc;
    }
    *out = rd.plan;
    return PLANOMSORG_OK;
}

int planomsorg_plan_read_yaml(planomsorg_plan **out, const char *path)
{
    PL_CHECK_NULL(out);
    PL_CHECK_NULL(path);
    FILE *f = fopen(path, "rb");
    if (!f)
        return pl_error(PLANOMSORG_EIO, "%s: cannot open: %s", path, strerror(errno));
    char *buf = malloc(MAX_FILE_BYTES + 1);
    if (!buf) {
        fclose(f);
        return pl_error(PLANOMSORG_ENOMEM, "%s: out of memory", path);
    }
    size_t n = fread(buf, 1, MAX_FILE_BYTES + 1, f);
    int bad = ferror(f);
    fclose(f);
    int rc;
    if (bad)
        rc = pl_error(PLANOMSORG_EIO, "%s: read error", path);
    else if (n > MAX_FILE_BYTES)
        rc = pl_error(PLANOMSORG_EIO, "%s: larger than %u bytes", path, MAX_FILE_BYTES);
    else
        rc = planomsorg_plan_parse_yaml(out, buf, n, path);
    free(buf);
    return rc;
}
