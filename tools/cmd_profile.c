/* planomsorg profile: population, service users and coverage of Norway or one
 * municipality in one year, from the embedded data (data.h) through the
 * population and coverage modules. Methods: docs/methods/indicators.md. */
#include "cli.h"
#include "commands.h"

#include <planomsorg.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char profile_usage[] =
    "usage: planomsorg profile [--municipality CODE] [--year YEAR] [--format table|csv|json]\n"
    "\n"
    "Population, care-service users and coverage (dekningsgrad) of Norway or one\n"
    "municipality in one year, from the embedded data (SSB 07459 population; KOSTRA/IPLOS\n"
    "tables 12292, 11645, 14534; SSB, NLOD 2.0).\n"
    "\n"
    "Options:\n"
    "  --municipality CODE  four-digit municipality number on 2024 borders (5001 Trondheim);\n"
    "                       0000 or no option: Norway\n"
    "  --year YEAR          statistics year; default: the latest year with both population\n"
    "                       and KOSTRA data for the region\n"
    "  --format FORMAT      table (default), csv (header indicator,value) or json (array of\n"
    "                       {\"indicator\": ..., \"value\": ...}, missing values null)\n"
    "  --help               this text\n"
    "\n"
    "Population date: every figure of YEAR divides by the population on 1 January YEAR\n"
    "(SSB 07459). KOSTRA/IPLOS counts of statistics year YEAR are persons at 31 December\n"
    "YEAR, so coverage divides end-of-year users by the population a year earlier (the\n"
    "convention of KOSTRA panels and planning tools; see docs/methods/indicators.md).\n"
    "\n"
    "Indicators (CSV/JSON names; NA / null when SSB suppressed a count):\n"
    "  region_code, region_name, year\n"
    "  population_0_66 population_67_79 population_80_89 population_90p population_0_19\n"
    "  population_20_66 population_67p population_80p population_all population_50_66\n"
    "  population_85p         persons on 1 January YEAR\n"
    "  ratio_67p_per_20_66, ratio_80p_per_20_66, ratio_50_66_per_85p\n"
    "  home_users home_users_0_66 home_users_67_79 home_users_80p     home-service recipients\n"
    "  housing24              residents of housing with 24-hour staff (all ages)\n"
    "  longterm longterm_0_66 longterm_67_79 longterm_80p   long-term institution residents\n"
    "  nurse_fte              nurses' agreed FTEs in care services\n"
    "  home_nursing_hours     mean assigned hours/week per home-nursing recipient\n"
    "  coverage_longterm_80p          long-term residents 80+ / population 80+ (user-based)\n"
    "  coverage_longterm_all_per_80p  all long-term residents / population 80+ (capacity-style)\n"
    "  coverage_24h_80p               (long-term + 24-hour housing residents) / population 80+\n"
    "  coverage_home_80p              home-service users 80+ / population 80+\n"
    "  coverage_longterm_67p          long-term residents 67+ / population 67+\n"
    "  coverage_longterm_67p_std      the same, directly age-standardised over the bands\n"
    "                                 67-79 and 80+ to Norway's population of YEAR\n"
    "  rank_coverage_longterm_80p, n_ranked_coverage_longterm_80p,\n"
    "  rank_coverage_longterm_67p_std, n_ranked_coverage_longterm_67p_std\n"
    "                       rank among the municipalities with a value (1 = highest; ties\n"
    "                       share the best rank; NA for Norway and for a missing value)\n"
    "Coverage values are fractions (0.08 = 8 %); the table format prints percentages.\n"
    "\n"
    "Exit status: 0 success, 1 failure, 2 unknown municipality or year without data,\n"
    "64 bad usage.\n";

/* How a value prints in the table format. */
enum { STYLE_TEXT, STYLE_META, STYLE_COUNT, STYLE_DECIMAL, STYLE_RATIO, STYLE_PERCENT, STYLE_RANK };
/* STYLE_TEXT and STYLE_META (a number) are CSV/JSON rows only, not table rows. */

