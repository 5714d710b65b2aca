#!/bin/sh
# Build the examples against the *installed* library, as an outside user
# would: install into a temporary DESTDIR, point pkg-config at the installed
# triad.pc (its prefix rewritten into the DESTDIR), compile every example
# with `pkg-config --cflags --libs triad` and run the resulting tool.
#
# Usage: installed-examples.sh BUILD_DIR PREFIX LIBDIR CC SOURCE...
# (SOURCE: the tool's C files; the headers next to them are copied too)
set -eu
# meson test points LD_LIBRARY_PATH at the build tree; a user has no such thing.
unset LD_LIBRARY_PATH
build=$1 prefix=$2 libdir=$3 cc=$4
shift 4

case $libdir in
/*) ;;
*) libdir=$prefix/$libdir ;;
esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/triad-installed.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
dest=$tmp/dest

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

meson install -C "$build" --destdir "$dest" --no-rebuild --quiet >"$tmp/install.log" 2>&1 ||
	{ cat "$tmp/install.log" >&2; fail "meson install --destdir failed"; }

pcdir=$dest$libdir/pkgconfig
[ -f "$pcdir/triad.pc" ] || fail "triad.pc was not installed into $pcdir"
[ -f "$dest$prefix/include/triad.h" ] || fail "triad.h was not installed"

# The .pc file names the real prefix; rewrite it into the DESTDIR.
pc() {
	PKG_CONFIG_PATH=$pcdir pkg-config --define-variable=prefix="$dest$prefix" "$@" triad
}
pc --exists || fail "pkg-config cannot use the installed triad.pc"
cflags=$(pc --cflags)
libs=$(pc --libs)
# Some examples write JSON with jansson themselves: a user links it too.
ex_cflags="$cflags $(pkg-config --cflags jansson)"
ex_libs="$libs $(pkg-config --libs jansson)"
installed_libdir=$(pc --variable=libdir)
echo "cflags: $cflags"
echo "libs:   $libs"
case $cflags in
*"$dest"*) ;;
*) fail "pkg-config --cflags does not point into the installed tree: $cflags" ;;
esac

# Only what a user gets: the example sources and the installed headers. The
# source tree's include/ must not be needed.
mkdir -p "$tmp/src"
for f in "$@"; do
	cp "$f" "$tmp/src/"
	cp "$(dirname "$f")"/*.h "$tmp/src/" 2>/dev/null || true
done
# shellcheck disable=SC2086
"$cc" -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L $ex_cflags \
	-o "$tmp/triad" "$tmp"/src/*.c $ex_libs -Wl,-rpath,"$installed_libdir" \
	2>"$tmp/cc.log" || { cat "$tmp/cc.log" >&2; fail "the examples do not build against the installed library"; }

# The tool runs and uses the installed libtriad, not the build tree's.
ver=$("$tmp/triad" --version) || fail "the installed-built tool does not run"
echo "$ver"
if command -v ldd >/dev/null 2>&1; then
	ldd "$tmp/triad" | grep libtriad | grep -q "$dest" ||
		fail "the tool is not linked against the installed libtriad: $(ldd "$tmp/triad" | grep libtriad)"
fi
"$tmp/triad" categories --lang nl >"$tmp/out.txt" || fail "triad categories failed"
grep -q "involvement.home" "$tmp/out.txt" || fail "triad categories printed no taxonomy"

# A minimal outside program through the umbrella header, linked statically
# too when the static library and its private dependencies are installed.
cat >"$tmp/user.c" <<'C'
#include <stdio.h>
#include <triad.h>
int main(void)
{
	triad_date d;
	if (triad_date_parse(&d, "2026-11-26") != 0)
		return 1;
	printf("%s %d\n", triad_version(), triad_date_weekday(d));
	return triad_date_weekday(d) == 4 ? 0 : 1;
}
C
# shellcheck disable=SC2086
"$cc" -std=c99 -pedantic -Wall -Werror $cflags -o "$tmp/user" "$tmp/user.c" $libs \
	-Wl,-rpath,"$installed_libdir" || fail "a C99 user program does not build"
"$tmp/user" || fail "the C99 user program failed"
# Everything the static library needs, except libtriad itself (linked
# from the archive by name, so the shared library cannot sneak in).
static_libs=$(pc --libs --static | sed 's/\(^\| \)-ltriad\( \|$\)/ /')
# shellcheck disable=SC2086
"$cc" -std=c99 -o "$tmp/user-static" "$tmp/user.c" $cflags \
	"$installed_libdir/libtriad.a" $static_libs 2>"$tmp/static.log" ||
	{ cat "$tmp/static.log" >&2; fail "static linking with pkg-config --static fails"; }
"$tmp/user-static" || fail "the statically linked program failed"
echo "installed examples: ok"
