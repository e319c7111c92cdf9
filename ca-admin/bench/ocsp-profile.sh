#!/usr/bin/env bash
# A JFR profile of kyso's OCSP responder under ocsp-over-http.sh's ApacheBench load (fresh nonce,
# a new connection per request), taken after a warm-up, and where its Java samples go
# (ocsp-profile.py). From the repository root, after `kmvn -B -q -o -pl src -am package -DskipTests`:
#   OCSP_PORT=8101 ca-admin/bench/ocsp-profile.sh
# Settings: as ocsp-over-http.sh (PORT, OCSP_PORT, LISTENER_THREADS, JAVA_OPTS, KYSO_ARGS, DB), WARMUP
# (20, seconds of load before recording), DURATION (20, seconds recorded), PERIOD (1 ms: the Java and
# native sampling interval; JFR's "profile" settings take 10 and 20 ms, too few samples in 20 s),
# OUT (ocsp.jfr in the current folder: kept for `jfr print --events jdk.ExecutionSample`).
set -euo pipefail
WARMUP=${WARMUP:-20}
DURATION=${DURATION:-20}
PERIOD=${PERIOD:-1 ms}
OUT=$(realpath -m "${OUT:-ocsp.jfr}")
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=kyso-for-bench.sh
. "$HERE/kyso-for-bench.sh"
openssl ocsp -issuer "$WORK/issuing.pem" -cert "$WORK/cert.pem" -nonce -reqout "$WORK/nonce.der" > /dev/null
load() {
    ab -q -c 16 -t "$1" -n 10000000 -p "$WORK/nonce.der" -T application/ocsp-request "$OCSP_BASE/ocsp" 2>&1 || true
}
JAVA_HOME_DIR=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
sed -e "s/<setting name=\"period\" control=\"method-sampling-java-interval\">[^<]*</<setting name=\"period\" control=\"method-sampling-java-interval\">$PERIOD</" \
    -e "s/<setting name=\"period\" control=\"method-sampling-native-interval\">[^<]*</<setting name=\"period\" control=\"method-sampling-native-interval\">$PERIOD</" \
    "$JAVA_HOME_DIR/lib/jfr/profile.jfc" > "$WORK/sampling.jfc"
load "$WARMUP" > /dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
jcmd "$PID" JFR.start name=ocsp settings="$WORK/sampling.jfc" > /dev/null
before=$(cpu_ticks)
out=$(load "$DURATION")
after=$(cpu_ticks)
jcmd "$PID" JFR.stop name=ocsp filename="$OUT" > /dev/null
echo "$out" | grep -E "Complete requests|Failed requests|Requests per second"
per_response "$before" "$after" "$(echo "$out" | awk '/Complete requests/ {print $3}')"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "recording: $OUT"
jfr print --json --stack-depth 64 --events jdk.ExecutionSample "$OUT" | python3 "$HERE/ocsp-profile.py" Java
jfr print --json --stack-depth 64 --events jdk.NativeMethodSample "$OUT" | python3 "$HERE/ocsp-profile.py" native