typedef struct {
    const char *section; /* table format: heading of the group */
    const char *label;   /* table format: readable name */
    char name[48];       /* CSV/JSON: stable snake_case name */
    char text[128];      /* STYLE_TEXT only */
    double value;        /* NaN when missing */
    int style;
} profile_row;

#define MAX_ROWS 64

typedef struct {
    profile_row rows[MAX_ROWS];
    int n;
} profile;

static void add_row(profile *p, const char *section, const char *label, const char *name,
                    double value, int style)
{
    if (p->n >= MAX_ROWS)
        return; /* cannot happen: the rows are a fixed list well below MAX_ROWS */
    profile_row *r = &p->rows[p->n++];
    r->section = section;
    r->label = label;
    snprintf(r->name, sizeof r->name, "%s", name);
    r->text[0] = '\0';
    r->value = value;
    r->style = style;
}

static void add_text(profile *p, const char *name, const char *text)
{
    add_row(p, NULL, NULL, name, NAN, STYLE_TEXT);
    snprintf(p->rows[p->n - 1].text, sizeof p->rows[p->n - 1].text, "%s", text);
}

/* The KOSTRA indicators in the order of data.h, with the CLI's stable names. */
static const struct {
    int code;
    const char *name;
    const char *label;
    int style;
} kostra_rows[] = {
    {PLANOMSORG_KOSTRA_HOME_USERS, "home_users", "home-service users, all ages", STYLE_COUNT},
    {PLANOMSORG_KOSTRA_HOME_USERS_0_66, "home_users_0_66", "  aged 0-66", STYLE_COUNT},
    {PLANOMSORG_KOSTRA_HOME_USERS_67_79, "home_users_67_79", "  aged 67-79", STYLE_COUNT},
    {PLANOMSORG_KOSTRA_HOME_USERS_80P, "home_users_80p", "  aged 80+", STYLE_COUNT},
    {PLANOMSORG_KOSTRA_HOUSING24, "housing24", "24-hour housing residents, all ages",
     STYLE_COUNT},
    {PLANOMSORG_KOSTRA_LONGTERM, "longterm", "long-term institution residents, all ages",
     STYLE_COUNT},
    {PLANOMSORG_KOSTRA_LONGTERM_0_66, "longterm_0_66", "  aged 0-66", STYLE_COUNT},
    {PLANOMSORG_KOSTRA_LONGTERM_67_79, "longterm_67_79", "  aged 67-79", STYLE_COUNT},
    {PLANOMSORG_KOSTRA_LONGTERM_80P, "longterm_80p", "  aged 80+", STYLE_COUNT},
    {PLANOMSORG_KOSTRA_NURSE_FTE, "nurse_fte", "nurse FTEs (årsverk)", STYLE_DECIMAL},
    {PLANOMSORG_KOSTRA_HOME_NURSING_HOURS, "home_nursing_hours",
     "home-nursing hours/week per recipient", STYLE_DECIMAL},
};
#define N_KOSTRA_ROWS (sizeof kostra_rows / sizeof kostra_rows[0])

static const struct {
    int band;
    const char *name;
} band_rows[] = {
    {PLANOMSORG_BAND_0_66, "population_0_66"},   {PLANOMSORG_BAND_67_79, "population_67_79"},
    {PLANOMSORG_BAND_80_89, "population_80_89"}, {PLANOMSORG_BAND_90P, "population_90p"},
    {PLANOMSORG_BAND_0_19, "population_0_19"},   {PLANOMSORG_BAND_20_66, "population_20_66"},
    {PLANOMSORG_BAND_67P, "population_67p"},     {PLANOMSORG_BAND_80P, "population_80p"},
    {PLANOMSORG_BAND_ALL, "population_all"},     {PLANOMSORG_BAND_50_66, "population_50_66"},
    {PLANOMSORG_BAND_85P, "population_85p"},
};
#define N_BAND_ROWS (sizeof band_rows / sizeof band_rows[0])

