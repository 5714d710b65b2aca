#!/bin/sh
# Every public header compiles on its own: as C99 with -pedantic -Werror and
# as C++. Usage: check_headers.sh CC CXX INCLUDE_DIR
set -eu
cc=$1 cxx=$2 inc=$3
fail=0 count=0
for h in "$inc"/triad.h "$inc"/triad/*.h; do
	rel=${h#"$inc"/}
	count=$((count + 1))
	if ! printf '#include <%s>\nint main(void) { return 0; }\n' "$rel" |
		"$cc" -std=c99 -pedantic -Werror -Wall -Wextra -I"$inc" -x c -fsyntax-only -; then
		echo "FAIL: $rel does not compile on its own as C99"
		fail=1
	fi
	if [ -n "$cxx" ] && ! printf '#include <%s>\nint main() { return 0; }\n' "$rel" |
		"$cxx" -std=c++11 -pedantic -Werror -Wall -Wextra -I"$inc" -x c++ -fsyntax-only -; then
		echo "FAIL: $rel does not compile on its own as C++11"
		fail=1
	fi
done
[ -n "$cxx" ] || echo "note: no C++ compiler found; C++ check skipped"
echo "$count headers checked"
exit $fail
