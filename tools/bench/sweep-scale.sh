#!/usr/bin/env bash
# How one SweepFunction invocation grows with the estate (a benchmark, not a test): for each size, a fresh local AWS
# seeded with ENDPOINTS Interface endpoints in ENDPOINTS/100 VPCs (one in ten single-AZ), then the sweep in alert mode
# and in remediate mode, each measured for time, calls per operation, peak heap, alert sizes and the result's size.
# Usage: tools/bench/sweep-scale.sh [ENDPOINTS...]   (default 500 2000 10000)
# The JVM runs as Lambda's java21 runtime runs a 1024 MB function: serial GC, C1 only, heap at 85% (870 MB).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
cli=functions/cli
mvn -B -q -ntp -DskipTests -pl "$cli" -am install dependency:build-classpath \
  -Dmdep.outputFile="$root/target/bench-classpath.txt" -DincludeScope=test
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(500 2000 10000)
for n in "${sizes[@]}"; do
  java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx870m -Dlog4j2.configurationFile=log4j2-cli.xml \
    -Dendpointguard.home="$root" \
    -cp "$cli/target/test-classes:$cli/target/classes:$(cat target/bench-classpath.txt)" \
    dev.endpointguard.bench.SweepScaleBenchmark "$n"
done
