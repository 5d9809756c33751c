#!/usr/bin/env bash
# The settle path against the database's own ceiling, in one run (issue 26; docs/benchmarks.md §18).
#
#   bench/compare.sh [--persons N] [--clients N] [--seconds N] [--warmup N] [--rate N] [--pgbench-seconds N] [--no-build]
#
# Brings the platform up with the README's defaults (the launcher, a fresh data folder of its own under
# target/bench-home, so a developer's .yibao-local is left alone), runs `pgbench -N` (TPC-B without the branch and
# teller updates: one account update, one history insert a transaction) against the platform's own PostgreSQL, then the
# settle benchmark through the gateway (pre-settle + settle, closed loop, or open loop at --rate a second), and prints
# settlements/s, p50/p99, CPU per settlement by process, whether the consumers kept up, and the ratio to pgbench's tps.
# Everything shares this machine's cores, as the figures in docs/benchmarks.md say. Needs pgbench and psql (Debian's
# postgresql-client) and a JDK 17; YIBAO_SERVICE_JAVA_OPTS (every application) or YIBAO_SETTLE_PATH_JAVA_OPTS (gateway,
# settlement, supervision) replace the launcher's JVM options, as for the launcher.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

persons=2000 clients=16 seconds=30 warmup=30 rate=0 pg_seconds=30 build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0; shift; continue ;;
  esac
  [ $# -ge 2 ] || { echo "$1 needs a value" >&2; exit 2; }
  case "$1" in
    --persons) persons=$2; shift 2 ;;
    --clients) clients=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --pgbench-seconds) pg_seconds=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in pgbench psql; do
  command -v $tool >/dev/null || { echo "$tool is missing: apt-get install postgresql-client" >&2; exit 2; }
done

if [ "$build" = 1 ]; then
  ./mvnw -q -B -DskipTests install
  ./mvnw -q -B -o test-compile -pl settlement-service
fi

home=$repo/target/bench-home
# a platform of an earlier run still up keeps its data: stop it first (its PostgreSQL's pid file names a live process)
pid_file=$home/postgres/postmaster.pid
if [ -f "$pid_file" ] && kill -0 "$(head -1 "$pid_file")" 2>/dev/null; then
  echo "a platform is still running from $home (pkill -f local-launcher.jar); not starting another" >&2; exit 1
fi
rm -rf "$home" && mkdir -p "$home"
export YIBAO_LOCAL_HOME=$home
log=$home/launcher.log
java -jar local-launcher/target/local-launcher.jar > "$log" 2>&1 &
launcher=$!
trap 'kill $launcher 2>/dev/null; wait $launcher 2>/dev/null || true' EXIT
echo "starting the platform (log: $log)"
for _ in $(seq 1 600); do
  grep -q 'Press Ctrl-C' "$log" && break
  kill -0 $launcher 2>/dev/null || { tail -20 "$log"; echo "the platform did not start" >&2; exit 1; }
  sleep 1
done
grep -q 'Press Ctrl-C' "$log" || { echo "the platform did not start in 10 minutes" >&2; exit 1; }

pg_port=${YIBAO_PG_PORT:-15432}
kafka_port=${YIBAO_KAFKA_PORT:-19092}
export PGHOST=127.0.0.1 PGPORT=$pg_port PGUSER=postgres
psql -q -d postgres -c 'drop database if exists pgbench' -c 'create database pgbench'
pgbench -q -i -s 10 pgbench > "$home/pgbench-init.log" 2>&1 || { cat "$home/pgbench-init.log" >&2; exit 1; }
echo "pgbench -N -c $clients -j 2 -T $pg_seconds (scale 10) against the platform's PostgreSQL"
pg_out=$(pgbench -N -c "$clients" -j 2 -T "$pg_seconds" pgbench 2>&1) || { echo "$pg_out" >&2; exit 1; }
pg_tps=$(echo "$pg_out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -1)
echo "$pg_out" | grep -E 'latency average|^tps' || true
psql -q -d postgres -c 'drop database pgbench'

args="--persons $persons --clients $clients --seconds $seconds --warmup $warmup --rate $rate --kafka 127.0.0.1:$kafka_port"
out=$home/settle.txt
./mvnw -q -B -o -pl settlement-service exec:exec@settle-benchmark -Dbench.args="$args" | tee "$out"
rate_done=$(sed -n 's/.* settlements = \([0-9.]*\) settlements\/s.*/\1/p' "$out" | head -1)
echo
echo "settle path: ${rate_done:-?} settlements/s; pgbench -N: ${pg_tps:-?} tps on the same PostgreSQL and cores"
if [ -n "${rate_done:-}" ] && [ -n "${pg_tps:-}" ]; then
  awk -v s="$rate_done" -v p="$pg_tps" 'BEGIN { printf "ratio: %.1f%% of what pgbench commits, %.1f pgbench transactions per settlement\n", 100*s/p, p/s }'
fi
