#!/usr/bin/env bash
# The build benchmark of issue 6: builds sportello in release, then generates
# sites of 1,000 and 10,000 source pages (4 languages) and builds each 3 times,
# printing the median wall time, CPU time, peak RSS, pages per second, output
# size, the stage timings and the per-page figures. With `hugo` on PATH
# (apt-get install hugo) the same pages are built with Hugo in the same run and
# the ratios are printed. CPU time and RSS need /usr/bin/time (apt-get install time).
#
#   bash scripts/bench.sh                         # the default sizes and runs
#   bash scripts/bench.sh --sizes 1000 --runs 5   # any option of examples/bench/
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --bin sportello
cargo run --release --example bench -- "$@"