static const char *const ratio_labels[PLANOMSORG_N_RATIOS] = {
    [PLANOMSORG_RATIO_67P_PER_20_66] = "persons 67+ per person 20-66",
    [PLANOMSORG_RATIO_80P_PER_20_66] = "persons 80+ per person 20-66",
    [PLANOMSORG_RATIO_50_66_PER_85P] = "persons 50-66 per person 85+",
};

/* A KOSTRA cell: 0 with *out set (NaN when suppressed), 1 when the region has no
 * KOSTRA data for the year, or a negative library status. */
static int kostra_cell(double *out, const char *code, int year, int indicator)
{
    int rc = planomsorg_data_kostra(out, code, year, indicator);
    if (rc == PLANOMSORG_EMISSING) {
        *out = NAN;
        return 0;
    }
    if (rc == PLANOMSORG_ENOTFOUND)
        return 1;
    return rc;
}

/* Coverage count / population of [lo, hi] in year; NaN when the count is missing. */
static int coverage(double *out, double count, const planomsorg_population *pop, int year,
                    int lo, int hi)
{
    if (!isfinite(count)) {
        *out = NAN;
        return PLANOMSORG_OK;
    }
    return planomsorg_coverage_rate(out, count, pop, year, lo, hi);
}

/* Long-term coverage 67+, directly standardised over the bands 67-79 and 80+ to the
 * standard population's band sizes in year; NaN when a band's count is missing. */
static int coverage_std(double *out, double users_67_79, double users_80p,
                        const planomsorg_population *pop, const planomsorg_population *standard,
                        int year)
{
    static const int lo[2] = {67, 80}, hi[2] = {79, PLANOMSORG_AGE_OPEN};
    double users[2] = {users_67_79, users_80p}, persons[2];
    if (!isfinite(users[0]) || !isfinite(users[1])) {
        *out = NAN;
        return PLANOMSORG_OK;
    }
    for (int i = 0; i < 2; i++) {
        int rc = planomsorg_population_sum(pop, year, PLANOMSORG_SEX_BOTH, lo[i], hi[i],
                                           &persons[i]);
        if (rc != PLANOMSORG_OK)
            return rc;
        if (persons[i] <= 0) { /* no persons in a band: the rate is undefined */
            *out = NAN;
            return PLANOMSORG_OK;
        }
    }
    return planomsorg_coverage_standardised(out, users, persons, lo, hi, 2, standard, year);
}

/* The two ranked coverages of one region. */
typedef struct {
    double crude; /* coverage_longterm_80p */
    double std;   /* coverage_longterm_67p_std */
} ranked_values;

static int region_ranked_values(ranked_values *out, const char *code, int year,
                                const planomsorg_population *standard)
{
    planomsorg_population *pop = NULL;
    double lt80 = NAN, lt67 = NAN;
    int rc = planomsorg_data_population(&pop, code);
    if (rc == PLANOMSORG_OK)
        rc = kostra_cell(&lt80, code, year, PLANOMSORG_KOSTRA_LONGTERM_80P);
    if (rc == PLANOMSORG_OK)
        rc = kostra_cell(&lt67, code, year, PLANOMSORG_KOSTRA_LONGTERM_67_79);
    if (rc == 1) { /* the municipality has no KOSTRA row this year: not ranked */
        lt80 = lt67 = NAN;
        rc = PLANOMSORG_OK;
    }
    if (rc == PLANOMSORG_OK)
        rc = coverage(&out->crude, lt80, pop, year, 80, PLANOMSORG_AGE_OPEN);
    if (rc == PLANOMSORG_OK)
        rc = coverage_std(&out->std, lt67, lt80, pop, standard, year);
    planomsorg_population_free(pop);
    return rc;
}

