#!/usr/bin/env bash
# The README's test command: installs what the build and the tests lack (scripts/setup.sh),
# then runs every test. Any arguments go to swift test: scripts/test.sh --filter KriyaStoreTests
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
exec swift test "$@"
