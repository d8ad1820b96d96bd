/*
 * log.c: the default logger and the formatting helpers.
 */
#include "config.h"

#include <stdio.h>

#include "log.h"

static const char *level_name(fc_log_level level)
{
	switch (level) {
	case FC_LOG_ERROR:
		return "error";
	case FC_LOG_WARNING:
		return "warning";
	case FC_LOG_INFO:
		return "info";
	case FC_LOG_DEBUG:
		return "debug";
	}
	return "note";
}

static void stderr_fn(void *ud, fc_log_level level, const char *who,
		      const char *msg)
{
	(void)ud;
	if (who)
		fprintf(stderr, "figcheck: %s: %s: %s\n", level_name(level), who,
			msg);
	else
		fprintf(stderr, "figcheck: %s: %s\n", level_name(level), msg);
}

fc_logger fc_logger_stderr(void)
{
	fc_logger lg = {stderr_fn, NULL, FC_LOG_WARNING};
	return lg;
}

void fc_logv(const fc_logger *lg, fc_log_level level, const char *who,
	     const char *fmt, va_list ap)
{
	char msg[2048];

	if (!lg || !lg->fn || level > lg->max_level)
		return;
	vsnprintf(msg, sizeof(msg), fmt, ap);
	lg->fn(lg->ud, level, who, msg);
}

void fc_log(const fc_logger *lg, fc_log_level level, const char *who,
	    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fc_logv(lg, level, who, fmt, ap);
	va_end(ap);
}
