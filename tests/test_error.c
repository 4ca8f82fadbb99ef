/* Error model: codes, names, the thread-local message. */
#include <planomsorg.h>

#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

static void test_strerror_names_every_code(void **state)
{
    (void)state;
    for (int code = PLANOMSORG_ECONSISTENCY; code <= PLANOMSORG_OK; code++) {
        const char *s = planomsorg_strerror(code);
        assert_non_null(s);
        assert_non_null(strstr(s, "PLANOMSORG_"));
    }
    assert_string_equal(planomsorg_strerror(-9999), "unknown status code");
    assert_string_equal(planomsorg_strerror(7), "unknown status code");
}

static void test_message_never_null_and_cleared(void **state)
{
    (void)state;
    planomsorg_error_clear();
    assert_non_null(planomsorg_error_last());
    assert_string_equal(planomsorg_error_last(), "");
    assert_int_equal(planomsorg_error_last_code(), PLANOMSORG_OK);
    planomsorg_population *pop = NULL;
    assert_int_equal(planomsorg_population_new(NULL, 2024, 1, 105), PLANOMSORG_EINVAL);
    assert_non_null(strstr(planomsorg_error_last(), "out"));
    assert_int_equal(planomsorg_error_last_code(), PLANOMSORG_EINVAL);
    assert_int_equal(planomsorg_population_new(&pop, 2024, 0, 105), PLANOMSORG_ERANGE);
    assert_null(pop);
    assert_non_null(strstr(planomsorg_error_last(), "number of years 0"));
}

static void *fail_in_thread(void *arg)
{
    (void)arg;
    planomsorg_population *pop = NULL;
    planomsorg_population_new(&pop, 1700, 1, 105);
    return (void *)(strstr(planomsorg_error_last(), "1700") != NULL ? pop : (void *)1);
}

static void test_message_is_thread_local(void **state)
{
    (void)state;
    planomsorg_error_clear();
    pthread_t t;
    void *ret = NULL;
    assert_int_equal(pthread_create(&t, NULL, fail_in_thread, NULL), 0);
    assert_int_equal(pthread_join(t, &ret), 0);
    assert_null(ret); /* the other thread saw its own message */
    assert_string_equal(planomsorg_error_last(), ""); /* and this thread saw none */
}

static void test_version(void **state)
{
    (void)state;
    assert_string_equal(planomsorg_version_string(), PLANOMSORG_VERSION_STRING);
    assert_int_equal(planomsorg_version_number(), PLANOMSORG_VERSION_NUMBER);
    assert_int_equal(PLANOMSORG_VERSION_NUMBER / 10000, PLANOMSORG_VERSION_MAJOR);
    assert_string_equal(planomsorg_sex_name(PLANOMSORG_SEX_FEMALE), "female");
    assert_string_equal(planomsorg_sex_name(PLANOMSORG_SEX_MALE), "male");
    assert_null(planomsorg_sex_name(3));
    planomsorg_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strerror_names_every_code),
        cmocka_unit_test(test_message_never_null_and_cleared),
        cmocka_unit_test(test_message_is_thread_local),
        cmocka_unit_test(test_version),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
