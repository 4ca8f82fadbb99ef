/* Writing a service projection result as the long CSV year,level,band,sex,users. */
#include "staircase_internal.h"

#include "error.h"
#include "filewrite.h"

#include <stdio.h>
#include <string.h>

int planomsorg_result_write_csv(const planomsorg_result *r, const char *path, const int *band_lo,
                                size_t n_bands)
{
    PL_CHECK_NULL(r);
    PL_CHECK_NULL(path);
    static const int kostra_bands[3] = {0, 67, 80};
    if (band_lo == NULL) {
        band_lo = kostra_bands;
        n_bands = 3;
    }
    int rc = pl_check_bands(band_lo, n_bands, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    if (band_lo[n_bands - 1] > r->max_age)
        return pl_error(PLANOMSORG_ERANGE,
                        "planomsorg_result_write_csv: band from age %d is above the max age %d",
                        band_lo[n_bands - 1], r->max_age);
    FILE *f;
    rc = pl_file_create(&f, path, __func__);
    if (rc != PLANOMSORG_OK)
        return rc;
    fputs("year,level,band,sex,users\n", f);
    for (int t = 0; rc == PLANOMSORG_OK && t < r->n_years; t++)
        for (int k = 0; rc == PLANOMSORG_OK && k < r->n_levels; k++)
            for (size_t b = 0; rc == PLANOMSORG_OK && b < n_bands; b++) {
                int lo = band_lo[b];
                int hi = b + 1 < n_bands ? band_lo[b + 1] - 1 : PLANOMSORG_AGE_OPEN;
                char label[32];
                int hi_q = hi != PLANOMSORG_AGE_OPEN && hi >= r->max_age ? PLANOMSORG_AGE_OPEN : hi;
                if (hi == PLANOMSORG_AGE_OPEN)
                    snprintf(label, sizeof label, "%d+", lo);
                else
                    snprintf(label, sizeof label, "%d-%d", lo, hi);
                for (int s = 0; rc == PLANOMSORG_OK && s < 2; s++) {
                    double u = 0;
                    rc = planomsorg_result_users(&u, r, r->first_year + t, k, s, lo, hi_q);
                    if (rc == PLANOMSORG_OK)
                        fprintf(f, "%d,%s,%s,%s,%.17g\n", r->first_year + t,
                                r->sc.levels[k].name, label, planomsorg_sex_name(s), u);
                }
            }
    return pl_file_finish(f, rc, path, __func__);
}