/* Competition ranking ("1224"): 1 + the number of municipalities with a strictly
 * higher value; missing values are not ranked. */
static void rank_of(double value, const double *all, int n, double *rank, double *n_ranked)
{
    int higher = 0, ranked = 0;
    for (int i = 0; i < n; i++) {
        if (!isfinite(all[i]))
            continue;
        ranked++;
        if (all[i] > value)
            higher++;
    }
    *n_ranked = ranked;
    *rank = isfinite(value) ? 1.0 + higher : NAN;
}

static int add_ranks(profile *p, int is_norway, int year,
                     const ranked_values *own, const planomsorg_population *standard)
{
    int n = planomsorg_data_n_municipalities();
    double *crude = malloc((size_t)n * sizeof *crude), *std = malloc((size_t)n * sizeof *std);
    int rc = crude != NULL && std != NULL ? PLANOMSORG_OK : PLANOMSORG_ENOMEM;
    for (int i = 0; rc == PLANOMSORG_OK && i < n; i++) {
        ranked_values v;
        rc = region_ranked_values(&v, planomsorg_data_municipality_code(i), year, standard);
        crude[i] = v.crude;
        std[i] = v.std;
    }
    if (rc == PLANOMSORG_OK) {
        double rank, n_ranked;
        const char *sec = "Rank among municipalities (1 = highest)";
        rank_of(is_norway ? NAN : own->crude, crude, n, &rank, &n_ranked);
        add_row(p, sec, "long-term coverage 80+", "rank_coverage_longterm_80p", rank, STYLE_RANK);
        add_row(p, sec, "  municipalities ranked", "n_ranked_coverage_longterm_80p", n_ranked,
                STYLE_RANK);
        rank_of(is_norway ? NAN : own->std, std, n, &rank, &n_ranked);
        add_row(p, sec, "standardised long-term coverage 67+", "rank_coverage_longterm_67p_std",
                rank, STYLE_RANK);
        add_row(p, sec, "  municipalities ranked", "n_ranked_coverage_longterm_67p_std", n_ranked,
                STYLE_RANK);
    }
    free(crude);
    free(std);
    return rc;
}

