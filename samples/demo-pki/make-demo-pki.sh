#!/usr/bin/env bash
# make-demo-pki.sh [OUTDIR]
#
# Creates the fictional "signer DEMO PKI": root CA -> issuing CA -> two end-entity
# certificates (a personal "officer" signature and an "organisation" signature, the two
# signatures Decree 30/2020 puts on an electronic administrative document), their PKCS#12
# files, and one CRL per CA.
#
# DEMO ONLY: the private keys written here are published in the repository. Never trust
# this root anywhere but in tests.
#
# Structure (DNs, extensions, validity) is deterministic; keys and serial numbers are random,
# so every run produces a new, incompatible PKI. The CA private keys are NOT kept: they only
# live in a temp dir for the duration of the run.
# Needs OpenSSL 3.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="${1:-$SCRIPT_DIR}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

BASE_URL="http://127.0.0.1:18080"
PASSWORD_FILE="$OUT/demo-password.txt"
printf 'demo1234\n' > "$PASSWORD_FILE"

# Validity in days. Root 20 y, issuing CA 10 y, end entities 3 y.
ROOT_DAYS=7305
ISSUING_DAYS=3653
EE_DAYS=1096
# CRLs are valid for 3 years, far longer than any real CA would allow (days, not years).
# This is deliberate: the generated CRLs are committed next to the samples, and tests that
# check revocation must keep passing without regenerating the PKI every week.
CRL_DAYS=1096

# Random 16-byte serial, forced positive (top bit clear) and kept at exactly 16 bytes
# (second-highest bit set, so DER never drops a leading zero byte).
serial() {
  local h
  h="$(openssl rand -hex 16)"
  printf '0x%02x%s' $(( (0x${h:0:2} & 0x7f) | 0x40 )) "${h:2}"
}

# One config for everything. string_mask = utf8only makes every DN string a UTF8String
# (C stays PrintableString, as RFC 5280 requires), so Vietnamese diacritics survive intact.
cat > "$TMP/openssl.cnf" <<EOF
[ req ]
distinguished_name = req_dn
string_mask        = utf8only
utf8               = yes
prompt             = no

[ req_dn ]
# unused: subjects are given with -subj

[ root_ext ]
basicConstraints       = critical, CA:true
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash

[ issuing_ext ]
basicConstraints       = critical, CA:true, pathlen:0
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always
crlDistributionPoints  = URI:$BASE_URL/crl/root.crl
authorityInfoAccess    = caIssuers;URI:$BASE_URL/certs/root-ca.cer

[ ee_ext ]
basicConstraints       = critical, CA:false
keyUsage               = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always
crlDistributionPoints  = URI:$BASE_URL/crl/issuing-ca.crl
authorityInfoAccess    = caIssuers;URI:$BASE_URL/certs/issuing-ca.cer, OCSP;URI:$BASE_URL/ocsp

# Used only by "openssl ca -gencrl" with a throwaway, empty database (nothing revoked).
[ ca ]
default_ca = demo_ca

[ demo_ca ]
database         = \$ENV::CA_DIR/index.txt
crlnumber        = \$ENV::CA_DIR/crlnumber
default_md       = sha256
default_crl_days = $CRL_DAYS
crl_extensions   = crl_ext

[ crl_ext ]
authorityKeyIdentifier = keyid:always
EOF
CNF="$TMP/openssl.cnf"
export OPENSSL_CONF="$CNF"
export CA_DIR="$TMP"   # \$ENV::CA_DIR must resolve whenever the config is parsed

genkey() { # genkey BITS FILE -> unencrypted PKCS#8 PEM
  openssl genpkey -quiet -algorithm RSA -pkeyopt "rsa_keygen_bits:$1" -out "$2"
}

# issue NAME SUBJECT BITS DAYS EXT CA_CERT CA_KEY KEY_OUT
issue() {
  local name="$1" subj="$2" bits="$3" days="$4" ext="$5" ca="$6" cakey="$7" key="$8"
  genkey "$bits" "$key"
  openssl req -new -config "$CNF" -utf8 -subj "$subj" -key "$key" -out "$TMP/$name.csr"
  openssl x509 -req -in "$TMP/$name.csr" -CA "$ca" -CAkey "$cakey" -set_serial "$(serial)" \
    -days "$days" -sha256 -extfile "$CNF" -extensions "$ext" -out "$OUT/$name.pem" 2>/dev/null
}

