#!/bin/sh
# Run the Node binding's tests (meson test, suite 'node').
# Usage: run-tests.sh NODE
# Installs node_modules from package-lock.json first when it is missing
# (a fresh checkout), then runs every test file with node's test runner.
# --ignore-scripts: koffi ships prebuilt binaries and loads them without
# its install script.
set -eu
node=${1:-node}
cd "$(dirname "$0")"
if [ ! -f node_modules/koffi/package.json ]; then
	echo "run-tests.sh: installing node_modules (npm ci)" >&2
	npm ci --no-audit --no-fund --ignore-scripts >&2
fi
exec "$node" --test test/*.test.js
