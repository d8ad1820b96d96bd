/*
 * log.h: where the core and plugins send diagnostics. A logger is a
 * function and its user data; the default writes "figcheck: warning: ..."
 * lines to stderr. No global state: every engine carries its own logger.
 */
#ifndef FC_LOG_H
#define FC_LOG_H

#include <figcheck/plugin.h>

typedef struct fc_logger {
	/* Called with one complete message (no trailing newline). `who` is
	 * the plugin instance's name or NULL for the core. */
	void (*fn)(void *ud, fc_log_level level, const char *who,
		   const char *msg);
	void *ud;
	fc_log_level max_level; /* messages above this level are dropped */
} fc_logger;

/* The default logger: stderr, warnings and errors. */
fc_logger fc_logger_stderr(void);

void fc_log(const fc_logger *lg, fc_log_level level, const char *who,
	    const char *fmt, ...) FC_PRINTF(4, 5);
void fc_logv(const fc_logger *lg, fc_log_level level, const char *who,
	     const char *fmt, va_list ap) FC_PRINTF(4, 0);

#endif