/* Fills the profile; returns a library status (already reported is not assumed). */
static int build_profile(profile *p, const char *code, int is_norway, int year,
                         const planomsorg_population *pop, const planomsorg_population *norway)
{
    int rc;
    const char *sec_pop = "Population on 1 January";
    for (size_t i = 0; i < N_BAND_ROWS; i++) {
        double v;
        if ((rc = planomsorg_population_band(pop, year, PLANOMSORG_SEX_BOTH, band_rows[i].band,
                                             &v)) != PLANOMSORG_OK)
            return rc;
        add_row(p, sec_pop, planomsorg_band_name(band_rows[i].band), band_rows[i].name, v,
                STYLE_COUNT);
    }
    for (int r = 0; r < PLANOMSORG_N_RATIOS; r++) {
        double v;
        rc = planomsorg_population_ratio(pop, year, r, &v);
        if (rc == PLANOMSORG_ENUMERIC) /* e.g. nobody aged 85+ in a tiny municipality */
            v = NAN;
        else if (rc != PLANOMSORG_OK)
            return rc;
        add_row(p, "Ratios", ratio_labels[r], planomsorg_ratio_name(r), v, STYLE_RATIO);
    }

    double k[PLANOMSORG_N_KOSTRA];
    const char *sec_users = "Users (KOSTRA/IPLOS, 31 December)";
    for (size_t i = 0; i < N_KOSTRA_ROWS; i++) {
        rc = kostra_cell(&k[kostra_rows[i].code], code, year, kostra_rows[i].code);
        if (rc != PLANOMSORG_OK)
            return rc; /* 1 (no data) was checked before: a real failure */
        add_row(p, sec_users, kostra_rows[i].label, kostra_rows[i].name, k[kostra_rows[i].code],
                kostra_rows[i].style);
    }

    const char *sec_cov = "Coverage (per population on 1 January)";
    double lt = k[PLANOMSORG_KOSTRA_LONGTERM], lt80 = k[PLANOMSORG_KOSTRA_LONGTERM_80P];
    double lt67_79 = k[PLANOMSORG_KOSTRA_LONGTERM_67_79], h24 = k[PLANOMSORG_KOSTRA_HOUSING24];
    ranked_values own;
    double v;
    if ((rc = coverage(&own.crude, lt80, pop, year, 80, PLANOMSORG_AGE_OPEN)) != PLANOMSORG_OK)
        return rc;
    add_row(p, sec_cov, "long-term residents 80+ per person 80+", "coverage_longterm_80p",
            own.crude, STYLE_PERCENT);
    if ((rc = coverage(&v, lt, pop, year, 80, PLANOMSORG_AGE_OPEN)) != PLANOMSORG_OK)
        return rc;
    add_row(p, sec_cov, "all long-term residents per person 80+", "coverage_longterm_all_per_80p",
            v, STYLE_PERCENT);
    if ((rc = coverage(&v, lt + h24, pop, year, 80, PLANOMSORG_AGE_OPEN)) != PLANOMSORG_OK)
        return rc;
    add_row(p, sec_cov, "long-term + 24-hour housing per person 80+", "coverage_24h_80p", v,
            STYLE_PERCENT);
    if ((rc = coverage(&v, k[PLANOMSORG_KOSTRA_HOME_USERS_80P], pop, year, 80,
                       PLANOMSORG_AGE_OPEN)) != PLANOMSORG_OK)
        return rc;
    add_row(p, sec_cov, "home-service users 80+ per person 80+", "coverage_home_80p", v,
            STYLE_PERCENT);
    if ((rc = coverage(&v, lt67_79 + lt80, pop, year, 67, PLANOMSORG_AGE_OPEN)) != PLANOMSORG_OK)
        return rc;
    add_row(p, sec_cov, "long-term residents 67+ per person 67+", "coverage_longterm_67p", v,
            STYLE_PERCENT);
    if ((rc = coverage_std(&own.std, lt67_79, lt80, pop, norway, year)) != PLANOMSORG_OK)
        return rc;
    add_row(p, sec_cov, "  age-standardised to Norway (67-79, 80+)", "coverage_longterm_67p_std",
            own.std, STYLE_PERCENT);

    return add_ranks(p, is_norway, year, &own, norway);
}

/* Smallest number of decimals whose fixed-point text reads back as exactly v, so that
 * CSV and JSON carry every bit without %.17g noise (0.1 prints as 0.1). */
static int exact_decimals(double v)
{
    char buf[400];
    for (int d = 0; d < 40; d++) {
        snprintf(buf, sizeof buf, "%.*f", d, v);
        if (strtod(buf, NULL) == v)
            return d;
    }
    return -1; /* tiny values: cli_table_number's %.17g is exact */
}

static int write_machine(const profile *p, cli_format format)
{
    static const char *const columns[] = {"indicator", "value"};
    cli_table *t = cli_table_new(2, columns);
    int rc = t != NULL ? 0 : -1;
    for (int i = 0; rc == 0 && i < p->n; i++) {
        const profile_row *r = &p->rows[i];
        rc = cli_table_row(t);
        if (rc == 0)
            rc = cli_table_text(t, r->name);
        if (rc == 0)
            rc = r->style == STYLE_TEXT ? cli_table_text(t, r->text)
                                        : cli_table_number(t, r->value,
                                                           isfinite(r->value)
                                                               ? exact_decimals(r->value)
                                                               : -1);
    }
    if (rc == 0)
        rc = cli_table_write(t, stdout, format, NULL);
    cli_table_free(t);
    return rc;
}

