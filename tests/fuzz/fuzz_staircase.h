/* The three-level staircase (none, home, nursing_home) the CSV fuzz targets read against,
 * built once per program. HOME_FLAGS are the flags of the home level (0 or
 * PLANOMSORG_LEVEL_FLAG_CAPACITY); nursing_home is 24-hour care with capacity. */
#ifndef PL_FUZZ_STAIRCASE_H
#define PL_FUZZ_STAIRCASE_H

#include <planomsorg.h>

#include <stdlib.h>

static void pl_fuzz_add_level(planomsorg_staircase *sc, const char *name, int kind,
                              unsigned flags)
{
    if (planomsorg_staircase_add_level(sc, name, kind, flags) != PLANOMSORG_OK)
        abort();
}

static const planomsorg_staircase *pl_fuzz_staircase(unsigned home_flags)
{
    static planomsorg_staircase *sc;
    if (sc == NULL) {
        if (planomsorg_staircase_new(&sc) != PLANOMSORG_OK)
            abort();
        pl_fuzz_add_level(sc, "none", PLANOMSORG_LEVEL_KIND_NONE, 0);
        pl_fuzz_add_level(sc, "home", PLANOMSORG_LEVEL_KIND_HOME, home_flags);
        pl_fuzz_add_level(sc, "nursing_home", PLANOMSORG_LEVEL_KIND_LONG_TERM,
                          PLANOMSORG_LEVEL_FLAG_24H | PLANOMSORG_LEVEL_FLAG_CAPACITY);
    }
    return sc;
}

#endif
