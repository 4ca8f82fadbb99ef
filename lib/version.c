#include "planomsorg/common.h"
#include "planomsorg/version.h"

#include <stdlib.h>

const char *planomsorg_version_string(void)
{
    return PLANOMSORG_VERSION_STRING;
}

int planomsorg_version_number(void)
{
    return PLANOMSORG_VERSION_NUMBER;
}

const char *planomsorg_sex_name(int sex)
{
    switch (sex) {
    case PLANOMSORG_SEX_FEMALE: return "female";
    case PLANOMSORG_SEX_MALE: return "male";
    case PLANOMSORG_SEX_BOTH: return "both";
    default: return NULL;
    }
}

void planomsorg_free(void *ptr)
{
    free(ptr);
}
