/* Population handle: cells, bands, ratios, flat arrays, argument checks. */
#include <planomsorg.h>

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

/* Persons = 1000 + 10 * age + sex + (year - 2024): every cell distinct and known. */
static double cell_value(int year, int sex, int age)
{
    return 1000.0 + 10.0 * age + sex + (year - 2024);
}

static planomsorg_population *make_population(void)
{
    planomsorg_population *pop = NULL;
    assert_int_equal(planomsorg_population_new(&pop, 2024, 3, 105), PLANOMSORG_OK);
    for (int y = 2024; y < 2027; y++)
        for (int s = 0; s < 2; s++)
            for (int a = 0; a <= 105; a++)
                assert_int_equal(planomsorg_population_set(pop, y, s, a, cell_value(y, s, a)),
                                 PLANOMSORG_OK);
    return pop;
}

/* Independent closed form of the sum of cell_value over a band. */
static double band_sum(int year, int sex, int lo, int hi)
{
    double sum = 0;
    for (int s = 0; s < 2; s++)
        if (sex == PLANOMSORG_SEX_BOTH || sex == s)
            sum += (hi - lo + 1) * (1000.0 + s + (year - 2024)) + 10.0 * (hi + lo) * (hi - lo + 1) / 2;
    return sum;
}

static void test_dimensions_and_cells(void **state)
{
    (void)state;
    planomsorg_population *pop = make_population();
    assert_int_equal(planomsorg_population_first_year(pop), 2024);
    assert_int_equal(planomsorg_population_n_years(pop), 3);
    assert_int_equal(planomsorg_population_max_age(pop), 105);
    assert_int_equal(planomsorg_population_size(pop), 3 * 2 * 106);
    double v;
    assert_int_equal(planomsorg_population_get(pop, 2025, PLANOMSORG_SEX_MALE, 80, &v), PLANOMSORG_OK);
    assert_true(v == cell_value(2025, 1, 80));
    assert_int_equal(planomsorg_population_get(pop, 2025, PLANOMSORG_SEX_BOTH, 80, &v), PLANOMSORG_OK);
    assert_true(v == cell_value(2025, 0, 80) + cell_value(2025, 1, 80));
    planomsorg_population_free(pop);
    planomsorg_population_free(NULL);
}

static void test_bands_match_closed_form(void **state)
{
    (void)state;
    planomsorg_population *pop = make_population();
    for (int band = 0; band < PLANOMSORG_N_BANDS; band++) {
        int lo, hi;
        assert_int_equal(planomsorg_band_range(band, &lo, &hi), PLANOMSORG_OK);
        assert_non_null(planomsorg_band_name(band));
        for (int sex = 0; sex <= PLANOMSORG_SEX_BOTH; sex++) {
            double v;
            assert_int_equal(planomsorg_population_band(pop, 2026, sex, band, &v), PLANOMSORG_OK);
            assert_float_equal(v, band_sum(2026, sex, lo, hi == PLANOMSORG_AGE_OPEN ? 105 : hi), 1e-9);
        }
    }
    double a, b, c;
    planomsorg_population_band(pop, 2024, PLANOMSORG_SEX_BOTH, PLANOMSORG_BAND_0_66, &a);
    planomsorg_population_band(pop, 2024, PLANOMSORG_SEX_BOTH, PLANOMSORG_BAND_67P, &b);
    planomsorg_population_band(pop, 2024, PLANOMSORG_SEX_BOTH, PLANOMSORG_BAND_ALL, &c);
    assert_float_equal(a + b, c, 1e-9); /* bands partition the ages */
    assert_null(planomsorg_band_name(PLANOMSORG_N_BANDS));
    planomsorg_population_free(pop);
}

static void test_ratios(void **state)
{
    (void)state;
    planomsorg_population *pop = make_population();
    double r;
    assert_int_equal(planomsorg_population_ratio(pop, 2024, PLANOMSORG_RATIO_67P_PER_20_66, &r), PLANOMSORG_OK);
    assert_float_equal(r, band_sum(2024, 2, 67, 105) / band_sum(2024, 2, 20, 66), 1e-12);
    assert_int_equal(planomsorg_population_ratio(pop, 2024, PLANOMSORG_RATIO_80P_PER_20_66, &r), PLANOMSORG_OK);
    assert_float_equal(r, band_sum(2024, 2, 80, 105) / band_sum(2024, 2, 20, 66), 1e-12);
    assert_int_equal(planomsorg_population_ratio(pop, 2024, PLANOMSORG_RATIO_50_66_PER_85P, &r), PLANOMSORG_OK);
    assert_float_equal(r, band_sum(2024, 2, 50, 66) / band_sum(2024, 2, 85, 105), 1e-12);
    assert_string_equal(planomsorg_ratio_name(PLANOMSORG_RATIO_50_66_PER_85P), "ratio_50_66_per_85p");
    assert_int_equal(planomsorg_population_ratio(pop, 2024, 99, &r), PLANOMSORG_EINVAL);
    planomsorg_population *empty = NULL;
    assert_int_equal(planomsorg_population_new(&empty, 2024, 1, 105), PLANOMSORG_OK);
    assert_int_equal(planomsorg_population_ratio(empty, 2024, 0, &r), PLANOMSORG_ENUMERIC);
    assert_non_null(strstr(planomsorg_error_last(), "20-66"));
    planomsorg_population_free(empty);
    planomsorg_population_free(pop);
}

