#!/usr/bin/env bash
# Bytes the console writes to the terminal for one move of the selection (DESIGN.md §6),
# measured the way a person meets it: the real binary in tmux, its output teed by pipe-pane.
#   scripts/bytes-per-move.sh [WIDTH HEIGHT [DATA_DIR]]     (default 100 30, the demo data)
set -euo pipefail
cd "$(dirname "$0")/.."
width=${1:-100}; height=${2:-30}; data=${3:-}
bin=.build/release/kriya; [ -x "$bin" ] || bin=.build/debug/kriya
[ -x "$bin" ] || { echo "build kriya first: swift build"; exit 1; }
sock=kriya-bytes-$$; out=$(mktemp); home=$(mktemp -d)
trap 'tmux -L $sock kill-server 2>/dev/null; rm -rf "$out" "$home"' EXIT
args="--demo"; [ -n "$data" ] && args="--data $data"
tmux -L $sock new-session -d -x "$width" -y "$height" "env HOME=$home TERM=tmux-256color LANG=C.UTF-8 $bin $args"
for _ in $(seq 100); do tmux -L $sock capture-pane -p | grep -q 'F10' && break; sleep 0.1; done
tmux -L $sock pipe-pane -o "cat >> $out"; sleep 0.3
sizes=()
for _ in $(seq 20); do
  before=$(stat -c %s "$out"); tmux -L $sock send-keys j; sleep 0.2; after=$(stat -c %s "$out")
  sizes+=($((after - before)))
done
sorted=$(printf '%s\n' "${sizes[@]}" | sort -n)
echo "bytes per selection move at ${width}x${height}, TERM=tmux-256color: median $(echo "$sorted" | sed -n 10p), max $(echo "$sorted" | tail -1) (20 moves)"
