#!/usr/bin/env bash
# `kyso sign --level B --out-dir` against EU DSS signing the same files in one JVM (issue 16's
# first row): both as a user runs them, whole process (JVM start included), on N one-page PDFs
# with one RSA-2048 PKCS#12 key, RUNS times each, alternating, each run into a new output folder
# (as a user's batch into a new folder; both sides alike; old folders are deleted only at the end:
# on a file system without a journal, ext4 skips inodes freed in the last 30 s when it allocates
# new ones, so a mass deletion just before a run makes every file creation of that run slower, for
# kyso and DSS alike, by an amount that depends on the neighbours); prints the medians and the ratio, and
# checks that every file was signed and a sample of SAMPLE files of each side with pdfsig,
# qpdf --check and EU DSS's validation (TOTAL_PASSED, the signer's certificate as trust anchor).
# Needs: src/target/kyso.jar (mvn -B -q package -DskipTests), python3, openssl, pdfsig, qpdf,
# hyperfine (Debian), Maven (resolves DSS for the peer, once). Run on a quiet machine, or read the
# load averages it prints: both sides share whatever the machine has, interleaved.
# Settings: FILES ("1000 3000"), RUNS (5), DSS_VERSION (6.3), SAMPLE (20), JAR (src/target/kyso.jar).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR=${JAR:-$ROOT/src/target/kyso.jar}
SAMPLE=${SAMPLE:-20}
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
# the judge: DSS's validation, on its own class path so that the peer's stays as it is
(cd "$HERE/dss-check" && mvn -B -q dependency:build-classpath -Ddss.version="$DSS_VERSION" \
    -Dmdep.outputFile="$WORK/check.cp")
mkdir -p "$WORK/check-classes"
javac -d "$WORK/check-classes" -cp "$(cat "$WORK/check.cp")" "$HERE/dss-check/src/main/java/DssCheck.java"
CHECK_CP="$WORK/check-classes:$(cat "$WORK/check.cp")"

# one RSA-2048 key and certificate (digitalSignature, nonRepudiation)
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/k.pem" -out "$WORK/c.pem" -days 30 \
    -subj "/CN=Nguyen Van A/O=UBND tinh Ca Mau/C=VN" -addext "keyUsage=critical,digitalSignature,nonRepudiation" 2>/dev/null
export BENCH_P12_PASSWORD=Bench-Pass-1
openssl pkcs12 -export -inkey "$WORK/k.pem" -in "$WORK/c.pem" -out "$WORK/me.p12" -passout env:BENCH_P12_PASSWORD

bash "$HERE/cli-ready.sh" "$JAR"   # waits for the CLI's class-data-sharing archive, made once per build
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

for n in $FILES; do
    python3 "$HERE/one-page-pdfs.py" "$n" "$WORK/in-$n"
    echo "$n files, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    mkdir -p "$WORK/runs-$n"
    hyperfine --style basic --runs "$RUNS" --export-json "$WORK/h-$n.json" \
        -n kyso "o=\$(mktemp -d $WORK/runs-$n/kyso.XXXXXX) && ln -sfn \$o $WORK/out-kyso && java -jar $JAR sign --key $WORK/me.p12 --key-password-env BENCH_P12_PASSWORD --level B --out-dir \$o $WORK/in-$n/*.pdf > /dev/null" \
        -n dss "o=\$(mktemp -d $WORK/runs-$n/dss.XXXXXX) && ln -sfn \$o $WORK/out-dss && java -cp $DSS_CP DssSignLoop $WORK/me.p12 BENCH_P12_PASSWORD \$o $WORK/in-$n/*.pdf"
    echo "$n files, load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    for side in kyso dss; do
        [ "$(ls "$WORK/out-$side/" | wc -l)" -eq "$n" ] || { echo "$side: not every file signed" >&2; exit 1; }
        sample=$(ls "$WORK/out-$side/" | sort | awk -v n="$n" -v k="$SAMPLE" 'NR == 1 || NR == n || NR % int(n / k + 1) == 0')
        for f in $sample; do
            pdfsig "$WORK/out-$side/$f" | grep -q "Signature is Valid" || { echo "$side: pdfsig does not accept $f" >&2; exit 1; }
            qpdf --check "$WORK/out-$side/$f" > /dev/null || { echo "$side: qpdf --check fails on $f" >&2; exit 1; }
        done
        (cd "$WORK/out-$side" && java -cp "$CHECK_CP" DssCheck "$WORK/c.pem" $sample) \
            || { echo "$side: DSS does not pass every file of the sample" >&2; exit 1; }
    done
    rm -rf "$WORK/runs-$n" "$WORK/out-kyso" "$WORK/out-dss"
    python3 - "$WORK/h-$n.json" "$n" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
k, d = r["kyso"]["median"], r["dss"]["median"]
print(f"{sys.argv[2]} files: kyso median {k:.2f} s (min {r['kyso']['min']:.2f}), "
      f"DSS median {d:.2f} s (min {r['dss']['min']:.2f}); kyso is {d / k:.2f}x DSS")
PY
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
