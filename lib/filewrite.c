#include "filewrite.h"

#include "csvread.h"
#include "error.h"

#include <errno.h>

static int io_error(int errnum, const char *path, const char *function)
{
    char why[128];
    pl_csv_strerror(errnum, why, sizeof why);
    return pl_error(PLANOMSORG_EIO, "%s: cannot write '%s': %s", function, path, why);
}

int pl_file_create(FILE **out, const char *path, const char *function)
{
    *out = fopen(path, "wb");
    return *out != NULL ? PLANOMSORG_OK : io_error(errno, path, function);
}

int pl_file_finish(FILE *f, int rc, const char *path, const char *function)
{
    int failed = ferror(f);
    int errnum = failed ? EIO : 0;
    if (fclose(f) != 0 && !failed) {
        failed = 1;
        errnum = errno;
    }
    if (rc != PLANOMSORG_OK)
        return rc;
    return failed ? io_error(errnum, path, function) : PLANOMSORG_OK;
}
