#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL (BENCH_DATABASE_URL), stopped afterwards: the benchmarks
# that measure LAR on PostgreSQL use it. Uses an existing server instead when BENCH_DATABASE_URL is set.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${BENCH_DATABASE_URL:-}" ]; then exec "$@"; fi
dir=/tmp/lar-bench-postgres-$$
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
trap 'scripts/postgres.sh stop "$dir"; rm -rf "$dir"' EXIT
BENCH_DATABASE_URL=$(scripts/postgres.sh start "$dir" "$port")
export BENCH_DATABASE_URL
"$@"
