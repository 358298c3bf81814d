/* cmd_stats.c - PLACEHOLDER. */
#include "cli.h"
int cmd_stats(int argc, char **argv, const struct cli_globals *g) { (void)argc; (void)argv; (void)g; return CLI_FATAL; }
