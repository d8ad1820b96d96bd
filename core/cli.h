/*
 * cli.h: subcommands of the figcheck program. Each takes the arguments
 * after its name (argv[0] is the subcommand's name) and returns the
 * process exit code (see enum fc_exit).
 */
#ifndef FC_CLI_H
#define FC_CLI_H

enum fc_exit {
	FC_EXIT_OK = 0,       /* nothing at or above --fail-on */
	FC_EXIT_FINDINGS = 1, /* findings at or above --fail-on */
	FC_EXIT_ERROR = 2     /* usage, configuration or input error */
};

/* `figcheck numbers [--format text|jsonl] [--number-locale en|de]
 * [--round exact|last-nonzero] FILE|-`: every numeric expression found,
 * with its reading, one per line on stdout. */
int fc_cmd_numbers(int argc, char **argv);

#endif
