#!/usr/bin/env bash
# The least heap that signs, and that verifies, an XML record set of each size (issue 13, item 2):
# each figure is a bisection of -Xmx to within STEP MB, a fresh JVM per try, the same inputs for both.
# Prints the machine and one line per size and operation; bench/README.md records a run.
# Then the streaming path (an XML over the heap / 20): each STREAM size signed and verified with
# -Xmx256m, time and peak RSS, beside DSS's tree path at -Xmx1g in the same run (the baseline), a
# cross-check of each path's signature by the other and by xmlsec1.
#
#   bench/xml-heap.sh                 sizes 5 10 20 (MB), to within 16 MB, then STREAM=50
#   SIZES=5 STEP=48 HI=900 bench/xml-heap.sh   one size, coarser, from a known upper bound (MB)
#   SIZES= STREAM=50 bench/xml-heap.sh         the streaming comparison only
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SIZES=${SIZES-"5 10 20"}
STREAM=${STREAM-50}
STEP=${STEP:-16}

# CP=... measures another build (a copy of main's classes, say) with the same inputs.
if [[ -z "${CP:-}" ]]; then
  mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
  CP="signer-bench/target/classes:$(cat signer-bench/target/cp.txt)"
fi
bench() { java "-Xmx$1m" -Dsigner.repo="$PWD" -cp "$CP" vn.signer.bench.Bench "${@:2}"; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"

# The least -Xmx in [lo, hi] under which "bench MB ARGS..." succeeds, assuming hi does.
least() {
  local lo=$1 hi=$2; shift 2
  while (( hi - lo > STEP )); do
    local mid=$(( (lo + hi) / 2 ))
    if bench "$mid" "$@" >/dev/null 2>&1; then hi=$mid; else lo=$mid; fi
  done
  echo "$hi"
}

for mb in $SIZES; do
  xml="$work/records-$mb.xml"
  bench 256 xml-make "$mb" "$xml"
  hi=${HI:-$(( 300 * mb + 512 ))}
  bench "$hi" xml-once sign "$xml"
  sign=$(least 64 "$hi" xml-once sign "$xml")
  bench "$hi" xml-once verify "${xml%.xml}-signed.xml"
  verify=$(least 64 "$hi" xml-once verify "${xml%.xml}-signed.xml")
  echo "xml $mb MB: least heap to sign ${sign} MB ($(( sign / mb )) MB per MB), to verify ${verify} MB ($(( verify / mb )) MB per MB)"
done

pki=samples/demo-pki
for mb in $STREAM; do
  xml="$work/stream-$mb.xml"
  bench 256 xml-make "$mb" "$xml"
  signed="${xml%.xml}-signed.xml"
  echo "-- $mb MB, DSS's tree path at -Xmx1024m (baseline):"
  bench 1024 xml-once sign "$xml"
  bench 1024 xml-once verify "$signed"
  mv "$signed" "$work/tree-signed.xml"
  echo "-- $mb MB, streaming at -Xmx256m:"
  bench 256 xml-once sign "$xml"
  bench 256 xml-once verify "$signed"
  bench 256 xml-once verify "$work/tree-signed.xml"
  echo "-- the streamed signature on DSS's tree path, and by xmlsec1:"
  bench 1024 xml-once verify "$signed"
  start=$(date +%s%N)
  rc=0
  xmlsec1 --verify --trusted-pem "$pki/root-ca.pem" --untrusted-pem "$pki/issuing-ca.pem" \
    --id-attr:Id "http://uri.etsi.org/01903/v1.3.2#:SignedProperties" "$signed" >"$work/xmlsec1.log" 2>&1 || rc=$?
  echo "xmlsec1 --verify: exit $rc, $(grep -m1 -E '^(OK|FAIL)' "$work/xmlsec1.log" || echo '?') in $(( ($(date +%s%N) - start) / 1000000 )) ms"
done
