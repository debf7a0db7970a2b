#!/usr/bin/env bash
# Fuzz every OpsDeck input with libFuzzer + AddressSanitizer, each target for SECONDS
# (default 15), starting from the seed corpus in Tests/Fuzz/corpus/<target>/.
#   Fuzz/run.sh [SECONDS] [TARGET…]
# Exits non-zero on the first crash, leak-free abort or timeout; the input that failed is
# left as Fuzz/artifacts/<target>/crash-… (replay it with `opsdeck-fuzz replay TARGET FILE`
# in a plain build, then make it a regression test). Where the toolchain cannot link
# libFuzzer, the seeded mutation harness of the plain build runs instead.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"; shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(csv customers reps tickets tsplib solomon toptw sla-policy sales-config theme model-bytes artifacts)

if swift build -c debug --product opsdeck-fuzz --scratch-path .build-fuzz \
     -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DOPSDECK_LIBFUZZER \
     >/tmp/opsdeck-fuzz-build.log 2>&1; then
  bin="$(swift build -c debug --scratch-path .build-fuzz --show-bin-path)/opsdeck-fuzz"
  for t in "${targets[@]}"; do
    work="Fuzz/work/$t"; art="Fuzz/artifacts/$t"
    mkdir -p "$work" "$art"
    echo "fuzz: $t for ${seconds}s (libFuzzer)"
    # -timeout: one input taking over 10 s is a hang; -rss_limit_mb: one over 2 GB a blow-up.
    OPSDECK_FUZZ_TARGET="$t" "$bin" "$work" "Tests/Fuzz/corpus/$t" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$art/" -print_final_stats=1 >"Fuzz/work/$t.log" 2>&1 || {
        tail -40 "Fuzz/work/$t.log"; echo "fuzz: $t FAILED (input in $art/)"; exit 1; }
    grep -E '^stat::number_of_executed_units' "Fuzz/work/$t.log" || true
  done
else
  echo "fuzz: libFuzzer build failed (see /tmp/opsdeck-fuzz-build.log); using the mutation harness"
  swift build --product opsdeck-fuzz >/dev/null
  bin="$(swift build --show-bin-path)/opsdeck-fuzz"
  for t in "${targets[@]}"; do "$bin" mutate "$t" "Tests/Fuzz/corpus/$t" "$seconds" 1; done
fi
