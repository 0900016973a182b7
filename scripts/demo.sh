#!/usr/bin/env bash
# The README's run command: installs what the build lacks (scripts/setup.sh), builds, and opens
# the console on demo data (made up, in ~/.local/share/kriya-demo, created on first use).
# Any arguments go to kriya: scripts/demo.sh --lang en
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh run
exec swift run kriya --demo "$@"
