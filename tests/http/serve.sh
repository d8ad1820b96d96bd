# serve.sh: starts the loopback test server for a shell test. Sourced
# after tests/cli/lib.sh. It serves the files under $SERVE_ROOT (default:
# the source tree). Sets $base ("http://127.0.0.1:PORT") and stops the
# server when the test exits. Skips the test (77) without it.
SERVER="$top_builddir/tests/http/fc-test-server"
if [ ! -x "$SERVER" ]; then
	echo "SKIP: $SERVER was not built (libmicrohttpd missing?)"
	exit 77
fi
# Never a proxy, never the internet.
unset http_proxy https_proxy HTTPS_PROXY ALL_PROXY all_proxy
no_proxy='*'
export no_proxy
"$SERVER" "${SERVE_ROOT:-$top_srcdir}" "$TMP/port" 300 &
server_pid=$!
trap 'kill $server_pid 2>/dev/null; wait $server_pid 2>/dev/null; rm -rf "$TMP"' EXIT
i=0
while [ ! -s "$TMP/port" ]; do
	i=$((i + 1))
	if [ $i -gt 100 ] || ! kill -0 $server_pid 2>/dev/null; then
		echo "FAIL: the test server did not start"
		exit 99
	fi
	sleep 0.1
done
base="http://127.0.0.1:$(cat "$TMP/port")"
