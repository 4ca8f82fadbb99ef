/* Default demography from the embedded HMD/HFD/SSB tables (placeholder until the
 * tables land; see docs/methods/demography.md). */
#include "demography_internal.h"

#include "error.h"

int planomsorg_demography_default_levers(planomsorg_demography **out, const char *region,
                                         int as_of_year, int fertility, int life_expectancy,
                                         int migration)
{
    PL_CHECK_NULL(out);
    *out = NULL;
    (void)region; (void)as_of_year; (void)fertility; (void)life_expectancy; (void)migration;
    return pl_error(PLANOMSORG_EUNSUPPORTED, "%s: not implemented yet", __func__);
}

int planomsorg_demography_default(planomsorg_demography **out, const char *region,
                                  int as_of_year, int alternative)
{
    return planomsorg_demography_default_levers(out, region, as_of_year, alternative,
                                                alternative, alternative);
}

const char *planomsorg_demography_sources(void)
{
    return "Human Mortality Database (www.mortality.org); Human Fertility Database "
           "(www.humanfertility.org); Statistics Norway (SSB), NLOD 2.0.";
}
