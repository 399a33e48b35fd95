#!/usr/bin/env bash
# Hostile HTTP requests against signer-server: starts the server built from this repository
# (bin/signer-server, -Xmx256m) on a free loopback port with a generated configuration (the demo PKI,
# an idle timeout of 5 s so that stalled uploads end within the run), sends a bounded list of
# hostile requests, and reports the answers by status (no 5xx expected), the requests that got a
# 5xx or no answer, whether the server is still up, its heap after a GC (jcmd GC.heap_info) against
# the 256 MB limit, and whether any temporary file is left in its tempDir.
# Usage: bench/server-abuse.sh   (build first: mvn -B -DskipTests install)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
pki="$here/samples/demo-pki"
mkdir -p "$work/tmp"
cat > "$work/server.yaml" <<YAML
host: 127.0.0.1
port: 0
plainHttp: true
tempDir: $work/tmp
limits:
  maxRequestBytes: 10485760
  requestsPerSecond: 1000
  burst: 1000
  idleTimeoutSeconds: 5
audit:
  file: $work/audit.jsonl
verification:
  open: true
  profiles:
    demo:
      trust: [$pki/root-ca.pem]
      intermediates: [$pki/issuing-ca.pem]
      crls: [$pki/root.crl, $pki/issuing-ca.crl]
clients:
  - name: abuse
    apiKeySha256: $(printf '%s' DEMO-signer-api-key | sha256sum | cut -d' ' -f1)
    profiles: [organisation]
profiles:
  organisation:
    pkcs12: {file: $pki/organisation.p12}
    pin: {file: $pki/demo-password.txt}
    trust: demo
    allowOverride: [reason, location]
YAML
SIGNER_SERVER_JAVA_OPTS="-Xmx256m" "$here/bin/signer-server" --config "$work/server.yaml" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
port=""
for _ in $(seq 100); do
  port=$(grep -aoE 'listening on http://127\.0\.0\.1:[0-9]+' "$work/server.log" | grep -oE '[0-9]+$' || true)
  [ -n "$port" ] && break
  sleep 0.2
done
[ -n "$port" ] || { echo "server-abuse: the server did not start:" >&2; cat "$work/server.log" >&2; exit 69; }
echo "server pid $server on 127.0.0.1:$port, -Xmx256m"

python3 - "$port" "$here" <<'PY'
import socket, sys, time, threading, collections, urllib.parse
port, repo = int(sys.argv[1]), sys.argv[2]
KEY = "DEMO-signer-api-key"
statuses = collections.Counter()
bad = []  # (name, status) for 5xx or no answer
lock = threading.Lock()

answers = {}  # name -> the statuses it got

