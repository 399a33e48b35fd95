#!/usr/bin/env bash
# make-sample-documents.sh [OUTDIR]
#
# Regenerates the demo PDF samples/documents/cong-van-mau.pdf (DEMO material) with
# MakeSampleDocuments.java. PDFBox is fetched from Maven Central (or ~/.m2) into a temp dir;
# no project pom is involved, so this works while the main build is broken or absent.
# Needs: JDK 17+, Maven, fonts-liberation2 (Liberation Serif with Vietnamese glyphs).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="${1:-$SCRIPT_DIR/../documents}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# PDFBox 3.0.6 and its runtime dependencies (per its pom; BouncyCastle is optional, not needed).
ARTIFACTS=(
  org.apache.pdfbox:pdfbox:3.0.6
  org.apache.pdfbox:pdfbox-io:3.0.6
  org.apache.pdfbox:fontbox:3.0.6
  commons-logging:commons-logging:1.3.5
)
# Run Maven from the empty temp dir so it never picks up (or builds) the project's pom.xml.
# Maven's output goes to a log, shown only on failure.
for a in "${ARTIFACTS[@]}"; do
  if ! (cd "$TMP" && mvn -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
        -Dartifact="$a" -DoutputDirectory="$TMP/lib") > "$TMP/mvn.log" 2>&1; then
    cat "$TMP/mvn.log" >&2
    exit 1
  fi
done

java -cp "$TMP/lib/*" "$SCRIPT_DIR/MakeSampleDocuments.java" "$OUT"
