/* Prototypes of every subcommand listed in commands.def: cmd_<name>.c includes this. */
#ifndef PLANOMSORG_COMMANDS_H
#define PLANOMSORG_COMMANDS_H

#define COMMAND(name, summary) int cmd_##name(int argc, char **argv);
#include "commands.def"
#undef COMMAND

#endif
