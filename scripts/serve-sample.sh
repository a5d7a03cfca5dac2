#!/usr/bin/env bash
# Builds the sample portal (the Isernia help desk) and serves it with live reload.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --release -- build
exec cargo run --release -- serve --port "${PORT:-8000}"
