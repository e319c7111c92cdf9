#!/usr/bin/env bash
# kyso verify versus EU DSS on the same N distinct clean signed PDFs, each tool in one JVM
# (docs/benchmarks.md, "Verification: kyso versus EU DSS"). The issue's goal: kyso >= 8x DSS.
# Run from the repository root on a quiet machine, after building the jar:
#   mvn -B -q install -DskipTests            (or: kmvn -B -q -pl src -am package -DskipTests)
#   signing-core/bench/verify-vs-dss.sh [N]  (N defaults to 1000; RUNS=3 runs of each, hyperfine)
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

bash src/bench/cli-ready.sh "$JAR"   # waits for the CLI's class-data-sharing archive, made once per build
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# both in the same hyperfine run, alternating (RUNS each), so that both meet the same neighbours
RUNS="${RUNS:-3}"
hyperfine --style basic --runs "$RUNS" --export-json "$WORK/h.json" \
    -n kyso "java -jar $JAR verify --offline --trust $WORK/corpus/root.pem --format json $WORK/corpus/*.pdf > $WORK/kyso.json || true" \
    -n dss "java -cp $DSS_CP vn.kyso.signing.bench.DssVerifyRunner $WORK/corpus > $WORK/dss.txt"
# (kyso's exit code 1 would mean some file is not VALID: counted below)
valid=$(grep -o '"indication" *: *"VALID"' "$WORK/kyso.json" | wc -l)
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$WORK/dss.txt"
python3 - "$WORK/h.json" "$N" "$valid" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
k, d = r["kyso"]["median"], r["dss"]["median"]
print(f"kyso verify: {sys.argv[2]} files ({sys.argv[3]} signatures VALID), median {k:.2f} s (min {r['kyso']['min']:.2f}), one JVM (start-up included)")
print(f"EU DSS:      {sys.argv[2]} files, median {d:.2f} s (min {r['dss']['min']:.2f}), one JVM (start-up included)")
print(f"ratio: kyso is {d / k:.1f}x faster than DSS (goal: at least 8x)")
PY
