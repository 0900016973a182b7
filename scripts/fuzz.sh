#!/usr/bin/env bash
# Fuzzes, in process, every reader of bytes that reach Kriya from outside: the store's line
# readers (records, journal, manifest, audit, import undo, whole snapshot files), the
# spreadsheet importer (encoding, separators, headings, rows → artisans → import plan), and
# the date, time, money, phone, id, NIB/NIK parsers. libFuzzer (coverage-guided) mutates the
# seeds in scripts/fuzz-seeds/ (the first byte of an input picks the reader). A record that
# reads is written back and must read the same. Prints how many inputs ran and how many
# crashed; crashing inputs are kept in .build-fuzz/crashes/ (replay one with
# `swift run kriya-fuzz FILE`).
#
#   scripts/fuzz.sh [RUNS]      # default 1000000
set -euo pipefail
cd "$(dirname "$0")/.."
# libFuzzer, not Swift's backtracer, must catch a crash: it keeps the input that caused it.
runs=${1:-1000000}
scratch=.build-fuzz
# lld: gold trips over the fuzzer runtime's debug info.
swift build -c release --product kriya-fuzz --scratch-path "$scratch" \
  -Xswiftc -sanitize=fuzzer -Xswiftc -DKRIYA_FUZZ -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld >/dev/null 2>&1 \
  || { echo "fuzz: the fuzzing build failed; run the swift build line above by hand to see why" >&2; exit 2; }
bin="$scratch/release/kriya-fuzz"
corpus="$scratch/corpus"
crashes="$scratch/crashes"
mkdir -p "$corpus" "$crashes"
cp -n scripts/fuzz-seeds/* "$corpus/" 2>/dev/null || true

# One fuzzing process per core, sharing the corpus; each runs its share and notes its count.
part() {   # part ID RUNS: runs RUNS inputs, starting again after a crash; writes "RAN CRASHED"
  local id=$1 want=$2 ran_total=0 crashed=0 status ran log
  while [ "$ran_total" -lt "$want" ] && [ "$crashed" -lt 10 ]; do
    log="$scratch/part-$id.log"
    status=0
    SWIFT_BACKTRACE=enable=no "$bin" "$corpus" -runs=$((want - ran_total)) -max_len=4096 -timeout=10 -rss_limit_mb=2048 -reload=30 \
      -print_final_stats=1 -artifact_prefix="$crashes/" >"$log" 2>&1 || status=$?
    ran=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
    # A crash ends libFuzzer before its final stats: count from its last progress line then.
    [ -n "$ran" ] || ran=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)
    ran_total=$((ran_total + ${ran:-0}))
    if [ "$status" -ne 0 ]; then
      crashed=$((crashed + 1))
      grep -E 'ERROR|Fatal error|failure|Test unit written' "$log" | head -5 >&2 || true
      [ "${ran:-0}" -gt 0 ] || { tail -20 "$log" >&2; break; }
    fi
  done
  echo "$ran_total $crashed" > "$scratch/part-$id.result"
}

workers=$(nproc)
for id in $(seq 1 "$workers"); do part "$id" $((runs / workers)) & done
wait
total=0; crashed=0
for id in $(seq 1 "$workers"); do
  read -r r c < "$scratch/part-$id.result"
  total=$((total + r)); crashed=$((crashed + c))
done
echo "fuzz: $total inputs run on $workers cores, $crashed crashed (corpus $(ls "$corpus" | wc -l) inputs; crashes in $crashes/)"
[ "$crashed" -eq 0 ]
