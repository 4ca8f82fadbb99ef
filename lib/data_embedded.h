/* The embedded default data set, generated at build time by tools/embed_data.py from the
 * derived tables in data/ (see data/README.md for sources and licences). Internal only. */
#ifndef PL_DATA_EMBEDDED_H
#define PL_DATA_EMBEDDED_H

#include <stdint.h>

#define PL_DATA_MAX_AGE 105
#define PL_DATA_N_AGES (PL_DATA_MAX_AGE + 1)
#define PL_DATA_N_KOSTRA 11 /* = PLANOMSORG_N_KOSTRA, columns in the order of the codes */

typedef struct {
    const char *code;          /* four digits, 2024 borders */
    const char *name;          /* plain Norwegian name, UTF-8 */
    const char *official_name; /* official (multi-language) form */
    const char *county_code;   /* two digits */
    const char *county_name;   /* plain Norwegian name */
} pl_data_municipality;

/* Norway: persons on 1 January, [year - first][sex (women first)][age]. */
extern const int pl_data_norway_first_year;
extern const int pl_data_norway_n_years;
extern const uint32_t pl_data_norway_pop[];

/* Municipalities in ascending code order. */
extern const int pl_data_n_municipalities;
extern const pl_data_municipality pl_data_municipalities[];

/* Municipal population: [municipality][year - first][sex][age]. */
extern const int pl_data_muni_first_year;
extern const int pl_data_muni_n_years;
extern const uint32_t pl_data_muni_pop[];

/* KOSTRA: [municipality][year - first][indicator]; NaN = missing (suppressed or absent). */
extern const int pl_data_kostra_first_year;
extern const int pl_data_kostra_n_years;
extern const double pl_data_kostra[];

#endif
