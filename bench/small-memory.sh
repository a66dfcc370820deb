#!/bin/bash
# A plan scan on a machine with little memory: runs `vpcelint scan` inside a
# memory cgroup of the given size (Node sizes its heap by it, as in a
# container or on a small CI runner), and prints what the scan said on
# stderr, its exit code, wall time and peak memory. Needs root and a cgroup
# memory controller (v1 or v2), GNU time, and `npm run build`.
#
# Usage: bash bench/small-memory.sh <plan.json> [limit, default 2G] [bin/vpcelint.js to run]
set -euo pipefail
plan=${1:?usage: bench/small-memory.sh <plan.json> [limit] [bin]}
limit=$(numfmt --from=iec "${2:-2G}")
bin=${3:-"$(dirname "$0")/../bin/vpcelint.js"}

if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
  group=/sys/fs/cgroup/vpcelint-bench
  mkdir -p "$group"
  echo "$limit" > "$group/memory.max"
else
  group=/sys/fs/cgroup/memory/vpcelint-bench
  mkdir -p "$group"
  echo "$limit" > "$group/memory.limit_in_bytes"
fi
trap 'rmdir "$group" 2>/dev/null || true' EXIT

echo "plan: $plan ($(numfmt --to=iec "$(stat -c %s "$plan")")), memory limit $(numfmt --to=iec "$limit")"
set +e
# The subshell moves itself into the group, then becomes the scan; the group keeps its children too.
/usr/bin/time -f 'exit %x, %e s, peak RSS %M KB (of the largest process)' \
  bash -c 'echo $$ > "$0/cgroup.procs" && exec node "$1" scan --plan "$2" --format sarif -o /dev/null' "$group" "$bin" "$plan" 2>&1 |
  grep -v '^ *[0-9]*: 0x' # V8's native stack, when it aborts
