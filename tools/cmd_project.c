/* planomsorg project: cohort-component projection of Norway or a municipality from the
 * embedded data, optionally aligned to SSB's published projection by age group. */
#include "cli.h"
#include "commands.h"

#include <planomsorg.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *out)
{
    fprintf(out,
            "usage: planomsorg project [--municipality CODE] [--from YEAR] [--to YEAR]\n"
            "                          [--as-of YEAR] [--alternative low|main|high]\n"
            "                          [--align-ssb FILE [--ssb-region NAME]]\n"
            "                          [--format table|csv|json] [--bands]\n\n"
            "Projects the population on 1 January by sex and single age with the\n"
            "cohort-component method and default assumptions derived from the embedded\n"
            "data (SSB, NLOD 2.0; HMD mortality.org; HFD humanfertility.org).\n\n"
            "  --municipality CODE  four-digit municipality number (2024 borders);\n"
            "                       default: Norway\n"
            "  --from YEAR          base year, an observed year (default: the latest\n"
            "                       observed year, or the year after --as-of)\n"
            "  --to YEAR            last year projected (default 2050)\n"
            "  --as-of YEAR         use only data up to this year for the assumptions\n"
            "                       (default: the year before --from, at most %d)\n"
            "  --alternative ALT    low, main (default) or high\n"
            "  --align-ssb FILE     scale each projected year's age groups to SSB's\n"
            "                       projection in FILE (same region and alternative; CSV\n"
            "                       region,statistikkvariabel,år,alder,value); a summary of\n"
            "                       the adjustments goes to standard error\n"
            "  --ssb-region NAME    the region's name in the --align-ssb file when it is\n"
            "                       not the municipality's name (default: its name, or\n"
            "                       \"Hele landet\" for Norway)\n"
            "  --format FORMAT      table (default), csv or json\n"
            "  --bands              standard age bands (year,band,persons) instead of\n"
            "                       single ages (year,sex,age,persons)\n\n"
            "Exit status: 0 success, 2 unknown municipality, year without data or bad\n"
            "--align-ssb file, 64 bad usage.\n",
            PLANOMSORG_DEMOGRAPHY_LAST_AS_OF);
}

typedef struct {
    const char *municipality;
    long from, to, as_of; /* 0 when not given */
    int alternative;
    const char *align_file;
    const char *ssb_region;
    cli_format format;
    int bands;
} options;

