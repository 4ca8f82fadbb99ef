/**
 * @file io.h
 * @brief Reading and writing populations: the long CSV and SSB StatBank exports.
 *
 * **Long CSV** (read and written): UTF-8 (or ASCII), comma-separated, a header
 * line `year,age,sex,persons` (columns in any order, names exact), then one row
 * per cell. `sex` is `female` or `male`; `age` a whole number 0..max_age, where
 * the largest age present is taken as the open band; `persons` a finite number
 * >= 0. Every (year, age, sex) cell of every year from the first to the last
 * must appear exactly once. Lines may end in LF or CRLF; fields may be quoted.
 *
 * **SSB StatBank CSV** (table 07459 "Population, by region, age, contents, year
 * and sex", exported as "CSV (semicolon separated)"): ISO-8859-1 or UTF-8,
 * `;`-separated, quoted, title lines before a header whose first two columns
 * are `region` and `age` and whose other columns are named `Persons YEAR Males`
 * / `Persons YEAR Females` (the Norwegian export's `Personer YEAR Menn` /
 * `Kvinner` as well); ages as `0 years`, `1 year`, ..., `105 years or older`.
 * Regions are `K-CCCC Name` for municipalities; rows for other regions are
 * skipped when a region is selected.
 *
 * Every reader either returns a complete population or fails leaving `*out`
 * NULL, with a status and a message naming the source, line, column and value.
 */
#ifndef PLANOMSORG_IO_H
#define PLANOMSORG_IO_H

#include "population.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Read a population from a long CSV file.
 * @param[out] out  Receives the population (caller frees); NULL on failure.
 * @param[in]  path The file.
 * @return #PLANOMSORG_OK; #PLANOMSORG_EIO (cannot open or read), #PLANOMSORG_EEMPTY
 *         (no header or no rows), #PLANOMSORG_EFORMAT (missing, extra or unknown
 *         columns), #PLANOMSORG_EVALUE (non-numeric, negative, NaN or infinite value,
 *         unknown sex), #PLANOMSORG_ERANGE (age or year out of range),
 *         #PLANOMSORG_EDUPLICATE, #PLANOMSORG_EMISSING (a cell missing),
 *         #PLANOMSORG_EENCODING (not valid UTF-8), #PLANOMSORG_ENOMEM, #PLANOMSORG_EINVAL.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_population_read_csv(planomsorg_population **out,
                                                     const char *path);

/**
 * @brief Parse a population from long CSV text in memory.
 * @param[out] out    Receives the population (caller frees); NULL on failure.
 * @param[in]  text   The bytes (need not be NUL-terminated).
 * @param[in]  len    Number of bytes.
 * @param[in]  source Name used in error messages (a file name); may be NULL.
 * @return As planomsorg_population_read_csv(), without #PLANOMSORG_EIO.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_population_parse_csv(planomsorg_population **out,
                                                      const char *text, size_t len,
                                                      const char *source);

/**
 * @brief Read a population from an SSB StatBank 07459 CSV export.
 * @param[out] out    Receives the population (caller frees); NULL on failure.
 * @param[in]  path   The file.
 * @param[in]  region A four-digit municipality number such as "0301", or NULL to sum
 *                    every region in the file (the whole country when the export
 *                    holds all municipalities).
 * @return As planomsorg_population_read_csv(); #PLANOMSORG_ENOTFOUND when the region
 *         is not in the file.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_population_read_ssb(planomsorg_population **out,
                                                     const char *path, const char *region);

/**
 * @brief Parse an SSB StatBank 07459 CSV export in memory.
 * @param[out] out    Receives the population (caller frees); NULL on failure.
 * @param[in]  text   The bytes (need not be NUL-terminated).
 * @param[in]  len    Number of bytes.
 * @param[in]  source Name used in error messages; may be NULL.
 * @param[in]  region As in planomsorg_population_read_ssb().
 * @return As planomsorg_population_read_ssb(), without #PLANOMSORG_EIO.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_population_parse_ssb(planomsorg_population **out,
                                                      const char *text, size_t len,
                                                      const char *source, const char *region);

/**
 * @brief Write a population as long CSV (`year,age,sex,persons`, years ascending,
 *        then age, then female before male; persons with up to 17 significant digits).
 * @param[in] pop  The population.
 * @param[in] path The file to create or replace.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_EIO.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_population_write_csv(const planomsorg_population *pop,
                                                      const char *path);

/**
 * @brief Format a population as long CSV text in memory (as planomsorg_population_write_csv()).
 * @param[in]  pop  The population.
 * @param[out] text Receives a NUL-terminated buffer (caller frees with planomsorg_free()).
 * @param[out] len  Receives its length without the NUL; may be NULL.
 * @return #PLANOMSORG_OK, #PLANOMSORG_EINVAL or #PLANOMSORG_ENOMEM.
 * @since 1.0
 */
PLANOMSORG_EXPORT int planomsorg_population_format_csv(const planomsorg_population *pop,
                                                       char **text, size_t *len);

#ifdef __cplusplus
}
#endif

#endif
