#!/usr/bin/env bash
# Live-scan benchmark (see bench/live-scan.ts): builds the CLI and the fake AWS endpoint, then runs.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build --silent
npx tsc -p bench/live-tsconfig.json
VPCELINT_ROOT="$PWD" node node_modules/.cache/vpcelint-bench-live/bench/live-scan.js