/* Returns -1 on success, or an exit status. */
static int parse_options(int argc, char **argv, options *o)
{
    *o = (options){NULL, 0, 2050, 0, PLANOMSORG_ALTERNATIVE_MAIN, NULL, NULL, CLI_FORMAT_TABLE, 0};
    for (int i = 1; i < argc; i++) {
        const char *v;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage(stdout);
            return CLI_EXIT_OK;
        } else if (strcmp(argv[i], "--bands") == 0) {
            o->bands = 1;
        } else if ((v = cli_option_value("project", argc, argv, &i, "--municipality")) != NULL) {
            if (v == cli_missing_argument ||
                cli_parse_municipality("project", v, &o->municipality) != 0)
                return CLI_EXIT_USAGE;
        } else if ((v = cli_option_value("project", argc, argv, &i, "--from")) != NULL) {
            if (v == cli_missing_argument ||
                cli_parse_int("--from", v, 1800, 2300, &o->from) != 0)
                return CLI_EXIT_USAGE;
        } else if ((v = cli_option_value("project", argc, argv, &i, "--to")) != NULL) {
            if (v == cli_missing_argument ||
                cli_parse_int("--to", v, 1800, 2300, &o->to) != 0)
                return CLI_EXIT_USAGE;
        } else if ((v = cli_option_value("project", argc, argv, &i, "--as-of")) != NULL) {
            if (v == cli_missing_argument ||
                cli_parse_int("--as-of", v, 1800, 2300, &o->as_of) != 0)
                return CLI_EXIT_USAGE;
        } else if ((v = cli_option_value("project", argc, argv, &i, "--alternative")) != NULL) {
            if (v == cli_missing_argument)
                return CLI_EXIT_USAGE;
            int a;
            for (a = 0; a < PLANOMSORG_N_ALTERNATIVES; a++)
                if (strcmp(v, planomsorg_alternative_name(a)) == 0)
                    break;
            if (a == PLANOMSORG_N_ALTERNATIVES) {
                fprintf(stderr, "planomsorg: --alternative: '%s' is not one of low, main, high\n",
                        v);
                return CLI_EXIT_USAGE;
            }
            o->alternative = a;
        } else if ((v = cli_option_value("project", argc, argv, &i, "--align-ssb")) != NULL) {
            if (v == cli_missing_argument)
                return CLI_EXIT_USAGE;
            o->align_file = v;
        } else if ((v = cli_option_value("project", argc, argv, &i, "--ssb-region")) != NULL) {
            if (v == cli_missing_argument)
                return CLI_EXIT_USAGE;
            o->ssb_region = v;
        } else if ((v = cli_option_value("project", argc, argv, &i, "--format")) != NULL) {
            if (v == cli_missing_argument || cli_parse_format(v, &o->format) != 0)
                return CLI_EXIT_USAGE;
        } else {
            fprintf(stderr, "planomsorg: project: unknown option '%s' (see --help)\n", argv[i]);
            return CLI_EXIT_USAGE;
        }
    }
    if (o->ssb_region != NULL && o->align_file == NULL) {
        fprintf(stderr, "planomsorg: --ssb-region needs --align-ssb FILE\n");
        return CLI_EXIT_USAGE;
    }
    return -1;
}

/* SSB's code for our alternative (the two sets of codes are numbered differently). */
static int ssb_alternative(int alternative)
{
    switch (alternative) {
    case PLANOMSORG_ALTERNATIVE_LOW: return PLANOMSORG_SSBPROJ_LOW;
    case PLANOMSORG_ALTERNATIVE_HIGH: return PLANOMSORG_SSBPROJ_HIGH;
    default: return PLANOMSORG_SSBPROJ_MAIN;
    }
}

