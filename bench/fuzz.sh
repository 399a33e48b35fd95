#!/usr/bin/env bash
# A fuzzing campaign: runs each Jazzer harness with JAZZER_FUZZ=1 for SECONDS (default 300) and prints
# its executions, executions per second, coverage and findings. The harnesses are the @FuzzTest
# classes the test suite replays over their seed corpora (src/test/resources/.../<Test>Inputs/).
# Jazzer keeps what it learnt in each module's .cifuzz-corpus/ (ignored by git), so a second campaign
# starts where the first stopped. A finding's input is moved out of the seed corpus (where Jazzer puts
# it, to be replayed by every test run) into target/fuzz-findings/: a failing seed must not enter the
# suite before its bug is fixed; copy it back, under a name saying what it is, with the fix.
# Usage: bench/fuzz.sh [SECONDS] [HARNESS...]   (HARNESS: pdf xml upload config; default all four)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-300}"
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(pdf xml upload config)
findings="$here/target/fuzz-findings"
mkdir -p "$findings"

# harness -> module, test class, classes to instrument for coverage (beside signer's own)
declare -A module class instrument hooks
module[pdf]=signer-core;   class[pdf]=vn.signer.verify.PdfVerificationFuzzTest
instrument[pdf]='org.apache.pdfbox.**,eu.europa.esig.dss.**,org.bouncycastle.asn1.**,org.bouncycastle.cms.**'
module[xml]=signer-core;   class[xml]=vn.signer.verify.XmlVerificationFuzzTest
instrument[xml]='eu.europa.esig.dss.**,org.apache.xml.security.**,org.bouncycastle.asn1.**'
# An XML signature carries its own XPath (the XPath Filter 2.0 transform): Jazzer's XPath injection
# detector reports every malformed one, which Santuario refuses and the harness sees end in a report.
hooks[xml]='com.code_intelligence.jazzer.sanitizers.XPathInjection'
module[upload]=signer-server; class[upload]=vn.signer.server.MultipartUploadFuzzTest
instrument[upload]='org.eclipse.jetty.http.**,org.eclipse.jetty.server.**,org.eclipse.jetty.ee10.servlet.**,io.javalin.**'
# Until offline verification stops fetching AIA URLs (bench/README.md, finding 1, which the pdf and xml
# harnesses still report), the SSRF detector's error in a server thread sends Javalin into a loop
# that stops the campaign (finding 7): the upload harness runs without it.
hooks[upload]='com.code_intelligence.jazzer.sanitizers.ServerSideRequestForgery'
module[config]=signer-server; class[config]=vn.signer.server.config.ServerConfigFuzzTest
instrument[config]='com.fasterxml.jackson.**,org.yaml.snakeyaml.**'

cd "$here"
# Through the reactor and installed first: the worktrees share ~/.m2's SNAPSHOT artefacts.
mvn -B -q install -DskipTests
for h in "${harnesses[@]}"; do
  [ -n "${class[$h]:-}" ] || { echo "fuzz: unknown harness $h (pdf xml upload config)" >&2; exit 64; }
  log="$findings/$h.log"
  echo "== $h (${class[$h]}), $seconds s"
  # Bounded: a server thread Jazzer's detectors stopped can keep the test JVM alive and logging (the
  # first campaign: 40 million identical lines from Javalin), so the run is timed out and repeated
  # log lines (timestamps aside) are counted, not kept.
  JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${seconds}s" JAZZER_KEEP_GOING=20 JAZZER_DISABLED_HOOKS="${hooks[$h]:-}" \
    JAZZER_INSTRUMENT="vn.signer.**,${instrument[$h]}" \
    timeout --kill-after=30 $((seconds + 600)) mvn -B verify -DskipITs -pl signer-core,signer-server -Dtest="${class[$h]}" \
      -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | cut -c1-4000 | awk '
        { key = $0; sub(/^[0-9]+ /, "", key) }
        key == last { repeats++; next }
        { if (repeats) print "  (the line before, repeated " repeats " more times)"; repeats = 0; last = key; print }
        END { if (repeats) print "  (the line before, repeated " repeats " more times)" }' > "$log" || true
  # libFuzzer's last status line: "#RUNS DONE cov: N ft: N corp: N/... exec/s: N ..."
  done_line=$(grep -aE '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE)' "$log" | tail -1 || true)
  runs=$(sed -nE 's/^#([0-9]+).*/\1/p' <<<"$done_line")
  rate=$(grep -aoE 'exec/s: [0-9]+' <<<"$done_line" | awk '{print $2}' || true)
  cov=$(grep -aoE 'cov: [0-9]+' <<<"$done_line" | awk '{print $2}' || true)
  moved=0
  while IFS= read -r -d '' f; do
    mkdir -p "$findings/$h"; mv "$f" "$findings/$h/"; moved=$((moved + 1))
  done < <(find "$here/${module[$h]}/src/test/resources" "$here/${module[$h]}" -maxdepth 8 \
             -path '*/target' -prune -o -path '*/.cifuzz-corpus' -prune -o \
             -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'slow-unit-*' -o -name 'oom-*' \) -print0)
  result=$(grep -aE 'Tests run: [0-9]+, Failures' "$log" | tail -1 || true)
  echo "executions ${runs:-?}, ${rate:-?} exec/s, coverage ${cov:-?} edges, findings $moved (inputs in target/fuzz-findings/$h/), ${result:-no JUnit result}"
  # Each finding: Jazzer prints the input's file, then the exception, then its deduplication token.
  grep -aE '^== Java Exception' "$log" | sort | uniq -c | sort -rn | cut -c1-200 || true
  grep -aE '^\[ERROR\] +[A-Za-z]+FuzzTest' "$log" | head -3 || true
done
echo "logs: $findings/*.log"
