/*
 * error.c: fc_error helpers and the library version.
 */
#include "config.h"

#include <string.h>

#include <figcheck/figcheck.h>

fc_status fc_error_setv(fc_error *err, fc_status code, const char *fmt,
			va_list ap)
{
	if (err) {
		err->code = code;
		vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	}
	return code;
}

fc_status fc_error_set(fc_error *err, fc_status code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fc_error_setv(err, code, fmt, ap);
	va_end(ap);
	return code;
}

void fc_error_prefix(fc_error *err, const char *fmt, ...)
{
	char head[512], old[sizeof(err->msg)];
	size_t n;
	va_list ap;

	if (!err)
		return;
	va_start(ap, fmt);
	vsnprintf(head, sizeof(head), fmt, ap);
	va_end(ap);
	memcpy(old, err->msg, sizeof(old));
	n = strlen(head);
	if (n >= sizeof(err->msg))
		n = sizeof(err->msg) - 1;
	memcpy(err->msg, head, n);
	/* As much of the old message as fits after the prefix. */
	for (size_t i = 0; n < sizeof(err->msg) - 1 && old[i]; i++)
		err->msg[n++] = old[i];
	err->msg[n] = 0;
}

void fc_error_clear(fc_error *err)
{
	if (err) {
		err->code = FC_OK;
		err->msg[0] = 0;
	}
}

const char *fc_version(void)
{
	return PACKAGE_VERSION;
}
