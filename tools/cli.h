/* Shared pieces of the planomsorg command-line program: exit codes, output
 * formats and a table writer that renders the same rows as an aligned text
 * table, CSV or JSON (JSON through jansson). Each subcommand lives in
 * tools/cmd_<name>.c as `int cmd_<name>(int argc, char **argv)` and returns an
 * exit status. */
#ifndef PLANOMSORG_CLI_H
#define PLANOMSORG_CLI_H

#include <stdio.h>

#define CLI_EXIT_OK 0
#define CLI_EXIT_FAILURE 1 /* the library failed on valid usage (message printed) */
#define CLI_EXIT_DATA 2    /* unknown municipality, year without data, unreadable input file */
#define CLI_EXIT_USAGE 64  /* bad usage (EX_USAGE) */

typedef enum { CLI_FORMAT_TABLE, CLI_FORMAT_CSV, CLI_FORMAT_JSON } cli_format;

/* Parses "table", "csv" or "json"; returns 0, or -1 after printing a usage error. */
int cli_parse_format(const char *text, cli_format *out);

/* Parses a whole decimal integer within [lo, hi] for option `option`; returns 0, or -1
 * after printing "planomsorg: --option: ..." to stderr. */
int cli_parse_int(const char *option, const char *text, long lo, long hi, long *out);
int cli_parse_double(const char *option, const char *text, double lo, double hi, double *out);

/* The value of option `opt` ("--opt=value" or "--opt value", advancing *i past a separate
 * value) when argv[*i] is that option; NULL when it is not; cli_missing_argument after
 * printing "planomsorg: <command>: --opt needs an argument". */
extern const char cli_missing_argument[];
const char *cli_option_value(const char *command, int argc, char **argv, int *i,
                             const char *opt);

/* Parses a --municipality value: a four-digit municipality number, PLANOMSORG_NORWAY
 * giving NULL (the whole country). Returns 0, or -1 after printing a usage error. */
int cli_parse_municipality(const char *command, const char *text, const char **out);

/* Parses a comma-separated list of the lower ages of age bands (increasing, from 0, at most
 * `max`, each within 0..130) into out[0..*n-1]. Returns 0, or -1 after printing a usage error. */
int cli_parse_ages(const char *command, const char *option, const char *text, int *out,
                   int max, int *n);

/* Prints "planomsorg: <library message>" for a failed library call and maps the status
 * to an exit code (ENOTFOUND, EIO and input-format errors -> CLI_EXIT_DATA). */
int cli_fail(int status);

/* A table of named columns; cells are text or numbers. Rows are appended in order. */
typedef struct cli_table cli_table;

cli_table *cli_table_new(int n_columns, const char *const *column_names);
void cli_table_free(cli_table *t);
/* Appends a row and fills it left to right with the next calls; returns 0 or -1 (no memory). */
int cli_table_row(cli_table *t);
int cli_table_text(cli_table *t, const char *text);
/* Numbers print with `decimals` places in table format; CSV and JSON use %.17g unless
 * decimals >= 0, in which case CSV uses the same rounding as the table. */
int cli_table_number(cli_table *t, double value, int decimals);
int cli_table_integer(cli_table *t, long value);
/* Writes the table; `title` (may be NULL) is printed above the text table only. JSON is
 * an array of objects keyed by column name, numbers as JSON numbers (NaN as null). */
int cli_table_write(const cli_table *t, FILE *out, cli_format format, const char *title);

#endif