static void test_export_import_roundtrip_and_slice(void **state)
{
    (void)state;
    planomsorg_population *pop = make_population(), *copy = NULL, *slice = NULL;
    size_t n = planomsorg_population_size(pop);
    double *buf = malloc(n * sizeof *buf);
    assert_int_equal(planomsorg_population_export(pop, buf, n), PLANOMSORG_OK);
    /* the documented layout: ((y * 2) + sex) * 106 + age */
    assert_true(buf[((1 * 2) + 1) * 106 + 90] == cell_value(2025, 1, 90));
    assert_int_equal(planomsorg_population_new(&copy, 2024, 3, 105), PLANOMSORG_OK);
    assert_int_equal(planomsorg_population_import(copy, buf, n), PLANOMSORG_OK);
    double a, b;
    planomsorg_population_band(copy, 2026, 2, PLANOMSORG_BAND_80P, &a);
    planomsorg_population_band(pop, 2026, 2, PLANOMSORG_BAND_80P, &b);
    assert_true(a == b);
    buf[17] = NAN;
    assert_int_equal(planomsorg_population_import(copy, buf, n), PLANOMSORG_EVALUE);
    assert_non_null(strstr(planomsorg_error_last(), "age 17"));
    planomsorg_population_get(copy, 2024, 0, 17, &a);
    assert_true(a == cell_value(2024, 0, 17)); /* unchanged on failure */
    assert_int_equal(planomsorg_population_import(copy, buf, n - 1), PLANOMSORG_EDIMENSION);
    assert_int_equal(planomsorg_population_slice(&slice, pop, 2025, 2), PLANOMSORG_OK);
    assert_int_equal(planomsorg_population_first_year(slice), 2025);
    planomsorg_population_get(slice, 2026, 1, 105, &a);
    assert_true(a == cell_value(2026, 1, 105));
    planomsorg_population_free(slice);
    slice = NULL;
    assert_int_equal(planomsorg_population_slice(&slice, pop, 2025, 3), PLANOMSORG_ERANGE);
    assert_null(slice);
    free(buf);
    planomsorg_population_free(copy);
    planomsorg_population_free(pop);
}

static void test_bad_arguments(void **state)
{
    (void)state;
    planomsorg_population *pop = make_population();
    double v;
    assert_int_equal(planomsorg_population_set(pop, 2023, 0, 0, 1), PLANOMSORG_ERANGE);
    assert_non_null(strstr(planomsorg_error_last(), "year 2023"));
    assert_int_equal(planomsorg_population_set(pop, 2024, 2, 0, 1), PLANOMSORG_EINVAL);
    assert_int_equal(planomsorg_population_set(pop, 2024, 0, 106, 1), PLANOMSORG_ERANGE);
    assert_int_equal(planomsorg_population_set(pop, 2024, 0, -1, 1), PLANOMSORG_ERANGE);
    assert_int_equal(planomsorg_population_set(pop, 2024, 0, 0, -1), PLANOMSORG_EVALUE);
    assert_int_equal(planomsorg_population_set(pop, 2024, 0, 0, NAN), PLANOMSORG_EVALUE);
    assert_int_equal(planomsorg_population_set(pop, 2024, 0, 0, INFINITY), PLANOMSORG_EVALUE);
    assert_int_equal(planomsorg_population_sum(pop, 2024, 2, 50, 40, &v), PLANOMSORG_ERANGE);
    assert_int_equal(planomsorg_population_sum(pop, 2024, 2, 0, 200, &v), PLANOMSORG_ERANGE);
    assert_int_equal(planomsorg_population_sum(NULL, 2024, 2, 0, 10, &v), PLANOMSORG_EINVAL);
    assert_int_equal(planomsorg_population_sum(pop, 2024, 2, 0, 10, NULL), PLANOMSORG_EINVAL);
    assert_int_equal(planomsorg_population_band(pop, 2024, 2, -1, &v), PLANOMSORG_EINVAL);
    assert_int_equal(planomsorg_population_first_year(NULL), 0);
    assert_int_equal(planomsorg_population_size(NULL), 0);
    planomsorg_population *bad = NULL;
    assert_int_equal(planomsorg_population_new(&bad, 2024, 1, 0), PLANOMSORG_ERANGE);
    assert_int_equal(planomsorg_population_new(&bad, 2024, 1, 131), PLANOMSORG_ERANGE);
    assert_int_equal(planomsorg_population_copy(&bad, NULL), PLANOMSORG_EINVAL);
    assert_null(bad);
    planomsorg_population_free(pop);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dimensions_and_cells),
        cmocka_unit_test(test_bands_match_closed_form),
        cmocka_unit_test(test_ratios),
        cmocka_unit_test(test_export_import_roundtrip_and_slice),
        cmocka_unit_test(test_bad_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