def raw(name, head, body=b"", chunks=None, pause=0.0, timeout=30, end=b"\r\n\r\n", closed_ok=False):
    """Sends head (str), the blank line that ends it (end) and body, optionally in chunks with pauses; returns the status."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.sendall(head.encode("latin-1") + end)
            for piece in (chunks if chunks is not None else [body]):
                s.sendall(piece)
                if pause:
                    time.sleep(pause)
            data = b""
            while b"\r\n" not in data:
                more = s.recv(4096)
                if not more:
                    break
                data += more
        line = data.split(b"\r\n", 1)[0].decode("latin-1")
        status = line.split(" ")[1] if line.startswith("HTTP/") else "no answer"
    except (socket.timeout, TimeoutError):
        status = "timeout"
    except (ConnectionResetError, BrokenPipeError):
        status = "reset"
    if closed_ok and status == "no answer":
        status = "closed"  # what a server does to a client that never finishes its headers
    with lock:
        statuses[status] += 1
        answers.setdefault(name, collections.Counter())[status] += 1
        if status != "closed" and (not status.isdigit() or status.startswith("5")):
            bad.append((name, status))
    return status

def post(name, path, ctype, body, key=None, extra=""):
    head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: {len(body)}"
    if ctype is not None:
        head += f"\r\nContent-Type: {ctype}"
    if key is not None:
        head += f"\r\nAuthorization: Bearer {key}"
    return raw(name, head + extra, body)

def multipart(parts, b="XyZ"):
    out = b""
    for name, content in parts:
        out += (f"--{b}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"d\"\r\n"
                "Content-Type: application/octet-stream\r\n\r\n").encode() + content + b"\r\n"
    return out + f"--{b}--\r\n".encode()

pdf = open(f"{repo}/samples/documents/cong-van-mau.pdf", "rb").read()
xml = open(f"{repo}/samples/documents/thong-tin-ho-so.xml", "rb").read()
MP = "multipart/form-data; boundary=XyZ"

def later_mediabox(signed):
    """An incremental update of the signed tiny page (a fuzzing seed: page 3 0 R under pages 2 0 R)
    that redefines the page with a 14,400 pt square MediaBox: 200 in by 200 in, 207 million pixels at 72 dpi."""
    import re
    start = signed.rfind(b"startxref")
    prev = int(signed[start:].split()[1])
    size = int(re.findall(rb"/Size (\d+)", signed)[-1])
    root = re.findall(rb"/Root (\d+ 0 R)", signed)[-1].decode()
    obj = b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] /Contents 4 0 R >>\nendobj\n"
    offset = len(signed) + 1
    xref = f"xref\n3 1\n{offset:010d} 00000 n \ntrailer\n<< /Size {size} /Root {root} /Prev {prev} >>\nstartxref\n{offset + len(obj)}\n%%EOF\n"
    return signed + b"\n" + obj + xref.encode()

print("== sending hostile requests")
# Multipart forms that are broken
post("malformed multipart: no closing boundary", "/v1/verify", MP, b"--XyZ\r\nContent-Disposition: form-data; name=\"document\"\r\n\r\n" + xml)
post("malformed multipart: garbage", "/v1/verify", MP, b"\x00\xff--XyZ--garbage\r\n\r\n--")
post("malformed multipart: part without headers", "/v1/verify", MP, b"--XyZ\r\n\r\n<a/>\r\n--XyZ--\r\n")
post("multipart without boundary", "/v1/verify", "multipart/form-data", multipart([("document", xml)]))
post("multipart with an empty boundary", "/v1/verify", "multipart/form-data; boundary=", multipart([("document", xml)]))
post("multipart with 1,001 parts", "/v1/verify", MP, multipart([("f%d" % i, b"x") for i in range(1000)] + [("document", xml)]))
post("multipart with 1,001 document parts", "/v1/verify", MP, multipart([("document", b"<a/>")] * 1001))
post("multipart with a 70,000-byte part header", "/v1/verify", MP,
     b"--XyZ\r\nContent-Disposition: form-data; name=\"document\"; filename=\"" + b"a" * 70000 + b"\"\r\n\r\n<a/>\r\n--XyZ--\r\n")
# Headers and URIs
raw("huge header (64 KB value)", "POST /v1/verify HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/xml\r\nX-Big: " + "a" * 65536 + "\r\nContent-Length: 4", b"<a/>")
raw("2,000 headers", "POST /v1/verify HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/xml\r\n" + "\r\n".join(f"X-H{i}: v" for i in range(2000)) + "\r\nContent-Length: 4", b"<a/>")
raw("long URI (100 KB)", "GET /v1/profiles?x=" + "a" * 100000 + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close")
raw("long path (20 KB)", "GET /" + "a/" * 10000 + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close")
# Content types and charsets
for ctype in ["application/x-foo", "", "application/pdf; charset=utf-8", "multipart/mixed; boundary=XyZ",
              "text/xml; charset=utf-7", "text/xml; charset=bogus-charset", "application/xml; charset=\"\x01\"",
              "application/xml;;;;", "APPLICATION/XML", "text/xml; charset=UTF-16", "application/xml; boundary=XyZ"]:
    post(f"Content-Type '{ctype}'", "/v1/verify", ctype, xml)
post("no Content-Type", "/v1/verify", None, xml)
post("XML body as PDF", "/v1/verify", "application/pdf", xml)
post("UTF-16 XML declared UTF-8", "/v1/verify", "application/xml", '<?xml version="1.0" encoding="UTF-8"?><a>á</a>'.encode("utf-16"))
post("XML with encoding='bogus'", "/v1/verify", "application/xml", b'<?xml version="1.0" encoding="bogus"?><a/>')
# Hostile documents
post("XML nested 100,000 deep", "/v1/verify", "application/xml", b"<a>" * 100000 + b"</a>" * 100000)
post("XML with 100,000 attributes", "/v1/verify", "application/xml", b"<a " + b" ".join(b"a%d='1'" % i for i in range(100000)) + b"/>")
post("XML with a DOCTYPE (billion laughs)", "/v1/verify", "application/xml",
     b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><l>&b;</l>')
post("XML nested 100,000 deep to sign", "/v1/sign?profile=organisation", "application/xml", b"<a>" * 100000 + b"</a>" * 100000, KEY)
post("PDF header then garbage", "/v1/verify", "application/pdf", b"%PDF-1.7\n" + bytes(range(256)) * 100)
post("PDF truncated in half", "/v1/verify", "application/pdf", pdf[: len(pdf) // 2])
signed = open(f"{repo}/signer-core/src/test/resources/vn/signer/verify/PdfVerificationFuzzTestInputs/verify/valid-tiny.pdf", "rb").read()
post("PDF with a 14,400 pt MediaBox in a later revision", "/v1/verify", "application/pdf", later_mediabox(signed))
post("the same as a multipart part", "/v1/verify", MP, multipart([("document", later_mediabox(signed))]))
# Query parameters
for q in ["reason=%00", "reason=a%0D%0AX-Injected:%201", "reason=%E2%80%AEevil", "reason=%ZZ", "location=%C0%80",
          "reason=" + "%E1%BB%87" * 5000, "level=%ZZ", "level=LTA"]:
    post(f"sign ?{q[:40]}", f"/v1/sign?profile=organisation&{q}", "application/pdf", pdf, KEY)
for q in ["offline=%ZZ", "trust=%ZZ", "trust=nope", "offline=maybe", "%ZZ=1", "trust=demo&trust=demo&trust=x"]:
    post(f"verify ?{q}", f"/v1/verify?{q}", "application/xml", xml)
post("sign ?profile=%ZZ", "/v1/sign?profile=%ZZ", "application/pdf", pdf, KEY)
raw("%ZZ in the path", "GET /v1/%ZZ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close")
raw("NUL in the path", "GET /v1/prof%00iles HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close")
raw("Content-Length not a number", "POST /v1/verify HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/xml\r\nContent-Length: 12x", b"<a/>")
raw("Content-Length negative", "POST /v1/verify HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/xml\r\nContent-Length: -5", b"<a/>")
raw("Content-Length over the limit", "POST /v1/verify HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/pdf\r\nContent-Length: 999999999999", b"%PDF")
raw("chunked body over the limit", "POST /v1/verify HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/pdf\r\nTransfer-Encoding: chunked", b"",
    chunks=[b"100000\r\n" + b"%PDF" + b"a" * (0x100000 - 4) + b"\r\n"] * 11 + [b"0\r\n\r\n"])
# Slow uploads: a trickle that keeps going, and ones that stall (the idle timeout is 5 s)
threads = [threading.Thread(target=raw, args=("slow upload: 40 bytes, one every 0.2 s",
           "POST /v1/verify HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/xml\r\nContent-Length: 40", b""),
           kwargs={"chunks": [bytes([c]) for c in b"<a>" + b"x" * 33 + b"</a>"], "pause": 0.2})]
threads += [threading.Thread(target=raw, args=(f"stalled upload {i}: 10 of 1,000 bytes sent",
            "POST /v1/verify HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/pdf\r\nContent-Length: 1000", b"%PDF-1.7\n\n"))
            for i in range(20)]
threads += [threading.Thread(target=raw, args=(f"stalled multipart {i}",
            f"POST /v1/verify HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: {MP}\r\nContent-Length: 5000",
            b"--XyZ\r\nContent-Disposition: form-data; name=\"document\"\r\n\r\n<a>"))
            for i in range(5)]
threads += [threading.Thread(target=raw, args=(f"headers never finished {i}", "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a"),
            kwargs={"chunks": [], "end": b"\r\n", "closed_ok": True}) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
# Wrong API keys, repeated
for i in range(300):
    post("wrong API key", "/v1/sign?profile=organisation", "application/pdf", b"%PDF-1.7\n", key="wrong-key-%d" % i)
for i in range(50):
    raw("wrong X-API-Key on /v1/profiles", f"GET /v1/profiles HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX-API-Key: {'k' * i}")

print("== each request's answers")
for name, got in answers.items():
    print(f"  {name[:70]}: " + ", ".join(f"{s} x{n}" if n > 1 else s for s, n in sorted(got.items())))
print("== answers by status")
for status, count in sorted(statuses.items()):
    print(f"  {status}: {count}")
print(f"  total: {sum(statuses.values())}")
if bad:
    print("== requests answered with 5xx or not at all")
    for (name, status), count in collections.Counter(bad).most_common():
        print(f"  {status}  {name}" + (f"  (x{count})" if count > 1 else ""))
else:
    print("== no 5xx, every request answered")
PY

health=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" || true)
if kill -0 "$server" 2>/dev/null && [ "$health" = 200 ]; then echo "server still up: /health $health"; else echo "SERVER DOWN (/health: $health)"; fi
jcmd "$server" GC.run >/dev/null 2>&1 || true
heap=$(jcmd "$server" GC.heap_info 2>/dev/null | grep -aoE 'total [0-9]+K, used [0-9]+K' | head -1 || true)
used=$(grep -oE 'used [0-9]+' <<<"$heap" | awk '{print int($2 / 1024)}')
echo "heap after GC: ${heap:-unknown} (${used:-?} MB used of the 256 MB limit)"
left=$(find "$work/tmp" -type f | wc -l)
echo "temporary files left in tempDir: $left"
find "$work/tmp" -type f -printf '  %p (%s bytes)\n' | head -5
errors=$(grep -acE ' ERROR |Exception' "$work/server.log" || true)
echo "server log: $(wc -l < "$work/server.log") lines, $errors with ERROR or an exception"
grep -aE ' ERROR |Exception' "$work/server.log" | cut -c1-240 | sort | uniq -c | sort -rn | head -10 || true
