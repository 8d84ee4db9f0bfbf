#!/usr/bin/env bash
# Sweep throughput benchmark (not a test): the pure engine, then SweepFunction end to end on the local AWS.
# Usage: tools/bench/sweep.sh [ENDPOINTS]   (default 500; the engine part uses 4x as many, in memory)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
cli=functions/cli
mvn -B -q -ntp -DskipTests -pl "$cli" -am package dependency:build-classpath \
  -Dmdep.outputFile="$root/target/bench-classpath.txt" -DincludeScope=test
java -Dlog4j2.configurationFile=log4j2-cli.xml -Dendpointguard.home="$root" \
  -cp "$cli/target/test-classes:$cli/target/classes:$(cat target/bench-classpath.txt)" \
  dev.endpointguard.bench.SweepBenchmark "${1:-500}"
