#!/usr/bin/env bash
# The quick start: builds signer, then signs the sample công văn (PDF) and the sample XML record with
# the DEMO officer key, and verifies both against the DEMO root. Outputs go to target/demo/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

echo "== Building signer (mvn package, tests skipped: run scripts/test.sh for them)"
mvn -q -B -DskipTests package

pki=samples/demo-pki
out=target/demo
mkdir -p "$out"
cp samples/documents/cong-van-mau.pdf samples/documents/thong-tin-ho-so.xml "$out/"

echo "== Signing with the DEMO officer key ($pki/officer.p12, password from $pki/demo-password.txt)"
bin/signer sign --pkcs12 "$pki/officer.p12" --pin-file "$pki/demo-password.txt" --force \
  --reason "Phê duyệt văn bản" --location "Sông Lam" \
  "$out/cong-van-mau.pdf" "$out/thong-tin-ho-so.xml"

echo "== Verifying against the DEMO root, with the DEMO CRLs, offline"
bin/signer verify --trust "$pki/root-ca.pem" --crl "$pki/root.crl" --crl "$pki/issuing-ca.crl" --offline \
  "$out/cong-van-mau-signed.pdf" "$out/thong-tin-ho-so-signed.xml"
