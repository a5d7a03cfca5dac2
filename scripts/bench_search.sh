#!/usr/bin/env bash
# The search benchmark of issue 3: sportello's search index against Pagefind,
# over one generated site of N source pages (default 10,000, which gives about
# N pages per language: untranslated pages fall back) in it, en, fr and ar.
#
#   scripts/bench_search.sh [N]
#   BENCH_KEEP=1 scripts/bench_search.sh 1000     # keep the site and results
#
# 1. builds the release binary, generates the site (crates/gen-site) and
#    builds it with SPORTELLO_TIMINGS=1: the index build time is `index=` of
#    the timings line, the full build the sum of the stages;
# 2. installs Pagefind from the npm registry into bench/search/node_modules
#    (with puppeteer-core; bench/search/package.json) and indexes the same
#    HTML output with `pagefind --site DIR/public --output-subdir _pagefind`,
#    timed (if Pagefind cannot be installed or run, it is reported and skipped);
# 3. runs bench/search/bench.js: in headless Chromium (/usr/bin/chromium, or
#    $CHROMIUM) over a local static server sending gzip -6, the bytes a cold
#    first query fetches and the query time once loaded, for the 20 queries
#    per language of bench/search/queries.json, for both;
# 4. prints one table and the issue's budgets, and writes the per-query details
#    and the raw results beside it (target/bench_search-N.txt, .json).
#
# Needs node, npm and Chromium. The site and its build are in a temporary
# folder, removed at the end unless BENCH_KEEP is set.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-10000}
case $N in '' | *[!0-9]*) echo "usage: $0 [N source pages]" >&2; exit 2 ;; esac
work=$(mktemp -d "${TMPDIR:-/tmp}/bench_search.XXXXXX")
if [ -n "${BENCH_KEEP:-}" ]; then
  echo "keeping $work" >&2
else
  trap 'rm -rf "$work"' EXIT
fi
site=$work/site
public=$site/public
out=target/bench_search-$N
ms_now() { date +%s%3N; }
step() { echo "== $*" >&2; }

step "release build"
cargo build --release --quiet

step "generating $N source pages"
cargo run --release --quiet -p sportello-gen-site -- --pages "$N" --out "$site" >&2

step "sportello build"
started=$(ms_now)
if ! SPORTELLO_TIMINGS=1 target/release/sportello build --site "$site" --out "$public" >"$work/build.out" 2>"$work/build.err"; then
  grep -v '^\(warning\|  hint\)' "$work/build.err" >&2 || true
  cat "$work/build.out" >&2
  exit 1
fi
wall_ms=$(($(ms_now) - started))
timings=$(grep '^timings:' "$work/build.err" || true)
if [ -z "$timings" ]; then
  echo "no timings line on stderr of sportello build" >&2
  exit 1
fi
stage() { sed -E "s/.* $1=([0-9]+).*/\1/" <<<" ${timings#timings: }"; }
index_ms=$(stage index)
total_ms=0
for s in load parse resolve render index write; do total_ms=$((total_ms + $(stage $s))); done
echo "$timings (sum $total_ms ms, wall $wall_ms ms)" >&2
tail -1 "$work/build.out" >&2
if [ "$index_ms" -gt 60000 ]; then
  echo "note: the index build took $index_ms ms (over 60 s)" >&2
fi

step "Pagefind"
pagefind_s=null
pagefind_note=
if npm install --prefix bench/search --no-audit --no-fund --loglevel=error >"$work/npm.log" 2>&1; then
  :
else
  echo "npm install failed:" >&2
  tail -20 "$work/npm.log" >&2
fi
if [ ! -d bench/search/node_modules/puppeteer-core ]; then
  echo "puppeteer-core is not installed (bench/search/node_modules): cannot measure in the browser" >&2
  exit 1
fi
pagefind=bench/search/node_modules/.bin/pagefind
if [ -x "$pagefind" ] && "$pagefind" --version >/dev/null 2>&1; then
  started=$(ms_now)
  if "$pagefind" --site "$public" --output-subdir _pagefind >"$work/pagefind.log" 2>&1; then
    pagefind_s=$(awk -v t=$(($(ms_now) - started)) 'BEGIN { printf "%.3f", t / 1000 }')
    grep -E '^(Running Pagefind|  Indexed|Finished)' "$work/pagefind.log" | tr '\n' ';' >&2
    echo >&2
  else
    pagefind_note="pagefind failed: $(tail -3 "$work/pagefind.log" | tr '\n' ' ')"
  fi
else
  pagefind_note="the pagefind npm package or its binary could not be installed (see npm output)"
fi
[ -n "$pagefind_note" ] && echo "Pagefind skipped: $pagefind_note" >&2

gz() { gzip -6 -c -- "$1" | wc -c | tr -d ' '; }
search_html=$(for l in it en fr ar; do printf '%s:%s ' "$l" "$(gz "$public/$l/search/index.html")"; done)
node -e '
const [pages, index_ms, total_ms, wall_ms, pf, note, html] = process.argv.slice(1);
process.stdout.write(JSON.stringify({ pages: +pages, index_ms: +index_ms, total_ms: +total_ms, wall_ms: +wall_ms,
  pagefind_s: pf === "null" ? null : +pf, pagefind_note: note,
  search_page_gz: Object.fromEntries(html.trim().split(" ").map((x) => x.split(":")).map(([l, b]) => [l, +b])) }));
' "$N" "$index_ms" "$total_ms" "$wall_ms" "$pagefind_s" "$pagefind_note" "$search_html" >"$work/build.json"

step "browser measurements (headless Chromium)"
node bench/search/bench.js --public "$public" --build "$work/build.json" \
  --details "$out.txt" --out "$out.json" | tee "$work/table.txt"
{ echo; echo "per query:"; cat "$out.txt"; } >>"$work/table.txt"
mv "$work/table.txt" "$out.txt"
echo "per-query details: $out.txt; raw results: $out.json" >&2
