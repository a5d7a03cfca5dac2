#!/usr/bin/env bash
# The test command of the README: formatting, lints, and every test.
set -euo pipefail
cd "$(dirname "$0")/.."
# The browser editor's checks use the CMS's own package (tests/editor/).
if [ ! -d tests/editor/node_modules ]; then
  npm ci --prefix tests/editor --no-audit --no-fund --loglevel=error
fi
cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings
cargo test --workspace
if command -v node >/dev/null 2>&1 && ls crates/search/tests/*.test.js >/dev/null 2>&1; then
  for t in crates/search/tests/*.test.js; do node "$t"; done
fi
bash scripts/page_weight.sh
