#!/usr/bin/env bash
# Runs the whole test suite. The tests use real tools — a SoftHSM2 token, poppler's pdfsig, xmlsec1,
# NSS's certutil, OpenSSL, chromium — so this installs whichever are missing (Debian/Ubuntu, as root or with
# sudo), then runs every module's unit and integration tests with Maven.
#
# Pages are tested in Debian's chromium, driven by playwright-core from npm (browser-tests/).
#
# scripts/test.sh --quick runs only the unit tests that need no native tool (Maven profile "quick":
# JUnit tags native, slow and fuzz left out, no integration tests), and installs nothing. The CLI
# and the server, which depend only on core, are built and tested side by side (-T 2), each module's
# tests in two JVMs; it stops at Maven's test phase, so nothing is packaged (no jars, no copied
# dependencies, no class-data sharing training runs of bin/signer), which only the integration tests use.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ "${1:-}" = "--quick" ]; then
  shift
  exec mvn -B -T 2 -Pquick test "$@"
fi

packages=()
command -v java >/dev/null          || packages+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null           || packages+=(maven)
command -v softhsm2-util >/dev/null || packages+=(softhsm2)
command -v pkcs11-tool >/dev/null   || packages+=(opensc)
command -v pdfsig >/dev/null        || packages+=(poppler-utils)
command -v xmlsec1 >/dev/null       || packages+=(xmlsec1)
command -v certutil >/dev/null      || packages+=(libnss3-tools)
command -v openssl >/dev/null       || packages+=(openssl)
command -v chromium >/dev/null      || packages+=(chromium)
command -v node >/dev/null          || packages+=(nodejs)
command -v npm >/dev/null           || packages+=(npm)

if [ ${#packages[@]} -gt 0 ]; then
  echo "Installing what the tests need: ${packages[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}" >/dev/null
fi

# The browser tests' Playwright (playwright-core only: they drive Debian's chromium, nothing is downloaded).
npm ci --prefix browser-tests --no-audit --no-fund --loglevel=error

exec mvn -B verify "$@"
