#!/usr/bin/env bash
# Certificates issued per second from CSRs over the REST API (docs/benchmarks.md, "Issuance over
# HTTP"): wrk POSTs /api/v1/certificates {subscriberId, profile "personal", csr} with an admin's
# bearer token; each request is a whole issuance (CSR parsed, proof of possession checked, serial
# drawn, certificate signed by the issuing CA, stored and audited in the hash chain, and added to the
# usage inventory). Every request brings a CSR for a key of its own (csr-bodies.py, P-256 keys, or
# CSR_KEY=rsa-2048): kyso certifies a public key for one subscriber only (issue 13).
# The peer is XiPKI's published figure (880/s with a P-256 CA, 630/s with RSA-2048: issue 3), so the
# script prints kyso's rate over PEER (880 unless given).
# From the repository root, after `mvn -B -o -q package -DskipTests`:
#   ca-admin/bench/issuance-over-http.sh                                          # default P-384 issuing CA
#   KYSO_ARGS="--kyso.ca.hierarchy.root-key=rsa-2048 --kyso.ca.hierarchy.issuing-key=rsa-2048" ca-admin/bench/issuance-over-http.sh
# Settings: PORT (8099), DURATION (15s), WARMUP (15s), CONNECTIONS (8), THREADS (2), JAVA_OPTS, KYSO_ARGS, DB (h2|postgres),
# CSRS (40000 distinct keys, taken in turn), CSR_KEY (ec-p256|rsa-2048), PEER (880).
set -euo pipefail
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-15s}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=kyso-for-bench.sh
. "$HERE/kyso-for-bench.sh"

export ISSUE_TOKEN
ISSUE_TOKEN=$(api -X POST "$BASE/api/v1/tokens" -d '{"name":"issuance benchmark"}' | jq -r .token)
export ISSUE_BODIES="$WORK/bodies.jsonl"
python3 "$HERE/csr-bodies.py" "$OFFICER" "${CSRS:-40000}" "$ISSUE_BODIES" "${CSR_KEY:-ec-p256}"
echo "issuing CA key: $(openssl x509 -in "$WORK/issuing.pem" -noout -text | grep -m1 -E 'Public Key Algorithm|ASN1 OID' | xargs)"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$HERE/issue-post-csr.lua" "$BASE/api/v1/certificates" > /dev/null
before=$(cpu_ticks)
out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/issue-post-csr.lua" "$BASE/api/v1/certificates")
after=$(cpu_ticks)
echo "$out"
per_response "$before" "$after" "$(echo "$out" | awk '/requests in/ {print $1}')"
echo "$out" | awk -v peer="${PEER:-880}" '/Requests\/sec/ {printf "kyso / XiPKI (%d/s published): %.2f\n", peer, $2 / peer}'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
# one of the certificates issued under load: openssl verifies it against the hierarchy
ONE=$(api "$BASE/api/v1/certificates?subscriberId=$OFFICER&limit=1" | jq -r '.[0].serial')
api "$BASE/api/v1/certificates/$ONE.pem" > "$WORK/one.pem"
curl -sf "$BASE/ca/root.pem" > "$WORK/root.pem"
openssl verify -CAfile "$WORK/root.pem" -untrusted "$WORK/issuing.pem" "$WORK/one.pem"
