/* planomsorg: the command-line program over libplanomsorg. */
#include "cli.h"

#include <planomsorg.h>

#include <stdio.h>
#include <string.h>

#include "commands.h"

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} commands[] = {
#define COMMAND(name, summary) {#name, cmd_##name, summary},
#include "commands.def"
#undef COMMAND
    {NULL, NULL, NULL},
};

static void usage(FILE *out)
{
    fprintf(out, "usage: planomsorg [--help] [--version] COMMAND [OPTIONS]\n\n"
                 "Planning figures for Norwegian care services (pleie og omsorg) from the\n"
                 "embedded public statistics (SSB, NLOD 2.0; HMD/HFD) or your own files.\n\n"
                 "Commands:\n");
    for (size_t i = 0; commands[i].name != NULL; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\n'planomsorg COMMAND --help' describes a command's options and output.\n"
                 "Exit status: 0 success, 1 failure, 2 unknown region, missing data or bad\n"
                 "input file, 64 bad usage.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return CLI_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage(stdout);
        return CLI_EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("planomsorg %s (library %s)\n", PLANOMSORG_VERSION_STRING,
               planomsorg_version_string());
        return CLI_EXIT_OK;
    }
    for (size_t i = 0; commands[i].name != NULL; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "planomsorg: unknown command '%s' (see planomsorg --help)\n", argv[1]);
    return CLI_EXIT_USAGE;
}
