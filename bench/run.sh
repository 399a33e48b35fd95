#!/usr/bin/env bash
# The batch benchmarks of issue 4, run on demand (never by the test suite). Each figure is compared
# with a naive baseline measured in the same run on the same inputs. Prints the machine and the
# figures; bench/README.md records a run.
#
#   bench/run.sh            everything (about 10 minutes on 2 cores)
#   DOCS=200 bench/run.sh   fewer documents for a quick look
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
DOCS=${DOCS:-1000}
ROUNDS=${ROUNDS:-3}

mvn -q -B -DskipTests install >/dev/null
cp_file=$(mktemp)
mvn -q -B -pl signer-bench dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
CP="signer-bench/target/classes:$(cat "$cp_file")"
rm -f "$cp_file"

token_dir="$PWD/target/bench-token"
module=$(bash samples/softhsm/make-demo-token.sh "$token_dir" | sed -n 's/^PKCS#11 module: //p')
export SOFTHSM2_CONF="$token_dir/softhsm2.conf"
JAVA=(java --add-exports=jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED
      -Dsigner.repo="$PWD" -Dsofthsm.module="$module" -cp "$CP")

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB, $(java -version 2>&1 | head -1)"
echo "== batch, PKCS#12"
"${JAVA[@]}" vn.signer.bench.Bench batch p12 "$DOCS" "$ROUNDS"
echo "== batch, SoftHSM2 token"
"${JAVA[@]}" vn.signer.bench.Bench batch token "$DOCS" "$ROUNDS"
echo "== one signature"
"${JAVA[@]}" vn.signer.bench.Bench sign 3000
echo "== verification, one thread, then two at once (what the second core adds)"
"${JAVA[@]}" vn.signer.bench.Bench verify 1000
"${JAVA[@]}" vn.signer.bench.Bench verify 1000 2
echo "== one 50 MB PDF"
"${JAVA[@]}" vn.signer.bench.Bench large 50 5

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/Make.java" <<'JAVA'
public class Make { public static void main(String[] a) throws Exception {
  vn.signer.testing.LargePdf.write(java.nio.file.Path.of(a[0]), Long.parseLong(a[1])); } }
JAVA
java -cp "signer-core/target/test-classes" "$work/Make.java" "$work/50.pdf" 50000000
java -cp "signer-core/target/test-classes" "$work/Make.java" "$work/500.pdf" 500000000
echo "== peak heap"
"${JAVA[@]:0:4}" -Xmx64m "${JAVA[@]:4}" vn.signer.bench.Bench large-once "$work/50.pdf"
"${JAVA[@]:0:4}" -Xmx128m "${JAVA[@]:4}" vn.signer.bench.Bench large-once "$work/500.pdf"

echo "== cold start: one page, a whole process each, 7 runs"
cp samples/documents/cong-van-mau.pdf "$work/one.pdf"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ours=$(for i in 1 2 3 4 5 6 7; do s=$(date +%s%N); bin/signer sign --pkcs12 samples/demo-pki/officer.p12 \
  --pin-file samples/demo-pki/demo-password.txt --force "$work/one.pdf" >/dev/null; echo $(( ($(date +%s%N) - s) / 1000000 )); done | median)
naive=$(for i in 1 2 3 4 5 6 7; do mkdir -p "$work/naive"; s=$(date +%s%N); "${JAVA[@]}" vn.signer.bench.Bench naive-once \
  "$work/one.pdf" "$work/naive" >/dev/null; echo $(( ($(date +%s%N) - s) / 1000000 )); done | median)
echo "cold: bin/signer sign one page ${ours} ms, naive one-shot DSS ${naive} ms (medians of 7)"
