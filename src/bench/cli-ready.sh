#!/usr/bin/env bash
# Gets the CLI of JAR ready to be measured, as a user's second run after a build finds it: the
# first CLI run unpacks the jar and then makes the class-data-sharing archive in the background
# (docs/cli.md), once per build. Runs that first run and waits (up to 4 minutes) for the archive;
# prints the CPU model and the JDK. Used by cli-vs-dss.sh and signing-core/bench/verify-vs-dss.sh.
# Usage: bash src/bench/cli-ready.sh JAR
set -euo pipefail
echo "CPU: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores; $(java -version 2>&1 | head -1)"
java -jar "$1" --version > /dev/null
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/kyso"
for _ in $(seq 1 240); do
    # the first run with the archive leaves the way to start the command's JVM directly (cli.launch,
    # vn.kyso.launch.FastCli): every later run, as a user's, takes it
    ls "$CACHE"/cli-*/cli.jsa > /dev/null 2>&1 && { java -jar "$1" help > /dev/null; exit 0; }
    sleep 1
done
echo "warning: no class-data-sharing archive yet; kyso runs without it" >&2
