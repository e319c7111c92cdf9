#!/usr/bin/env bash
# OCSP over HTTP with wrk against a running kyso (docs/benchmarks.md, "OCSP over HTTP").
# From the repository root, after `mvn -B -o -q package -DskipTests`:
#   ca-admin/bench/ocsp-over-http.sh            # GET cached (no nonce) and POST with nonce, 15 s each
# Settings: PORT (8099), DURATION (15s), WARMUP (15s, per kind of request), CONNECTIONS (32), THREADS (2),
# JAVA_OPTS, KYSO_ARGS (extra --kyso.* options).
set -euo pipefail
PORT=${PORT:-8099}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-15s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
BASE=http://127.0.0.1:$PORT
export KYSO_ADMIN_PASSWORD=bench-admin-Password-1
export KYSO_CA_PASSPHRASE=bench-ca-passphrase-1
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -jar src/target/kyso.jar --server.port="$PORT" --kyso.data-dir="$WORK/data" ${KYSO_ARGS:-} \
    > "$WORK/kyso.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do
    curl -sf "$BASE/actuator/health" > /dev/null && break
    sleep 1
done
curl -sf "$BASE/actuator/health" > /dev/null || { tail -30 "$WORK/kyso.log"; exit 1; }
grep -m1 -o "CA ready.*" "$WORK/kyso.log" || true
grep -m1 -o "CA signs with.*" "$WORK/kyso.log" || true

api() { curl -sf -u "admin:$KYSO_ADMIN_PASSWORD" -H 'Content-Type: application/json' "$@"; }
UNIT=$(api "$BASE/api/v1/units" | jq -r '.[0].code')
OFFICER=$(api -X POST "$BASE/api/v1/subscribers/officers" -d "{\"fullName\":\"Nguyễn Văn Ất\",\"positionTitle\":\"Chuyên viên\",\"cccd\":\"079201000001\",\"email\":\"nva@camau.gov.vn\",\"unitCode\":\"$UNIT\"}" | jq -r .id)
openssl req -new -newkey rsa:2048 -nodes -keyout "$WORK/key.pem" -subj /CN=ignored -out "$WORK/req.pem" 2>/dev/null
SERIAL=$(jq -n --arg csr "$(cat "$WORK/req.pem")" --argjson s "$OFFICER" '{subscriberId:$s,profile:"personal",csr:$csr}' \
    | api -X POST "$BASE/api/v1/certificates" -d @- | jq -r .serial)
api "$BASE/api/v1/certificates/$SERIAL.pem" > "$WORK/cert.pem"
curl -sf "$BASE/ca/issuing.pem" > "$WORK/issuing.pem"
openssl ocsp -issuer "$WORK/issuing.pem" -cert "$WORK/cert.pem" -no_nonce -reqout "$WORK/plain.der" > /dev/null
openssl ocsp -issuer "$WORK/issuing.pem" -cert "$WORK/cert.pem" -nonce -reqout "$WORK/nonce.der" > /dev/null
GET_PATH=$(python3 -c 'import base64,sys,urllib.parse; print(urllib.parse.quote(base64.b64encode(open(sys.argv[1],"rb").read()).decode(), safe=""))' "$WORK/plain.der")
openssl ocsp -issuer "$WORK/issuing.pem" -cert "$WORK/cert.pem" -url "$BASE/ocsp" -noverify | head -1

# CPU the server spent (user + system), in clock ticks: with wrk on the same machine, and other
# load besides, CPU per response says what the server costs independently of who else runs.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
run() {
    local before after out requests
    before=$(cpu_ticks)
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@")
    after=$(cpu_ticks)
    echo "$out"
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
        'BEGIN { printf "server CPU per response: %.0f us (%d responses, %.1f CPU s)\n", t / hz * 1e6 / n, n, t / hz }'
    echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# warm-up, not reported: the JIT compilers still take a good part of the CPU in the first seconds
# (seen with top -H: C2 at 12% of the machine after 20 s), which would count as server CPU per response
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$BASE/ocsp/$GET_PATH" > /dev/null
OCSP_REQUEST="$WORK/nonce.der" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$HERE/ocsp-post-nonce.lua" "$BASE/ocsp" > /dev/null
echo "== GET, no nonce (cached signed response)"
run "$BASE/ocsp/$GET_PATH"
echo "== POST, with a fresh nonce per request (signed per request)"
OCSP_REQUEST="$WORK/nonce.der" run -s "$HERE/ocsp-post-nonce.lua" "$BASE/ocsp"
# the load of openssl-ocsp-reference.sh (OpenSSL's responder), for a like-for-like comparison:
# ApacheBench, one request with a nonce (signed afresh every time), a new connection per request
if command -v ab > /dev/null; then
    echo "== POST, with a nonce, ApacheBench, a connection per request (as openssl-ocsp-reference.sh)"
    before=$(cpu_ticks)
    out=$(ab -q -c 16 -t "${DURATION%s}" -n 10000000 -p "$WORK/nonce.der" -T application/ocsp-request "$BASE/ocsp" 2>&1 || true)
    after=$(cpu_ticks)
    echo "$out" | grep -E "Complete requests|Failed requests|Non-2xx|Requests per second|  50%|  99%"
    requests=$(echo "$out" | awk '/Complete requests/ {print $3}')
    awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
        'BEGIN { printf "server CPU per response: %.0f us (%d responses, %.1f CPU s)\n", t / hz * 1e6 / n, n, t / hz }'
fi