/* Aligns the projected years (after the observed base year) to the SSB table. */
static int align_to_ssb(planomsorg_population *pop, const options *o, const char *region_name)
{
    planomsorg_ssbproj *proj = NULL;
    int rc = planomsorg_ssbproj_read(&proj, o->align_file);
    if (rc != PLANOMSORG_OK)
        return cli_fail(rc);
    int status = CLI_EXIT_OK, region;
    int alt = ssb_alternative(o->alternative);
    int norway = o->municipality == NULL;
    const char *name = o->ssb_region != NULL ? o->ssb_region : norway ? NULL : region_name;
    rc = planomsorg_ssbproj_find_region(&region, proj, name);
    if (rc == PLANOMSORG_OK && !planomsorg_ssbproj_has_alternative(proj, alt)) {
        fprintf(stderr, "planomsorg: %s holds no %s\n", o->align_file,
                planomsorg_ssbproj_alternative_label(alt));
        status = CLI_EXIT_DATA;
    }
    int first = (int)o->from + 1, last = (int)o->to;
    int t_first = planomsorg_ssbproj_first_year(proj);
    int t_last = t_first + planomsorg_ssbproj_n_years(proj) - 1;
    if (first < t_first)
        first = t_first;
    if (last > t_last)
        last = t_last;
    if (rc == PLANOMSORG_OK && status == CLI_EXIT_OK && first > last) {
        fprintf(stderr, "planomsorg: %s holds %d-%d: no projected year %ld-%ld to align\n",
                o->align_file, t_first, t_last, o->from + 1, o->to);
        status = CLI_EXIT_DATA;
    }
    int n_groups = planomsorg_ssbproj_n_groups(proj);
    size_t cells = (size_t)planomsorg_ssbproj_n_years(proj) * (size_t)n_groups;
    double *table = malloc(cells * sizeof *table);
    int *lo = malloc((size_t)n_groups * sizeof *lo), *hi = malloc((size_t)n_groups * sizeof *hi);
    planomsorg_align_report *report = NULL;
    if (rc == PLANOMSORG_OK && status == CLI_EXIT_OK) {
        if (table == NULL || lo == NULL || hi == NULL)
            rc = PLANOMSORG_ENOMEM;
        if (rc == PLANOMSORG_OK)
            rc = planomsorg_ssbproj_table(proj, name, alt, table, cells);
        if (rc == PLANOMSORG_OK)
            rc = planomsorg_ssbproj_groups(proj, lo, hi, n_groups);
        if (rc == PLANOMSORG_OK)
            rc = planomsorg_align_groups(&report, pop, first, last - first + 1, n_groups, lo, hi,
                                         table + (size_t)(first - t_first) * (size_t)n_groups);
    }
    if (rc != PLANOMSORG_OK) {
        status = cli_fail(rc);
    } else if (status == CLI_EXIT_OK) {
        double fmin = INFINITY, fmax = -INFINITY, added = 0, removed = 0;
        for (int y = first; y <= last; y++)
            for (int g = 0; g < n_groups; g++) {
                double before, after, factor;
                planomsorg_align_report_group(report, y, g, &before, &after, &factor);
                fmin = fmin < factor ? fmin : factor;
                fmax = fmax > factor ? fmax : factor;
                if (after > before)
                    added += after - before;
                else
                    removed += before - after;
            }
        fprintf(stderr,
                "planomsorg: aligned %d-%d to SSB's %s (round %d, region '%s', %d age groups): "
                "factors %.4f-%.4f, %.0f persons added and %.0f removed in all\n",
                first, last, planomsorg_ssbproj_alternative_label(alt),
                planomsorg_ssbproj_round(proj), planomsorg_ssbproj_region(proj, region), n_groups,
                fmin, fmax, added, removed);
    }
    planomsorg_align_report_free(report);
    free(table);
    free(lo);
    free(hi);
    planomsorg_ssbproj_free(proj);
    return status;
}

static int write_output(const planomsorg_population *pop, const options *o, const char *title)
{
    static const char *const single_cols[] = {"year", "sex", "age", "persons"};
    static const char *const band_cols[] = {"year", "band", "persons"};
    cli_table *t = o->bands ? cli_table_new(3, band_cols) : cli_table_new(4, single_cols);
    if (t == NULL) {
        fprintf(stderr, "planomsorg: out of memory\n");
        return CLI_EXIT_FAILURE;
    }
    /* Full precision in CSV and JSON so that totals equal the library's; one decimal in tables. */
    int decimals = o->format == CLI_FORMAT_TABLE ? 1 : -1;
    int bad = 0;
    for (long y = o->from; y <= o->to && !bad; y++) {
        if (o->bands) {
            for (int b = 0; b < PLANOMSORG_N_BANDS && !bad; b++) {
                double v;
                planomsorg_population_band(pop, (int)y, PLANOMSORG_SEX_BOTH, b, &v);
                bad |= cli_table_row(t) | cli_table_integer(t, y) |
                       cli_table_text(t, planomsorg_band_name(b)) | cli_table_number(t, v, decimals);
            }
            continue;
        }
        for (int s = 0; s < PLANOMSORG_N_SEXES; s++)
            for (int a = 0; a <= planomsorg_population_max_age(pop) && !bad; a++) {
                double v;
                planomsorg_population_get(pop, (int)y, s, a, &v);
                bad |= cli_table_row(t) | cli_table_integer(t, y) |
                       cli_table_text(t, planomsorg_sex_name(s)) | cli_table_integer(t, a) |
                       cli_table_number(t, v, decimals);
            }
    }
    if (bad || cli_table_write(t, stdout, o->format, title) != 0) {
        fprintf(stderr, "planomsorg: cannot write the output\n");
        cli_table_free(t);
        return CLI_EXIT_FAILURE;
    }
    cli_table_free(t);
    return CLI_EXIT_OK;
}

