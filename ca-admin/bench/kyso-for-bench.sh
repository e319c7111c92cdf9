# Sourced by the benchmark scripts beside it (not run alone): starts `java -jar src/target/kyso.jar`
# on a fresh data folder, waits until it is healthy, registers one officer and issues one personal
# certificate from a CSR (RSA-2048 key made by openssl). Leaves behind, for the caller:
#   PID, BASE, OCSP_BASE, WORK (removed on exit), OFFICER (subscriber id), SERIAL, $WORK/req.pem,
#   $WORK/cert.pem, $WORK/issuing.pem, and the function api (curl as admin with HTTP Basic).
# Settings: PORT (8099), JAVA_OPTS, KYSO_ARGS (extra --kyso.* options), DB (h2, the embedded default,
# or postgres: a fresh database on 127.0.0.1:5432, user postgres, dropped at exit), OCSP_PORT (unset:
# OCSP_BASE is BASE; set: kyso's dedicated OCSP listener answers on that port, OCSP_BASE points at it,
# started with LISTENER_THREADS threads when set).
PORT=${PORT:-8099}
WORK=$(mktemp -d)
DB_ARGS=()
BENCH_DB=
if [ "${DB:-h2}" = postgres ]; then
    BENCH_DB=kyso_bench_$$
    psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $BENCH_DB" postgres
    export KYSO_DB_URL=jdbc:postgresql://127.0.0.1:5432/$BENCH_DB
    DB_ARGS=(--spring.profiles.active=postgres)
fi
BASE=http://127.0.0.1:$PORT
OCSP_BASE=$BASE
if [ -n "${OCSP_PORT:-}" ]; then
    KYSO_ARGS="${KYSO_ARGS:-} --kyso.ca.ocsp.listener.enabled=true --kyso.ca.ocsp.listener.port=$OCSP_PORT"
    [ -z "${LISTENER_THREADS:-}" ] || KYSO_ARGS="$KYSO_ARGS --kyso.ca.ocsp.listener.threads=$LISTENER_THREADS"
    OCSP_BASE=http://127.0.0.1:$OCSP_PORT
fi
export KYSO_ADMIN_PASSWORD=bench-admin-Password-1
export KYSO_CA_PASSPHRASE=bench-ca-passphrase-1
# the benchmark's one admin issues directly: with dual control (the default) each issuance would
# wait for a second person's approval, a request of its own, which is not what is measured here
export KYSO_SECURITY_DUALCONTROL_ENABLED=${KYSO_SECURITY_DUALCONTROL_ENABLED:-false}
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -jar src/target/kyso.jar --server.port="$PORT" --kyso.data-dir="$WORK/data" "${DB_ARGS[@]}" \
    ${KYSO_ARGS:-} > "$WORK/kyso.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK";
      [ -z "$BENCH_DB" ] || psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE $BENCH_DB" postgres' EXIT
for _ in $(seq 1 120); do
    curl -sf "$BASE/actuator/health" > /dev/null && break
    sleep 1
done
curl -sf "$BASE/actuator/health" > /dev/null || { tail -30 "$WORK/kyso.log"; exit 1; }
grep -m1 -o "CA ready.*" "$WORK/kyso.log" || true
grep -m1 -o "CA signs with.*" "$WORK/kyso.log" || true
if [ -n "${OCSP_PORT:-}" ]; then
    grep -m1 -o "OCSP listener on.*" "$WORK/kyso.log" || { echo "no OCSP listener in the log"; exit 1; }
fi

api() { curl -sf -u "admin:$KYSO_ADMIN_PASSWORD" -H 'Content-Type: application/json' "$@"; }
UNIT=$(api "$BASE/api/v1/units" | jq -r '.[0].code')
OFFICER=$(api -X POST "$BASE/api/v1/subscribers/officers" -d "{\"fullName\":\"Nguyễn Văn Ất\",\"positionTitle\":\"Chuyên viên\",\"cccd\":\"079201000001\",\"email\":\"nva@camau.gov.vn\",\"unitCode\":\"$UNIT\"}" | jq -r .id)
openssl req -new -newkey rsa:2048 -nodes -keyout "$WORK/key.pem" -subj /CN=ignored -out "$WORK/req.pem" 2>/dev/null
SERIAL=$(jq -n --arg csr "$(cat "$WORK/req.pem")" --argjson s "$OFFICER" '{subscriberId:$s,profile:"personal",csr:$csr}' \
    | api -X POST "$BASE/api/v1/certificates" -d @- | jq -r .serial)
api "$BASE/api/v1/certificates/$SERIAL.pem" > "$WORK/cert.pem"
curl -sf "$BASE/ca/issuing.pem" > "$WORK/issuing.pem"

# CPU the server spent (user + system), in clock ticks: with the load generator on the same
# machine, and other load besides, CPU per response says what the server costs whoever else runs.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
per_response() { # ticks before, ticks after, responses
    awk -v t=$(($2 - $1)) -v hz="$(getconf CLK_TCK)" -v n="$3" \
        'BEGIN { printf "server CPU per response: %.0f us (%d responses, %.1f CPU s)\n", t / hz * 1e6 / n, n, t / hz }'
}
