/* Fuzz target: planomsorg_plan_parse_yaml() on arbitrary bytes. Besides memory errors it
 * checks the reader's contract: on failure *out is NULL and the message starts with the
 * source and a "LINE:COLUMN:" position (or names the source for an I/O-free failure);
 * on success the plan's scenarios can be listed and every lever read in every year. */
#include <planomsorg.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int has_position(const char *msg)
{
    /* "fuzz.yaml:LINE:COLUMN: ..." */
    const char *p = msg + strlen("fuzz.yaml:");
    if (strncmp(msg, "fuzz.yaml:", strlen("fuzz.yaml:")) != 0)
        return 0;
    int digits = 0;
    while (*p >= '0' && *p <= '9') {
        p++;
        digits++;
    }
    if (!digits || *p++ != ':')
        return 0;
    digits = 0;
    while (*p >= '0' && *p <= '9') {
        p++;
        digits++;
    }
    return digits && *p == ':';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    planomsorg_plan *plan = (planomsorg_plan *)1;
    int rc = planomsorg_plan_parse_yaml(&plan, (const char *)data, size, "fuzz.yaml");
    if (rc != PLANOMSORG_OK) {
        const char *msg = planomsorg_error_last();
        /* a population or SSB file named by the input cannot exist here: EIO is positioned
           too; only out-of-memory may lack a position */
        if (plan != (planomsorg_plan *)1 && plan != NULL)
            abort();
        if (rc > 0 || (rc != PLANOMSORG_ENOMEM && !has_position(msg)))
            abort();
        return 0;
    }
    if (plan == NULL)
        abort();
    int base = 0, last = 0;
    if (planomsorg_plan_years(&base, &last, plan) != PLANOMSORG_OK || last < base)
        abort();
    for (int s = 0; s < planomsorg_plan_n_scenarios(plan); s++) {
        const planomsorg_scenario *sc = planomsorg_plan_scenario(plan, s);
        if (sc == NULL || planomsorg_scenario_name(sc) == NULL)
            abort();
        for (int l = 0; l < PLANOMSORG_N_LEVERS; l++) {
            double lo = 0, hi = 0, v = NAN;
            planomsorg_lever_range(&lo, &hi, l);
            for (int y = base; y <= last; y++)
                if (planomsorg_scenario_lever(&v, sc, l, y) != PLANOMSORG_OK || !(v >= lo && v <= hi))
                    abort();
        }
    }
    planomsorg_plan_free(plan);
    return 0;
}

#ifndef PLANOMSORG_LIBFUZZER
#include "fuzz_replay.h"
int main(int argc, char **argv)
{
    return pl_fuzz_replay(argc, argv);
}
#endif
