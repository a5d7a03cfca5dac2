#!/usr/bin/env bash
# Page weight of the sample portal, against the budgets of the reader's
# issue: a procedure page's first visit (HTML + the CSS and JS it loads)
# at most 30 KB compressed, and every page's HTML alone at most 10 KB
# compressed (a further page: the CSS and JS are cached by their
# fingerprinted names). Sizes are gzip -6, what a static host sends.
#
#   scripts/page_weight.sh            build with the release binary, measure
#   scripts/page_weight.sh DIR        measure an already built site in DIR
#   SPORTELLO_BIN=target/debug/sportello scripts/page_weight.sh
#
# The photos of a page's first screen (those it loads at once) count too:
# at most 60 KB in the copies a 360 px phone takes.
#
# Prints a table per kind of page (max and median) and every page over a
# budget; exits 1 if any page is over. The browser editor (admin/) is not a
# reader's page and is left out.
set -euo pipefail
cd "$(dirname "$0")/.."

FIRST_VISIT_BUDGET=$((30 * 1024))   # a procedure page: HTML + CSS + JS
HTML_BUDGET=$((10 * 1024))          # any page: HTML alone
IMAGES_BUDGET=$((60 * 1024))        # any page: the photos of its first screen at 360 px

rows=$(mktemp)
built=
trap 'rm -rf "$rows" $built' EXIT
if [ $# -ge 1 ]; then
  site=$1
else
  built=$(mktemp -d)
  bin=${SPORTELLO_BIN:-target/release/sportello}
  # The theme is built into the binary: a binary older than the sources
  # would measure an old theme.
  if [ -z "${SPORTELLO_BIN:-}" ] && { [ ! -x "$bin" ] || [ -n "$(find src themes crates Cargo.toml -newer "$bin" -type f -print -quit)" ]; }; then
    cargo build --release --quiet -p sportello
  fi
  if ! "$bin" build --out "$built/public" >"$built/build.log" 2>&1; then
    cat "$built/build.log" >&2
    exit 1
  fi
  site=$built/public
fi

gz() { gzip -6 -c -- "$1" | wc -c | tr -d ' '; }

# The kind of a page, from its path below the site.
kind_of() {
  case $1 in
    index.html) echo front-door ;;
    */status/index.html) echo status ;;
    */404.html) echo not-found ;;
    */search/index.html) echo search ;;
    */topics/index.html) echo topics ;;
    */topics/*/index.html) echo topic ;;
    */procedures/index.html | */offices/index.html | */services/index.html | */comuni/index.html | */glossary/index.html | */pages/index.html) echo list ;;
    */procedures/*/index.html) echo procedure ;;
    */offices/*/index.html) echo office ;;
    */services/*/index.html) echo service ;;
    */comuni/*/index.html) echo comune ;;
    */glossary/*/index.html) echo glossary ;;
    */pages/*/index.html) echo page ;;
    */index.html) echo home ;;
    *) echo other ;;
  esac
}

declare -A asset_gz
over=0
while IFS= read -r -d '' file; do
  rel=${file#"$site"/}
  dir=$(dirname "$file")
  kind=$(kind_of "$rel")
  html=$(gz "$file")
  first=$html
  # The style sheets and scripts the page loads on a first visit; the search
  # page also loads the search runtime and its language's manifest at once.
  loads='<link rel="stylesheet" href|<script src'
  [ "$kind" = search ] && loads="$loads|data-search-script|data-search-manifest"
  refs=$(grep -oE "($loads)=\"[^\"]+\"" "$file" | sed -E 's/.*="([^"]+)"/\1/' || true)
  for ref in $refs; do
    case $ref in
      http:* | https:* | //*) echo "third-party request in $rel: $ref" >&2; over=1; continue ;;
    esac
    target=$(realpath -m "$dir/$ref")
    if [ -z "${asset_gz[$target]+set}" ]; then
      if [ -f "$target" ]; then asset_gz[$target]=$(gz "$target"); else asset_gz[$target]=0; fi
    fi
    first=$((first + asset_gz[$target]))
  done
  # The photos of the first screen (loading="eager"), in the copy a 360 px
  # phone takes: the first candidate of each WebP srcset.
  images=0
  for ref in $(grep -oE '<picture><source type="image/webp" srcset="[^" ]+ 360w[^"]*"[^>]*><img [^>]*loading="eager"' "$file" \
      | sed -E 's/.*srcset="([^" ]+) 360w.*/\1/' || true); do
    target=$(realpath -m "$dir/$ref")
    [ -f "$target" ] && images=$((images + $(wc -c <"$target")))
  done
  if [ "$images" -gt "$IMAGES_BUDGET" ]; then
    echo "OVER: $rel: first-screen photos $images B > $IMAGES_BUDGET" >&2
    over=1
  fi
  printf '%s %d %d %s %d\n' "$kind" "$html" "$first" "$rel" "$images" >>"$rows"
  if [ "$html" -gt "$HTML_BUDGET" ]; then
    echo "OVER: $rel: HTML $html B gz > $HTML_BUDGET" >&2
    over=1
  fi
  if [ "$kind" = procedure ] && [ "$first" -gt "$FIRST_VISIT_BUDGET" ]; then
    echo "OVER: $rel: first visit $first B gz > $FIRST_VISIT_BUDGET" >&2
    over=1
  fi
done < <(find "$site" -name '*.html' -not -path "$site/admin/*" -print0 | sort -z)

kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1024 }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

printf '%-11s %6s  %9s %9s  %9s %9s  %9s  %s\n' kind pages "html max" "html med" "1st max" "1st med" "photo max" "largest page"
for kind in $(cut -d' ' -f1 "$rows" | sort -u); do
  lines=$(awk -v k="$kind" '$1 == k' "$rows")
  count=$(wc -l <<<"$lines")
  html_max=$(cut -d' ' -f2 <<<"$lines" | sort -n | tail -1)
  html_med=$(cut -d' ' -f2 <<<"$lines" | median)
  first_max=$(cut -d' ' -f3 <<<"$lines" | sort -n | tail -1)
  first_med=$(cut -d' ' -f3 <<<"$lines" | median)
  largest=$(sort -k3,3n <<<"$lines" | tail -1 | cut -d' ' -f4)
  photos_max=$(cut -d' ' -f5 <<<"$lines" | sort -n | tail -1)
  printf '%-11s %6d  %7s K %7s K  %7s K %7s K  %7s K  %s\n' "$kind" "$count" "$(kb "$html_max")" "$(kb "$html_med")" \
    "$(kb "$first_max")" "$(kb "$first_med")" "$(kb "$photos_max")" "$largest"
done
echo "budgets: procedure first visit <= $(kb $FIRST_VISIT_BUDGET) K, any page's HTML <= $(kb $HTML_BUDGET) K (gzip -6), first-screen photos at 360 px <= $(kb $IMAGES_BUDGET) K"
if [ "$over" -ne 0 ]; then
  echo "page weight: over budget" >&2
  exit 1
fi
echo "page weight: within budget"
