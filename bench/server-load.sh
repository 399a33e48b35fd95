#!/usr/bin/env bash
# Load on signer-server with wrk (apt-get install wrk): first each endpoint alone with 16 clients
# (ALONE seconds each, default 30), then the 60-second mixed run: 8 clients verify a signed one-page
# PDF while 8 clients sign the unsigned one at B-B (16 concurrent clients). Starts the server from the
# packaged jar on the demo configuration with the rate limit raised, prints wrk's figures, the error
# answers and the server's memory (RSS and heap after GC) at the start, middle and end of the mixed run.
# Usage: [WARMUP=90] [ALONE=30] bench/server-load.sh [SECONDS]   (build first: mvn -B -DskipTests package)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-60}"
alone="${ALONE:-30}"
work="$(mktemp -d)"
port=18443
command -v wrk >/dev/null || { echo "server-load: install wrk (apt-get install wrk)" >&2; exit 69; }

# The demo configuration, on another port, with limits a load test needs.
sed -e "s/^port: .*/port: $port/" -e "s#file: ../target/demo-audit.jsonl#file: $work/audit.jsonl#" \
    -e "s/requestsPerSecond: 50 .*/requestsPerSecond: 100000/" -e "s/burst: 100/burst: 100000/" \
    -e "s/maxConcurrentRequests: 16/maxConcurrentRequests: 32/" \
    "$here/samples/server.yaml" > "$here/samples/.bench-server.yaml"
SIGNER_SERVER_JAVA_OPTS="${SIGNER_SERVER_JAVA_OPTS:--Xmx512m}" "$here/bin/signer-server" \
    --config "$here/samples/.bench-server.yaml" > "$work/server.log" 2>&1 &
server=$!
# Under set -e a failing 'wait' (the server ends by SIGTERM: 143) would abort the clean-up.
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -f "$here/samples/.bench-server.yaml"; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done

key=DEMO-signer-api-key
curl -sf -H "Authorization: Bearer $key" -H 'Content-Type: application/pdf' \
    --data-binary @"$here/samples/documents/cong-van-mau.pdf" \
    "http://127.0.0.1:$port/v1/sign?profile=organisation" -o "$work/signed.pdf"

lua() { # $1 file, $2 extra header line
  cat > "$work/$3.lua" <<LUA
local f = io.open("$1", "rb"); wrk.body = f:read("*a"); f:close()
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/pdf"
$2
done = function(summary, latency, requests)
  io.write(string.format("%s: %d requests, %.1f req/s, p50 %.1f ms, p99 %.1f ms, non-2xx %d, socket errors %d\n",
    "$3", summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.status, summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout))
end
LUA
}
lua "$work/signed.pdf" "" verify
lua "$here/samples/documents/cong-van-mau.pdf" "wrk.headers[\"Authorization\"] = \"Bearer $key\"" sign

memory() {
  load=$(cut -d" " -f1-3 /proc/loadavg)
  jcmd "$(pgrep -P $server java || echo $server)" GC.run >/dev/null 2>&1 || true
  rss=$(ps -o rss= -p "$server" | tr -d ' ')
  heap=$(curl -s "http://127.0.0.1:$port/metrics" | awk '/^jvm_memory_used_bytes\{area="heap"/ {s+=$NF} END {printf "%.0f", s/1048576}')
  echo "$1: RSS $((rss / 1024)) MB, heap used after GC ${heap} MB, load average $load"
}

# Warm-up (90 s per endpoint): on 2 busy cores the JIT takes more than a minute to compile DSS's
# code, and its compiler threads' CPU would be counted against the measured requests.
wrk -t1 -c16 -d"${WARMUP:-90}s" -s "$work/verify.lua" "http://127.0.0.1:$port/v1/verify" >/dev/null
wrk -t1 -c16 -d"${WARMUP:-90}s" -s "$work/sign.lua" "http://127.0.0.1:$port/v1/sign?profile=organisation" >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
# The server's CPU time (user + system, ms): per request it does not depend on what else shares the machine.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / hz}' "/proc/$server/stat"; }
alone_run() { # $1 name, $2 path
  local before after line
  before=$(cpu_ms)
  line=$(wrk -t1 -c16 -d"${alone}s" --timeout 5s --latency -s "$work/$1.lua" "http://127.0.0.1:$port$2" | grep "^$1:" || true)
  after=$(cpu_ms)
  echo "$line, server CPU $(awk -v c=$((after - before)) -v n="$(echo "$line" | awk '{print $2}')" 'BEGIN {if (n > 0) printf "%.1f", c / n; else printf "-"}') ms/request"
}
echo "== each endpoint alone, 16 clients, ${alone} s"
alone_run verify /v1/verify
alone_run sign "/v1/sign?profile=organisation"
echo "== mixed, 8 + 8 clients, ${seconds} s"
memory "memory before"
wrk -t1 -c8 -d"${seconds}s" --timeout 5s --latency -s "$work/verify.lua" "http://127.0.0.1:$port/v1/verify" > "$work/verify.out" &
wrk -t1 -c8 -d"${seconds}s" --timeout 5s --latency -s "$work/sign.lua" "http://127.0.0.1:$port/v1/sign?profile=organisation" > "$work/sign.out" &
sleep $((seconds / 2)); memory "memory mid-run"
wait %2 %3 2>/dev/null || wait
memory "memory after"
grep -h -E '^(verify|sign):' "$work/verify.out" "$work/sign.out"
echo "audit entries: $(wc -l < "$work/audit.jsonl")"
