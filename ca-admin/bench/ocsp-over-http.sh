#!/usr/bin/env bash
# OCSP over HTTP with wrk against a running kyso (docs/benchmarks.md, "OCSP over HTTP").
# From the repository root, after `mvn -B -o -q package -DskipTests`:
#   ca-admin/bench/ocsp-over-http.sh            # GET cached (no nonce) and POST with nonce, 15 s each
# Settings: PORT (8099), DURATION (15s), WARMUP (15s, per kind of request), CONNECTIONS (32), THREADS (2),
# JAVA_OPTS, KYSO_ARGS (extra --kyso.* options), DB (h2|postgres: see kyso-for-bench.sh),
# ROUNDS (2): kyso under ApacheBench and OpenSSL's responder (2 processes, openssl-ocsp-reference.sh)
# taken in turn that many times, each printing the ratio, so that both meet the same machine;
# AB_ONLY=1 leaves out the wrk runs.
# OCSP_PORT (8101): load kyso's dedicated OCSP listener on that port (kyso.ca.ocsp.listener.*, started
# with LISTENER_THREADS threads when set), the deployment for relying parties that open a connection
# per request; OCSP_PORT= (empty) loads /ocsp on the main port instead. The certificate is issued
# over the main port either way.
set -euo pipefail
OCSP_PORT=${OCSP_PORT-8101}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-15s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=kyso-for-bench.sh
. "$HERE/kyso-for-bench.sh"
echo "kyso's OCSP load goes to $OCSP_BASE/ocsp"

openssl ocsp -issuer "$WORK/issuing.pem" -cert "$WORK/cert.pem" -no_nonce -reqout "$WORK/plain.der" > /dev/null
openssl ocsp -issuer "$WORK/issuing.pem" -cert "$WORK/cert.pem" -nonce -reqout "$WORK/nonce.der" > /dev/null
GET_PATH=$(python3 -c 'import base64,sys,urllib.parse; print(urllib.parse.quote(base64.b64encode(open(sys.argv[1],"rb").read()).decode(), safe=""))' "$WORK/plain.der")
openssl ocsp -issuer "$WORK/issuing.pem" -cert "$WORK/cert.pem" -url "$OCSP_BASE/ocsp" -noverify | head -1

run() {
    local before after out
    before=$(cpu_ticks)
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@")
    after=$(cpu_ticks)
    echo "$out"
    per_response "$before" "$after" "$(echo "$out" | awk '/requests in/ {print $1}')"
    echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# warm-up, not reported: the JIT compilers still take a good part of the CPU in the first seconds
# (seen with top -H: C2 at 12% of the machine after 20 s), which would count as server CPU per response
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$OCSP_BASE/ocsp/$GET_PATH" > /dev/null
OCSP_REQUEST="$WORK/nonce.der" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$HERE/ocsp-post-nonce.lua" "$OCSP_BASE/ocsp" > /dev/null
if [ "${AB_ONLY:-0}" != 1 ]; then
    echo "== GET, no nonce (cached signed response)"
    run "$OCSP_BASE/ocsp/$GET_PATH"
    echo "== POST, with a fresh nonce per request (signed per request)"
    OCSP_REQUEST="$WORK/nonce.der" run -s "$HERE/ocsp-post-nonce.lua" "$OCSP_BASE/ocsp"
fi
# the load of openssl-ocsp-reference.sh (OpenSSL's responder), for a like-for-like comparison:
# ApacheBench, one request with a nonce (signed afresh every time), a new connection per request;
# kyso and OpenSSL's two processes in turn, ROUNDS times (kyso stays up, idle, while OpenSSL runs)
ab -q -c 16 -t 5 -n 10000000 -p "$WORK/nonce.der" -T application/ocsp-request "$OCSP_BASE/ocsp" > /dev/null 2>&1 || true
for round in $(seq 1 "${ROUNDS:-2}"); do
    echo "== round $round: kyso, POST with a nonce, ApacheBench, a connection per request"
    echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    before=$(cpu_ticks)
    out=$(ab -q -c 16 -t "${DURATION%s}" -n 10000000 -p "$WORK/nonce.der" -T application/ocsp-request "$OCSP_BASE/ocsp" 2>&1 || true)
    after=$(cpu_ticks)
    echo "$out" | grep -E "Complete requests|Failed requests|Non-2xx|Requests per second|  50%|  99%"
    per_response "$before" "$after" "$(echo "$out" | awk '/Complete requests/ {print $3}')"
    kyso_rate=$(echo "$out" | awk '/Requests per second/ {print $4}')
    echo "== round $round: OpenSSL's responder, 2 processes, the same load"
    peer=$(PROCESSES=2 DURATION="${DURATION%s}" PORT=$((PORT + 1)) bash "$HERE/openssl-ocsp-reference.sh" 2>&1)
    echo "$peer" | grep -E "Complete requests|Failed requests|Non-2xx|Requests per second|  50%|  99%|load average:"
    peer_rate=$(echo "$peer" | awk '/Requests per second/ {print $4}')
    awk -v k="$kyso_rate" -v p="$peer_rate" -v r="$round" \
        -v t="$OCSP_BASE" 'BEGIN { if (p > 0) printf "round %d: kyso (%s) %.0f/s, OpenSSL %.0f/s: kyso / OpenSSL = %.2f\n", r, t, k, p, k / p }'
done