/* 1234567 -> "1 234 567" (the Norwegian thin grouping, with a plain space). */
static void group_digits(char *out, size_t size, double v)
{
    char digits[64];
    snprintf(digits, sizeof digits, "%.0f", fabs(v));
    size_t n = strlen(digits), j = 0;
    if (v < 0 && j + 1 < size)
        out[j++] = '-';
    for (size_t i = 0; i < n && j + 2 < size; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            out[j++] = ' ';
        out[j++] = digits[i];
    }
    out[j] = '\0';
}

static void format_value(char *buf, size_t size, const profile_row *r)
{
    if (!isfinite(r->value)) {
        snprintf(buf, size, "%s", r->style == STYLE_RANK ? "-" : "NA");
        return;
    }
    switch (r->style) {
    case STYLE_COUNT: group_digits(buf, size, r->value); break;
    case STYLE_DECIMAL: { /* one decimal, the whole part grouped: "32 846.3" */
        double whole = trunc(round(10.0 * r->value) / 10.0);
        group_digits(buf, size, whole);
        size_t n = strlen(buf);
        snprintf(buf + n, size - n, ".%d", (int)lround(fabs(10.0 * (r->value - whole))) % 10);
        break;
    }
    case STYLE_RATIO: snprintf(buf, size, "%.3f", r->value); break;
    case STYLE_PERCENT: snprintf(buf, size, "%.2f %%", 100.0 * r->value); break;
    case STYLE_RANK: snprintf(buf, size, "%.0f", r->value); break;
    default: snprintf(buf, size, "%s", r->text); break;
    }
}

static size_t utf8_width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

static int write_table(const profile *p, const char *name, const char *code, int year)
{
    if (code != NULL)
        printf("Profile of %s (%s), %d\n", name, code, year);
    else
        printf("Profile of %s, %d\n", name, year);
    const char *section = NULL;
    for (int i = 0; i < p->n; i++) {
        const profile_row *r = &p->rows[i];
        if (r->style == STYLE_TEXT || r->style == STYLE_META)
            continue;
        if (section == NULL || strcmp(section, r->section) != 0) {
            section = r->section;
            if (strncmp(section, "Population", 10) == 0 || strncmp(section, "Coverage", 8) == 0)
                printf("\n%s %d\n", strncmp(section, "Population", 10) == 0
                                        ? "Population on 1 January"
                                        : "Coverage, users of the year per population on 1 January",
                       year);
            else if (strncmp(section, "Users", 5) == 0)
                printf("\nUsers (KOSTRA/IPLOS, 31 December %d)\n", year);
            else
                printf("\n%s, %d\n", section, year);
        }
        char value[64];
        format_value(value, sizeof value, r);
        int pad = 46 - (int)utf8_width(r->label);
        printf("  %s%*s%12s\n", r->label, pad > 0 ? pad : 0, "", value);
    }
    printf("\nSources: SSB 07459, KOSTRA/IPLOS 12292, 11645, 14534 (NLOD 2.0). NA: suppressed by "
           "SSB.\n");
    return ferror(stdout) ? -1 : 0;
}

/* The latest year held by pop with KOSTRA data for the region, or 0. */
static int latest_year(const planomsorg_population *pop, const char *code, int *year)
{
    int first = planomsorg_population_first_year(pop);
    for (int y = first + planomsorg_population_n_years(pop) - 1; y >= first; y--) {
        double v;
        int rc = kostra_cell(&v, code, y, PLANOMSORG_KOSTRA_HOME_USERS);
        if (rc < 0)
            return rc;
        if (rc == 0) {
            *year = y;
            return PLANOMSORG_OK;
        }
    }
    *year = 0;
    return PLANOMSORG_OK;
}


