#!/usr/bin/env bash
# The newcomer's path (issue 36), on the clean clone CI runs in: with a library Kriya builds
# against taken away (libqrencode-dev), the README's run command must install it, build and
# open the console on demo data, seen in tmux as a person would see it; then, taken away again,
# the test command's set-up part must put it back. The library is reinstalled on any exit.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "fresh-machine: $*"; }

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  say "skipped: taking a package away needs root and apt-get"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
command -v tmux >/dev/null 2>&1 || { say "installing tmux to watch the console"; apt-get update -qq; apt-get install -y -qq tmux; }

header=/usr/include/qrencode.h
take_away() {
  if dpkg -s libqrencode-dev >/dev/null 2>&1; then apt-get remove -y -qq libqrencode-dev >/dev/null; fi
  [ ! -e "$header" ] || { say "could not take libqrencode-dev away"; exit 1; }
}
put_back() { [ -e "$header" ] || apt-get install -y -qq libqrencode-dev >/dev/null || true; }
tmux_() { tmux -L kriya-fresh "$@"; }
demo_home=$(mktemp -d)
trap 'put_back; tmux_ kill-server 2>/dev/null || true; rm -rf "$demo_home"' EXIT

# 1. The run command, in a terminal, until the console shows its key bar: in a fresh clone of
# this commit (nothing built, no demo data), as a newcomer would type it.
clone=$(mktemp -d)/kriya
git clone -q . "$clone"
trap 'put_back; tmux_ kill-server 2>/dev/null || true; rm -rf "$demo_home" "$(dirname "$clone")"' EXIT
take_away
say "libqrencode-dev taken away; in a fresh clone ($clone), the README's run command: scripts/setup.sh run && swift run kriya --demo"
start=$(date +%s)
tmux_ kill-server 2>/dev/null || true
tmux_ new-session -d -x 120 -y 30 -c "$clone" \
  "export LANG=C.UTF-8 LC_ALL=C.UTF-8 XDG_DATA_HOME='$demo_home'; scripts/setup.sh run && swift run kriya --demo; echo \"[demo exited \$?]\"; sleep 3600"
shown=""
while [ $(( $(date +%s) - start )) -lt 1200 ]; do
  screen=$(tmux_ capture-pane -p)
  if grep -q 'F10 Quit' <<<"$screen" && grep -q 'Artisans' <<<"$screen"; then shown=yes; break; fi
  if grep -q '\[demo exited' <<<"$screen"; then break; fi
  sleep 2
done
if [ -z "$shown" ]; then
  say "the console did not open; the terminal showed:"
  tmux_ capture-pane -p -S -60
  exit 1
fi
say "the console opened with its key bar after $(( $(date +%s) - start )) s:"
tmux_ capture-pane -p | sed -n '1,3p;$p'
tmux_ send-keys q
for _ in $(seq 1 20); do grep -q '\[demo exited 0\]' <<<"$(tmux_ capture-pane -p)" && break; sleep 0.5; done
grep -q '\[demo exited 0\]' <<<"$(tmux_ capture-pane -p)" || { say "q did not close the console"; tmux_ capture-pane -p; exit 1; }
tmux_ kill-server

# 2. The test command's set-up part.
take_away
say "libqrencode-dev taken away; running the test command's set-up part: scripts/setup.sh test"
start=$(date +%s)
scripts/setup.sh test
[ -e "$header" ] || { say "scripts/setup.sh test did not install libqrencode-dev"; exit 1; }
say "the test command's set-up put it back in $(( $(date +%s) - start )) s"
