/*
 * fc-test-server.c: the tests' loopback HTTP server as a program, for
 * the shell tests. Usage: fc-test-server ROOT PORTFILE [SECONDS]
 *
 * Serves ROOT (see server.h for the routes) on 127.0.0.1, writes the port
 * to PORTFILE (atomically, so that a reader never sees half of it) and
 * runs until SIGTERM, SIGINT or SIGHUP, or for SECONDS (default 300) at
 * most, so that a test that dies never leaves it behind for long. With
 * FCTS_AUTH="Name: value" in the environment, /auth/ requires that
 * header.
 */
#include "config.h"

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "server.h"

int main(int argc, char **argv)
{
	sigset_t set;
	struct timespec limit = {300, 0};
	char tmp[4096];
	FILE *f;
	fcts *s;
	const char *auth, *colon;

	if (argc < 3 || argc > 4) {
		fprintf(stderr,
		        "usage: fc-test-server ROOT PORTFILE [SECONDS]\n");
		return 2;
	}
	if (argc == 4)
		limit.tv_sec = atol(argv[3]);
	/* Block the signals before any thread starts, then wait for one. */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	if (!(s = fcts_start(argv[1])))
		return 1;
	if ((auth = getenv("FCTS_AUTH")) && (colon = strchr(auth, ':'))) {
		char name[256];
		size_t n = (size_t)(colon - auth);
		snprintf(name, sizeof(name), "%.*s", (int)n, auth);
		fcts_require(s, name, colon[1] == ' ' ? colon + 2 : colon + 1);
	}
	snprintf(tmp, sizeof(tmp), "%s.tmp", argv[2]);
	if (!(f = fopen(tmp, "w")) || fprintf(f, "%u\n", fcts_port(s)) < 0 ||
	    fclose(f) != 0 || rename(tmp, argv[2]) != 0) {
		fprintf(stderr, "fc-test-server: cannot write %s\n", argv[2]);
		fcts_stop(s);
		return 1;
	}
	sigtimedwait(&set, NULL, &limit);
	fcts_stop(s);
	return 0;
}