# gencrl CA_CERT CA_KEY OUT_DER
gencrl() {
  export CA_DIR="$TMP/ca-db-$(basename "$3" .crl)"
  mkdir -p "$CA_DIR"
  : > "$CA_DIR/index.txt"
  echo 01 > "$CA_DIR/crlnumber"
  openssl ca -config "$CNF" -gencrl -cert "$1" -keyfile "$2" -out "$TMP/crl.pem" 2>/dev/null
  openssl crl -in "$TMP/crl.pem" -outform DER -out "$3"
}

ORG="Sở Khoa học và Công nghệ tỉnh Sông Lam"
PLACE="/C=VN/ST=Tỉnh Sông Lam/L=Thành phố Lam Giang/O=$ORG"

# Root CA (self-signed).
genkey 3072 "$TMP/root-ca.key.pem"
openssl req -new -x509 -config "$CNF" -utf8 -key "$TMP/root-ca.key.pem" \
  -subj "/C=VN/O=signer DEMO PKI/CN=signer DEMO Root CA" \
  -set_serial "$(serial)" -days "$ROOT_DAYS" -sha256 -extensions root_ext -out "$OUT/root-ca.pem"

# Issuing CA, signed by the root.
issue issuing-ca "/C=VN/O=signer DEMO PKI/CN=signer DEMO Issuing CA" 3072 "$ISSUING_DAYS" \
  issuing_ext "$OUT/root-ca.pem" "$TMP/root-ca.key.pem" "$TMP/issuing-ca.key.pem"

# End entities. RSA-3072 for the person (like Government CA tokens), RSA-2048 for the agency.
issue officer "$PLACE/OU=Ban Giám đốc/title=Phó Giám đốc/CN=Đặng Thị Phượng" 3072 "$EE_DAYS" \
  ee_ext "$OUT/issuing-ca.pem" "$TMP/issuing-ca.key.pem" "$OUT/officer.key.pem"
issue organisation "$PLACE/CN=$ORG" 2048 "$EE_DAYS" \
  ee_ext "$OUT/issuing-ca.pem" "$TMP/issuing-ca.key.pem" "$OUT/organisation.key.pem"

# DER copies of the CA certs (what the AIA URLs serve), and the chain.
openssl x509 -in "$OUT/root-ca.pem" -outform DER -out "$OUT/root-ca.cer"
openssl x509 -in "$OUT/issuing-ca.pem" -outform DER -out "$OUT/issuing-ca.cer"
cat "$OUT/issuing-ca.pem" "$OUT/root-ca.pem" > "$OUT/chain.pem"

# CRLs (DER, what the CRL DP URLs serve). Empty: nothing is revoked.
gencrl "$OUT/root-ca.pem" "$TMP/root-ca.key.pem" "$OUT/root.crl"
gencrl "$OUT/issuing-ca.pem" "$TMP/issuing-ca.key.pem" "$OUT/issuing-ca.crl"

# PKCS#12 with key, cert and chain. OpenSSL 3 defaults (AES-256-CBC, PBKDF2, HMAC-SHA256 MAC)
# are read by Java 17 (keytool / KeyStore.getInstance("PKCS12")).
for n in officer organisation; do
  openssl pkcs12 -export -name "$n" -inkey "$OUT/$n.key.pem" -in "$OUT/$n.pem" \
    -certfile "$OUT/chain.pem" -passout "file:$PASSWORD_FILE" -out "$OUT/$n.p12"
done

# Self-check: both end entities must chain to the root with both CRLs checked.
openssl crl -inform DER -in "$OUT/root.crl" -out "$TMP/crls.pem"
openssl crl -inform DER -in "$OUT/issuing-ca.crl" >> "$TMP/crls.pem"
openssl verify -CAfile "$OUT/root-ca.pem" -untrusted "$OUT/issuing-ca.pem" \
  -crl_check_all -CRLfile "$TMP/crls.pem" "$OUT/officer.pem" "$OUT/organisation.pem"

echo "Demo PKI written to $OUT (DEMO ONLY: keys are public)"
