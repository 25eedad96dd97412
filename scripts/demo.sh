#!/usr/bin/env bash
# Builds the widget and serves dist/ at http://127.0.0.1:8000 (Ctrl+C stops).
#   scripts/demo.sh [serve.mjs options, e.g. --port 8080 or --base /sub/path/]
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT" || exit 1

ensure_tools
bash scripts/build.sh --skip-tools
exec node scripts/serve.mjs --root dist "$@"