int cmd_profile(int argc, char **argv)
{
    const char *municipality = NULL;
    long year = 0;
    cli_format format = CLI_FORMAT_TABLE;
    for (int i = 1; i < argc; i++) {
        const char *v;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(profile_usage, stdout);
            return CLI_EXIT_OK;
        } else if ((v = cli_option_value("profile", argc, argv, &i, "--municipality")) != NULL) {
            if (v == cli_missing_argument)
                return CLI_EXIT_USAGE;
            if (cli_parse_municipality("profile", v, &municipality) != 0)
                return CLI_EXIT_USAGE;
        } else if ((v = cli_option_value("profile", argc, argv, &i, "--year")) != NULL) {
            if (v == cli_missing_argument)
                return CLI_EXIT_USAGE;
            if (cli_parse_int("--year", v, 1, 9999, &year) != 0)
                return CLI_EXIT_USAGE;
        } else if ((v = cli_option_value("profile", argc, argv, &i, "--format")) != NULL) {
            if (v == cli_missing_argument)
                return CLI_EXIT_USAGE;
            if (cli_parse_format(v, &format) != 0)
                return CLI_EXIT_USAGE;
        } else {
            fprintf(stderr, "planomsorg: profile: unknown option or argument '%s' (see "
                            "planomsorg profile --help)\n", argv[i]);
            return CLI_EXIT_USAGE;
        }
    }

    planomsorg_population *pop = NULL, *norway = NULL;
    int rc = planomsorg_data_population(&pop, municipality);
    if (rc == PLANOMSORG_ENOTFOUND) {
        fprintf(stderr, "planomsorg: profile: unknown municipality '%s' (not one of the %d "
                        "municipalities on 2024 borders)\n", municipality,
                planomsorg_data_n_municipalities());
        return CLI_EXIT_DATA;
    }
    if (rc != PLANOMSORG_OK)
        return cli_fail(rc);
    if ((rc = planomsorg_data_population(&norway, NULL)) != PLANOMSORG_OK) {
        planomsorg_population_free(pop);
        return cli_fail(rc);
    }
    const char *name = planomsorg_data_region_name(municipality);
    int first = planomsorg_population_first_year(pop);
    int last = first + planomsorg_population_n_years(pop) - 1;
    int status = CLI_EXIT_OK;
    int y = (int)year;
    double probe;
    if (year == 0 && (rc = latest_year(pop, municipality, &y)) != PLANOMSORG_OK) {
        status = cli_fail(rc);
    } else if (y == 0) {
        fprintf(stderr, "planomsorg: profile: no year with both population and KOSTRA data for "
                        "%s\n", name);
        status = CLI_EXIT_DATA;
    } else if (y < first || y > last) {
        fprintf(stderr, "planomsorg: profile: no population of %s for %d (held: %d-%d)\n", name,
                y, first, last);
        status = CLI_EXIT_DATA;
    } else if ((rc = kostra_cell(&probe, municipality, y, PLANOMSORG_KOSTRA_HOME_USERS)) == 1) {
        fprintf(stderr, "planomsorg: profile: no KOSTRA data of %s for %d\n", name, y);
        status = CLI_EXIT_DATA;
    } else if (rc < 0) {
        status = cli_fail(rc);
    } else {
        profile *p = calloc(1, sizeof *p);
        if (p == NULL) {
            fprintf(stderr, "planomsorg: profile: out of memory\n");
            status = CLI_EXIT_FAILURE;
        } else {
            add_text(p, "region_code", municipality != NULL ? municipality : PLANOMSORG_NORWAY);
            add_text(p, "region_name", name);
            add_row(p, NULL, NULL, "year", y, STYLE_META);
            rc = build_profile(p, municipality, municipality == NULL, y, pop, norway);
            if (rc != PLANOMSORG_OK)
                status = cli_fail(rc);
            else if ((format == CLI_FORMAT_TABLE ? write_table(p, name, municipality, y)
                                                 : write_machine(p, format)) != 0) {
                fprintf(stderr, "planomsorg: profile: cannot write the output\n");
                status = CLI_EXIT_FAILURE;
            }
            free(p);
        }
    }
    planomsorg_population_free(pop);
    planomsorg_population_free(norway);
    return status;
}
