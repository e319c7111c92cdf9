#!/usr/bin/env bash
# `kyso sign --level B --out-dir` against EU DSS signing the same files in one JVM (issue 16's
# first row): both as a user runs them, whole process (JVM start included), on N one-page PDFs
# with one RSA-2048 PKCS#12 key, RUNS times each, alternating; prints the medians and the ratio,
# and checks a sample of each side with pdfsig and qpdf --check.
# Needs: src/target/kyso.jar (mvn -B -q package -DskipTests), python3, openssl, pdfsig, qpdf,
# hyperfine (Debian), Maven (resolves DSS for the peer, once). Run on a quiet machine.
# Settings: FILES ("1000 3000"), RUNS (5), DSS_VERSION (6.3).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR="$ROOT/src/target/kyso.jar"
FILES=${FILES:-1000 3000}
RUNS=${RUNS:-5}
DSS_VERSION=${DSS_VERSION:-6.3}
[ -f "$JAR" ] || { echo "build kyso first: mvn -B -q package -DskipTests" >&2; exit 2; }
command -v hyperfine > /dev/null || { echo "install hyperfine (apt-get install hyperfine)" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# the peer: EU DSS, compiled against its class path from Maven Central
(cd "$HERE/dss-peer" && mvn -B -q dependency:build-classpath -Ddss.version="$DSS_VERSION" \
    -Dmdep.outputFile="$WORK/dss.cp")
mkdir -p "$WORK/dss-classes"
javac -d "$WORK/dss-classes" -cp "$(cat "$WORK/dss.cp")" "$HERE/dss-peer/src/main/java/DssSignLoop.java"
DSS_CP="$WORK/dss-classes:$(cat "$WORK/dss.cp")"

# one RSA-2048 key and certificate (digitalSignature, nonRepudiation)
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/k.pem" -out "$WORK/c.pem" -days 30 \
    -subj "/CN=Nguyen Van A/O=UBND tinh Ca Mau/C=VN" -addext "keyUsage=critical,digitalSignature,nonRepudiation" 2>/dev/null
export BENCH_P12_PASSWORD=Bench-Pass-1
openssl pkcs12 -export -inkey "$WORK/k.pem" -in "$WORK/c.pem" -out "$WORK/me.p12" -passout env:BENCH_P12_PASSWORD

echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; $(java -version 2>&1 | head -1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# the first CLI run after a build unpacks the jar (docs/cli.md): not part of any measurement
java -jar "$JAR" --version > /dev/null

for n in $FILES; do
    python3 "$HERE/one-page-pdfs.py" "$n" "$WORK/in-$n"
    rm -rf "$WORK/out-kyso" "$WORK/out-dss"   # later runs overwrite the same outputs, on both sides
    hyperfine --style basic --runs "$RUNS" --export-json "$WORK/h-$n.json" \
        -n kyso "java -jar $JAR sign --key $WORK/me.p12 --key-password-env BENCH_P12_PASSWORD --level B --out-dir $WORK/out-kyso $WORK/in-$n/*.pdf > /dev/null" \
        -n dss "java -cp $DSS_CP DssSignLoop $WORK/me.p12 BENCH_P12_PASSWORD $WORK/out-dss $WORK/in-$n/*.pdf"
    for side in kyso dss; do
        f=$(ls "$WORK/out-$side" | sort | tail -1)
        pdfsig "$WORK/out-$side/$f" | grep -q "Signature is Valid" || { echo "$side: pdfsig does not accept $f" >&2; exit 1; }
        qpdf --check "$WORK/out-$side/$f" > /dev/null || { echo "$side: qpdf --check fails on $f" >&2; exit 1; }
        [ "$(ls "$WORK/out-$side" | wc -l)" -eq "$n" ] || { echo "$side: not every file signed" >&2; exit 1; }
    done
    python3 - "$WORK/h-$n.json" "$n" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
k, d = r["kyso"]["median"], r["dss"]["median"]
print(f"{sys.argv[2]} files: kyso median {k:.2f} s (min {r['kyso']['min']:.2f}), "
      f"DSS median {d:.2f} s (min {r['dss']['min']:.2f}); kyso is {d / k:.2f}x DSS")
PY
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
