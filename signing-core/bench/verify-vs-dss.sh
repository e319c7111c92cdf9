#!/usr/bin/env bash
# kyso verify versus EU DSS on the same N distinct clean signed PDFs, each tool in one JVM
# (docs/benchmarks.md, "Verification: kyso versus EU DSS"). The issue's goal: kyso >= 8x DSS.
# Run from the repository root on a quiet machine, after building the jar:
#   mvn -B -q install -DskipTests            (or: kmvn -B -q -pl src -am package -DskipTests)
#   signing-core/bench/verify-vs-dss.sh [N]  (N defaults to 1000)
set -euo pipefail
N="${1:-1000}"
MVN="${MVN:-$(command -v kmvn || command -v mvn)}"
JAR=src/target/kyso.jar
WORK="$(mktemp -d /tmp/kyso-vs-dss.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
[ -f "$JAR" ] || { echo "build $JAR first: mvn -B -q install -DskipTests" >&2; exit 2; }

"$MVN" -B -q -pl signing-core test-compile dependency:build-classpath \
    -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
CP="signing-core/target/classes:signing-core/target/test-classes:$(cat "$WORK/cp.txt")"
# DSS 6.4 runs on the Bouncy Castle it is built for (copied by the pom into target/bouncycastle-for-dss)
DSS_CP="signing-core/target/classes:signing-core/target/test-classes:$(tr ':' '\n' < "$WORK/cp.txt" \
    | grep -v '/org/bouncycastle/' | paste -sd:):$(ls signing-core/target/bouncycastle-for-dss/*.jar | paste -sd:)"

java -cp "$CP" vn.kyso.signing.bench.VerifyCorpusWriter "$WORK/corpus" "$N"

now() { date +%s.%N; }
t0=$(now)
java -jar "$JAR" verify --offline --trust "$WORK/corpus/root.pem" --format json "$WORK"/corpus/*.pdf \
    > "$WORK/kyso.json" || true   # exit code 1 would mean some file is not VALID: counted below
t1=$(now)
valid=$(grep -o '"indication" *: *"VALID"' "$WORK/kyso.json" | wc -l)
t2=$(now)
java -cp "$DSS_CP" vn.kyso.signing.bench.DssVerifyRunner "$WORK/corpus"
t3=$(now)

awk -v n="$N" -v v="$valid" -v k0="$t0" -v k1="$t1" -v d0="$t2" -v d1="$t3" 'BEGIN {
    k = k1 - k0; d = d1 - d0;
    printf "kyso verify: %d files (%d signatures VALID) in %.2f s, one JVM (start-up included)\n", n, v, k;
    printf "EU DSS:      %d files in %.2f s, one JVM (start-up included)\n", n, d;
    printf "ratio: kyso is %.1fx faster than DSS (goal: at least 8x)\n", d / k }'
