/* The care staircase: ordered levels with a kind and flags. */
#include "staircase_internal.h"

#include "error.h"
#include "planomsorg/services.h"
#include "planomsorg/transitions.h"

#include <stdlib.h>
#include <string.h>

static const char *const kind_names[PLANOMSORG_N_LEVEL_KINDS] = {
    [PLANOMSORG_LEVEL_KIND_NONE] = "none",
    [PLANOMSORG_LEVEL_KIND_HOME] = "home",
    [PLANOMSORG_LEVEL_KIND_HOUSING] = "housing",
    [PLANOMSORG_LEVEL_KIND_HOUSING24] = "housing_24h",
    [PLANOMSORG_LEVEL_KIND_SHORT_TERM] = "short_term",
    [PLANOMSORG_LEVEL_KIND_LONG_TERM] = "long_term",
};

int planomsorg_staircase_new(planomsorg_staircase **out)
{
    PL_CHECK_NULL(out);
    *out = calloc(1, sizeof **out);
    if (*out == NULL)
        return pl_error(PLANOMSORG_ENOMEM, "planomsorg_staircase_new: out of memory");
    return PLANOMSORG_OK;
}

int planomsorg_staircase_new_default(planomsorg_staircase **out)
{
    static const struct {
        const char *name;
        int kind;
        unsigned flags;
    } levels[PLANOMSORG_N_DEFAULT_LEVELS] = {
        {"none", PLANOMSORG_LEVEL_KIND_NONE, 0},
        {"low_threshold", PLANOMSORG_LEVEL_KIND_HOME, 0},
        {"practical_help", PLANOMSORG_LEVEL_KIND_HOME, 0},
        {"home_nursing", PLANOMSORG_LEVEL_KIND_HOME, 0},
        {"housing", PLANOMSORG_LEVEL_KIND_HOUSING, PLANOMSORG_LEVEL_FLAG_CAPACITY},
        {"housing_24h", PLANOMSORG_LEVEL_KIND_HOUSING24,
         PLANOMSORG_LEVEL_FLAG_24H | PLANOMSORG_LEVEL_FLAG_CAPACITY},
        {"short_term", PLANOMSORG_LEVEL_KIND_SHORT_TERM,
         PLANOMSORG_LEVEL_FLAG_24H | PLANOMSORG_LEVEL_FLAG_CAPACITY},
        {"long_term", PLANOMSORG_LEVEL_KIND_LONG_TERM,
         PLANOMSORG_LEVEL_FLAG_24H | PLANOMSORG_LEVEL_FLAG_CAPACITY},
    };
    int rc = planomsorg_staircase_new(out);
    if (rc != PLANOMSORG_OK)
        return rc;
    for (int k = 0; k < PLANOMSORG_N_DEFAULT_LEVELS; k++) {
        rc = planomsorg_staircase_add_level(*out, levels[k].name, levels[k].kind,
                                            levels[k].flags);
        if (rc != PLANOMSORG_OK) {
            planomsorg_staircase_free(*out);
            *out = NULL;
            return rc;
        }
    }
    return PLANOMSORG_OK;
}

void planomsorg_staircase_free(planomsorg_staircase *sc)
{
    free(sc);
}

int planomsorg_staircase_copy(planomsorg_staircase **out, const planomsorg_staircase *sc)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    PL_CHECK_NULL(sc);
    int rc = planomsorg_staircase_new(out);
    if (rc == PLANOMSORG_OK)
        **out = *sc;
    return rc;
}

static int valid_name(const char *name)
{
    size_t len = strlen(name);
    if (len == 0 || len > PLANOMSORG_LEVEL_NAME_MAX)
        return 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)name[i];
        if (c < 0x20 || c == 0x7f || c == ',' || c == '"')
            return 0;
    }
    return 1;
}

int planomsorg_staircase_add_level(planomsorg_staircase *sc, const char *name, int kind,
                                   unsigned flags)
{
    PL_CHECK_NULL(sc);
    PL_CHECK_NULL(name);
    if (!valid_name(name))
        return pl_error(PLANOMSORG_EINVAL,
                        "planomsorg_staircase_add_level: level name \"%.80s\" must have 1..%d "
                        "bytes and no commas, quotes or control characters",
                        name, PLANOMSORG_LEVEL_NAME_MAX);
    if (kind < 0 || kind >= PLANOMSORG_N_LEVEL_KINDS)
        return pl_error(PLANOMSORG_EINVAL, "planomsorg_staircase_add_level: unknown level kind %d",
                        kind);
    if (flags & ~PLANOMSORG_LEVEL_FLAGS_ALL)
        return pl_error(PLANOMSORG_EINVAL, "planomsorg_staircase_add_level: unknown flag bits 0x%x",
                        flags & ~PLANOMSORG_LEVEL_FLAGS_ALL);
    if (sc->n_levels >= PLANOMSORG_MAX_LEVELS)
        return pl_error(PLANOMSORG_ERANGE, "planomsorg_staircase_add_level: already %d levels",
                        PLANOMSORG_MAX_LEVELS);
    for (int k = 0; k < sc->n_levels; k++)
        if (strcmp(sc->levels[k].name, name) == 0)
            return pl_error(PLANOMSORG_EDUPLICATE,
                            "planomsorg_staircase_add_level: level name \"%s\" already used by level %d",
                            name, k);
    struct pl_level *l = &sc->levels[sc->n_levels++];
    strcpy(l->name, name);
    l->kind = kind;
    l->flags = flags;
    return PLANOMSORG_OK;
}

