/* cmd_clean.c - PLACEHOLDER. */
#include "cli.h"
int cmd_clean(int argc, char **argv, const struct cli_globals *g) { (void)argc; (void)argv; (void)g; return CLI_FATAL; }
