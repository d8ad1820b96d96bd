#!/bin/sh
# include-cycles.sh: the core's files read one way (issue 12): no cycle
# among core/*.c through their #include lines. Module M depends on module
# N when M.c, or a header M.c includes (directly or through other
# headers), includes N.h; a cycle is a module that depends on itself.
# Prints each cycle found and exits 1; 0 when there is none.
#
#   tests/ci/include-cycles.sh [SRCDIR]
srcdir=${1:-${top_srcdir:-.}}
core="$srcdir/core"
[ -d "$core" ] || { echo "no $core" >&2; exit 2; }
for f in "$core"/*.c "$core"/*.h; do
	b=$(basename "$f")
	sed -n 's/^#include "\([a-z_0-9]*\.h\)".*/\1/p' "$f" |
		while read -r h; do echo "$b $h"; done
done | awk -v core="$core" '
	{ inc[$1] = inc[$1] " " $2 }
	END {
		# The modules: core/*.c
		cmd = "ls " core " | sed -n \"s/\\.c$//p\""
		while ((cmd | getline m) > 0) mods[m] = 1
		close(cmd)
		# Headers each module reaches.
		for (m in mods) {
			delete seen; n = 0
			stack[++n] = m ".c"
			while (n > 0) {
				f = stack[n--]
				k = split(inc[f], hs, " ")
				for (i = 1; i <= k; i++)
					if (!(hs[i] in seen)) {
						seen[hs[i]] = 1
						stack[++n] = hs[i]
					}
			}
			for (h in seen) {
				d = h; sub(/\.h$/, "", d)
				if (d != m && (d in mods)) dep[m, d] = 1
			}
		}
		# A cycle: m reaches itself through the dependencies.
		bad = 0
		for (m in mods) {
			delete vis; n = 0
			for (key in dep) {
				split(key, p, SUBSEP)
				if (p[1] == m) { stack[++n] = p[2]; via[p[2]] = m }
			}
			while (n > 0) {
				x = stack[n--]
				if (x == m) {
					printf "cycle: %s", m
					y = via[m]; path = ""
					print " depends on itself (through " via[m] ")"
					bad = 1
					break
				}
				if (x in vis) continue
				vis[x] = 1
				for (key in dep) {
					split(key, p, SUBSEP)
					if (p[1] == x) { stack[++n] = p[2]; via[p[2]] = x }
				}
			}
		}
		nm = 0
		for (m in mods) nm++
		if (bad) print "0 passed, 1 failed"
		else print nm " modules of core/, no include cycle: 1 passed, 0 failed"
		exit bad
	}'