int planomsorg_staircase_n_levels(const planomsorg_staircase *sc)
{
    return sc == NULL ? 0 : sc->n_levels;
}

const char *planomsorg_staircase_level_name(const planomsorg_staircase *sc, int level)
{
    if (sc == NULL || level < 0 || level >= sc->n_levels)
        return NULL;
    return sc->levels[level].name;
}

static int check_level(const planomsorg_staircase *sc, int level, const char *function)
{
    if (level < 0 || level >= sc->n_levels)
        return pl_error(PLANOMSORG_ERANGE, "%s: level %d outside 0..%d", function, level,
                        sc->n_levels - 1);
    return PLANOMSORG_OK;
}

int planomsorg_staircase_level_kind(int *kind, const planomsorg_staircase *sc, int level)
{
    PL_CHECK_NULL(kind);
    PL_CHECK_NULL(sc);
    int rc = check_level(sc, level, __func__);
    if (rc == PLANOMSORG_OK)
        *kind = sc->levels[level].kind;
    return rc;
}

int planomsorg_staircase_level_flags(unsigned *flags, const planomsorg_staircase *sc, int level)
{
    PL_CHECK_NULL(flags);
    PL_CHECK_NULL(sc);
    int rc = check_level(sc, level, __func__);
    if (rc == PLANOMSORG_OK)
        *flags = sc->levels[level].flags;
    return rc;
}

int planomsorg_staircase_find(int *level, const planomsorg_staircase *sc, const char *name)
{
    PL_CHECK_NULL(level);
    PL_CHECK_NULL(sc);
    PL_CHECK_NULL(name);
    for (int k = 0; k < sc->n_levels; k++)
        if (strcmp(sc->levels[k].name, name) == 0) {
            *level = k;
            return PLANOMSORG_OK;
        }
    if (name[0] >= '0' && name[0] <= '9' && strlen(name) <= 3) {
        char *end = NULL;
        long v = strtol(name, &end, 10);
        if (*end == '\0' && v < sc->n_levels) {
            *level = (int)v;
            return PLANOMSORG_OK;
        }
    }
    return pl_error(PLANOMSORG_ENOTFOUND, "planomsorg_staircase_find: no level named \"%.80s\"",
                    name);
}

int planomsorg_staircase_levels_with_flags(int *levels, size_t *n_found, size_t capacity,
                                           const planomsorg_staircase *sc, unsigned flags)
{
    PL_CHECK_NULL(n_found);
    PL_CHECK_NULL(sc);
    if (capacity > 0)
        PL_CHECK_NULL(levels);
    if (flags == 0 || (flags & ~PLANOMSORG_LEVEL_FLAGS_ALL))
        return pl_error(PLANOMSORG_EINVAL,
                        "planomsorg_staircase_levels_with_flags: bad flags 0x%x", flags);
    size_t n = 0;
    for (int k = 0; k < sc->n_levels; k++)
        if ((sc->levels[k].flags & flags) == flags) {
            if (n < capacity)
                levels[n] = k;
            n++;
        }
    *n_found = n;
    return PLANOMSORG_OK;
}

const char *planomsorg_level_kind_name(int kind)
{
    if (kind < 0 || kind >= PLANOMSORG_N_LEVEL_KINDS)
        return NULL;
    return kind_names[kind];
}

const char *planomsorg_level_flag_name(unsigned flag)
{
    switch (flag) {
    case PLANOMSORG_LEVEL_FLAG_24H:
        return "coverage_24h";
    case PLANOMSORG_LEVEL_FLAG_CAPACITY:
        return "capacity_limited";
    default:
        return NULL;
    }
}

void planomsorg_staircase_limits(int *max_levels, int *level_name_max, int *all_levels,
                                 unsigned *flags_all, int *n_default_levels, int *any_year,
                                 int *max_age_bands, int *n_kostra_bands, double *stochastic_tol)
{
    if (max_levels != NULL)
        *max_levels = PLANOMSORG_MAX_LEVELS;
    if (level_name_max != NULL)
        *level_name_max = PLANOMSORG_LEVEL_NAME_MAX;
    if (all_levels != NULL)
        *all_levels = PLANOMSORG_ALL_LEVELS;
    if (flags_all != NULL)
        *flags_all = PLANOMSORG_LEVEL_FLAGS_ALL;
    if (n_default_levels != NULL)
        *n_default_levels = PLANOMSORG_N_DEFAULT_LEVELS;
    if (any_year != NULL)
        *any_year = PLANOMSORG_ANY_YEAR;
    if (max_age_bands != NULL)
        *max_age_bands = PLANOMSORG_MAX_AGE_BANDS;
    if (n_kostra_bands != NULL)
        *n_kostra_bands = PLANOMSORG_N_KOSTRA_BANDS;
    if (stochastic_tol != NULL)
        *stochastic_tol = PLANOMSORG_STOCHASTIC_TOL;
}
