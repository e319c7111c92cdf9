#!/usr/bin/env bash
# The reference the CA issue measures kyso against: OpenSSL's own OCSP responder (`openssl ocsp
# -port`) with an RSA-2048 responder key, as one process and as two (`-multi 2`), under the load
# ca-admin/bench/ocsp-over-http.sh also puts on kyso for this comparison: ApacheBench (`ab`,
# Debian's apache2-utils) POSTing one request with a nonce, a new connection per request (OpenSSL's
# responder answers HTTP/1.0 and closes; wrk's load does not work with it). A response with a
# nonce is signed afresh every time by both responders (neither caches them).
# Run it right before or after ocsp-over-http.sh, so both see the same machine (docs/benchmarks.md).
# Settings: PORT (8098), DURATION (15, seconds), CONNECTIONS (16), PROCESSES ("1 2").
set -euo pipefail
PORT=${PORT:-8098}
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-16}
PROCESSES=${PROCESSES:-1 2}
WORK=$(mktemp -d)
cd "$WORK"
PID=
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT

# a CA, a delegated responder (id-kp-OCSPSigning) and one subscriber certificate, all RSA-2048
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -subj "/CN=Reference CA" -days 30 -out ca.pem 2>/dev/null
printf 'extendedKeyUsage=critical,OCSPSigning\n' > responder.ext
printf 'keyUsage=critical,digitalSignature,nonRepudiation\n' > leaf.ext
openssl req -new -newkey rsa:2048 -nodes -keyout responder.key -subj "/CN=Reference OCSP" -out responder.csr 2>/dev/null
openssl x509 -req -in responder.csr -CA ca.pem -CAkey ca.key -set_serial 2 -days 30 -extfile responder.ext -out responder.pem 2>/dev/null
openssl req -new -newkey rsa:2048 -nodes -keyout leaf.key -subj "/CN=Subscriber" -out leaf.csr 2>/dev/null
openssl x509 -req -in leaf.csr -CA ca.pem -CAkey ca.key -set_serial 0x1234567890abcdef -days 30 -extfile leaf.ext \
    -out leaf.pem 2>/dev/null
printf 'V\t%s\t\t1234567890ABCDEF\tunknown\t/CN=Subscriber\n' "$(date -u -d '+30 days' +%y%m%d%H%M%SZ)" > index.txt
openssl ocsp -issuer ca.pem -cert leaf.pem -nonce -reqout nonce.der > /dev/null

for n in $PROCESSES; do
    # one process: no -multi (OpenSSL 3.0's `-multi 1` child spins at 100% CPU and answers nothing)
    multi=()
    [ "$n" -gt 1 ] && multi=(-multi "$n")
    openssl ocsp -index index.txt -port "$PORT" -rsigner responder.pem -rkey responder.key -CA ca.pem -nmin 5 \
        "${multi[@]}" > "responder-$n.log" 2>&1 &
    PID=$!
    for _ in $(seq 1 50); do
        openssl ocsp -issuer ca.pem -cert leaf.pem -url "http://127.0.0.1:$PORT" -CAfile ca.pem > /dev/null 2>&1 && break
        sleep 0.2
    done
    echo "== openssl ocsp, $n process(es): POST, with a fresh nonce per request"
    openssl ocsp -issuer ca.pem -cert leaf.pem -url "http://127.0.0.1:$PORT" -CAfile ca.pem 2>&1 | head -2
    echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    # no warm-up run (nothing to warm in C): OpenSSL's responder reads one connection at a time, and
    # a connection the load tool drops at the end of a run leaves it waiting on that connection
    ab -q -c "$CONNECTIONS" -t "$DURATION" -n 10000000 -p nonce.der -T application/ocsp-request "http://127.0.0.1:$PORT/" 2>&1 \
        | grep -E "Complete requests|Failed requests|Non-2xx|Requests per second|  50%|  99%|apr_|Total of" || true
    echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    pkill -P "$PID" 2>/dev/null || true # -multi's children
    kill "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
    PID=
    sleep 1
done