int cmd_project(int argc, char **argv)
{
    options o;
    int status = parse_options(argc, argv, &o);
    if (status >= 0)
        return status;

    planomsorg_population *observed = NULL, *pop = NULL;
    planomsorg_demography *demo = NULL;
    int rc = planomsorg_data_population(&observed, o.municipality);
    if (rc != PLANOMSORG_OK) {
        if (rc == PLANOMSORG_ENOTFOUND)
            fprintf(stderr, "planomsorg: unknown municipality '%s' (a four-digit number on "
                            "2024 borders, e.g. 0301 Oslo)\n",
                    o.municipality);
        return rc == PLANOMSORG_ENOTFOUND ? CLI_EXIT_DATA : cli_fail(rc);
    }
    const char *region_name = planomsorg_data_region_name(o.municipality);
    int obs_first = planomsorg_population_first_year(observed);
    int obs_last = obs_first + planomsorg_population_n_years(observed) - 1;
    if (o.from == 0)
        o.from = o.as_of != 0 ? o.as_of + 1 : obs_last;
    if (o.as_of == 0)
        o.as_of = o.from - 1 < PLANOMSORG_DEMOGRAPHY_LAST_AS_OF ? o.from - 1
                                                                : PLANOMSORG_DEMOGRAPHY_LAST_AS_OF;
    if (o.as_of >= o.from) {
        fprintf(stderr, "planomsorg: --as-of %ld must be before the base year --from %ld\n",
                o.as_of, o.from);
        status = CLI_EXIT_USAGE;
    } else if (o.to < o.from) {
        fprintf(stderr, "planomsorg: --to %ld is before --from %ld\n", o.to, o.from);
        status = CLI_EXIT_USAGE;
    } else if (o.from < obs_first || o.from > obs_last) {
        fprintf(stderr, "planomsorg: no observed population of %s on 1 January %ld (the data "
                        "hold %d-%d)\n",
                region_name, o.from, obs_first, obs_last);
        status = CLI_EXIT_DATA;
    } else if (o.to > PLANOMSORG_DEMOGRAPHY_DEFAULT_LAST_YEAR) {
        fprintf(stderr, "planomsorg: --to %ld: the default assumptions reach %d\n", o.to,
                PLANOMSORG_DEMOGRAPHY_DEFAULT_LAST_YEAR);
        status = CLI_EXIT_DATA;
    }
    if (status < 0) {
        rc = planomsorg_demography_default(&demo, o.municipality, (int)o.as_of, o.alternative);
        if (rc == PLANOMSORG_ERANGE) {
            fprintf(stderr, "planomsorg: no default assumptions for %s as of %ld: %s\n",
                    region_name, o.as_of, planomsorg_error_last());
            status = CLI_EXIT_DATA;
        } else if (rc != PLANOMSORG_OK) {
            status = cli_fail(rc);
        }
    }
    if (status < 0) {
        rc = planomsorg_population_project(&pop, NULL, observed, (int)o.from, (int)o.to, demo);
        if (rc != PLANOMSORG_OK)
            status = cli_fail(rc);
    }
    if (status < 0 && o.align_file != NULL) {
        status = align_to_ssb(pop, &o, region_name);
        if (status == CLI_EXIT_OK)
            status = -1;
    }
    if (status < 0) {
        char title[256];
        snprintf(title, sizeof title,
                 "Population of %s on 1 January, %ld-%ld (base %ld observed; assumptions as of "
                 "%ld, %s alternative%s)",
                 region_name, o.from, o.to, o.from, o.as_of,
                 planomsorg_alternative_name(o.alternative),
                 o.align_file != NULL ? ", aligned to SSB" : "");
        status = write_output(pop, &o, title);
    }
    planomsorg_population_free(pop);
    planomsorg_demography_free(demo);
    planomsorg_population_free(observed);
    return status;
}
