#!/usr/bin/env bash
# Cold-start benchmark (not a test): the `sam build` output of SweepFunction under the Lambda runtime interface
# client, from process start to the first response, RUNS times per mode, against a local AWS seeded with one VPC and
# one endpoint. Prints a table (median, min, max, in ms) of:
#   init   process start -> the runtime client asks for the first event (JVM start, handler constructor, hooks)
#   first  process start -> the first response (what a cold invocation costs without SnapStart)
#   invoke the first event served -> its response (with SnapStart: what remains after the restore)
#   rss    the process's peak resident memory after the response (MB)
# The floor-* modes are references, not endpoint-guard: the same runtime client and the same jars with a handler that
# answers at once (floor-runtime), or that only builds an EC2 client and makes two calls (floor-ec2: no logging
# provider; floor-ec2-log4j: with the package's log4j binding and configuration). Their sources are in floor/.
# Runs are interleaved (run 1 of every mode, then run 2, ...) so that a change in the machine's load affects every
# mode alike; each mode first gets one unmeasured run.
# The build output is made afresh (tools/sam/check.sh) so that what is measured is the code checked out; with
# --reuse-build the existing .aws-sam/build is measured as it is.
# Usage: tools/lambda-runtime/coldstart.sh [--reuse-build] [RUNS] [MODE...]   (RUNS defaults to 7; modes below,
#        default all)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=lambda.sh
source "$ROOT/tools/lambda-runtime/lambda.sh"
cd "$ROOT"

reuse_build=false
if [[ "${1:-}" == "--reuse-build" ]]; then
  reuse_build=true
  shift
fi
RUNS="${1:-7}"
shift || true
# mode -> "memory env... -- jvm flags..."
declare -A MODES=(
  [plain]="1024 --"
  [primed]="1024 ENDPOINT_GUARD_PRIME=1 --"
  [snapstart-hook]="1024 AWS_LAMBDA_INITIALIZATION_TYPE=snap-start --"
  [full-jit]="1024 -- -XX:TieredStopAtLevel=4"
  [mem-512]="512 --"
  [mem-2048]="2048 --"
  [floor-runtime]="1024 --"
  [floor-ec2]="1024 --"
  [floor-ec2-log4j]="1024 --"
)
ORDER=(plain primed snapstart-hook full-jit mem-512 mem-2048 floor-runtime floor-ec2 floor-ec2-log4j)
if (( $# > 0 )); then
  ORDER=("$@")
fi

FUNCTION=SweepFunction
HANDLER=dev.endpointguard.handler.SweepHandler::handleRequest
BUILD="$ROOT/.aws-sam/build/$FUNCTION"
if [[ "$reuse_build" == false || ! -d "$BUILD/lib" ]]; then
  tools/sam/check.sh >&2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/endpoint-guard-coldstart.XXXXXX")"
trap 'stop_started; rm -rf "$work"' EXIT

# The floor handlers, compiled against the build's own jars; each floor gets a task root of links to those jars.
declare -A MODE_BUILD=() MODE_HANDLER=()
make_floor() { # mode handler-class with-log4j
  local root="$work/$1"
  mkdir -p "$root/lib"
  local jar
  for jar in "$BUILD"/lib/*.jar; do
    if [[ "$3" == no && "$(basename "$jar")" == *log4j-slf4j2-impl* ]]; then
      continue
    fi
    ln -s "$jar" "$root/lib/"
  done
  [[ "$3" == no ]] || cp "$BUILD/log4j2.xml" "$root/"
  cp "$work/floor-classes/"*.class "$root/"
  MODE_BUILD[$1]="$root"
  MODE_HANDLER[$1]="$2::handleRequest"
}
mkdir -p "$work/floor-classes"
javac -nowarn -d "$work/floor-classes" -cp "$BUILD/lib/*" tools/lambda-runtime/floor/*.java
make_floor floor-runtime RuntimeFloor no
make_floor floor-ec2 Ec2Floor no
make_floor floor-ec2-log4j Ec2Floor yes

ric_setup
start_local_aws "$work"
"$LOCAL_AWS_PYTHON" tools/lambda-runtime/seed.py "http://127.0.0.1:$LOCAL_AWS_PORT" >/dev/null
local_aws_pid="${STARTED_PIDS[0]}"

echo "package: $(du -sh "$BUILD" | cut -f1), $(find "$BUILD/lib" -name '*.jar' | wc -l) jars; java: $(java -version 2>&1 | head -1)"
echo "cores: $(nproc); runs per mode: $RUNS"
printf '%-16s %6s | %-20s | %-20s | %-20s | %-14s\n' mode memMB "init med (min-max)" "first med (min-max)" \
  "invoke med (min-max)" "rss MB med"

one_run() { # mode dir memory env... -- flags... ; prints "init first invoke rss"
  local mode="$1" dir="$2"; shift 2
  local memory="$1"; shift
  FUNCTION_ENV=()
  while [[ "$1" != "--" ]]; do FUNCTION_ENV+=("$1"); shift; done
  shift
  mkdir -p "$dir"
  start_runtime_api "$dir" 60 events/schedule-sweep.json
  local start_ns
  start_ns=$(date +%s%N)
  start_function "$dir" "${MODE_BUILD[$mode]:-$BUILD}" "${MODE_HANDLER[$mode]:-$HANDLER}" "$memory" "$@"
  wait_for_file "$dir/answers/1.json" 60 || { echo "no answer in $dir" >&2; tail -20 "$dir/function.out" >&2; return 1; }
  local rss
  rss=$(awk '/VmHWM/{print int($2/1024)}' "/proc/$FUNCTION_PID/status" 2>/dev/null || echo 0)
  kill "$FUNCTION_PID" 2>/dev/null || true
  wait "$FUNCTION_PID" 2>/dev/null || true
  wait "$RUNTIME_API_PID" 2>/dev/null || true
  STARTED_PIDS=("$local_aws_pid")
  python3 - "$dir/answers/1.json" "$start_ns" "$rss" <<'PY'
import json, sys
record = json.load(open(sys.argv[1]))
start = int(sys.argv[2]) / 1e9
if record["kind"] != "response" or json.loads(record["body"]).get("status") != "done":
    sys.exit("unexpected answer: " + record["body"][:300])
print("%d %d %d %s" % ((record["servedAt"] - start) * 1000, (record["answeredAt"] - start) * 1000,
                       (record["answeredAt"] - record["servedAt"]) * 1000, sys.argv[3]))
PY
}

stats() { # values... -> "median (min-max)"
  python3 -c 'import statistics,sys; v=sorted(int(x) for x in sys.argv[1:]); print("%d (%d-%d)" % (statistics.median(v), v[0], v[-1]))' "$@"
}

declare -A INITS=() FIRSTS=() INVOKES=() RSSS=()
for mode in "${ORDER[@]}"; do
  [[ -n "${MODES[$mode]:-}" ]] || { echo "unknown mode $mode" >&2; exit 2; }
  read -r -a parts <<< "${MODES[$mode]}"
  # One unmeasured run per mode warms the page cache and the local AWS.
  one_run "$mode" "$work/$mode-warmup" "${parts[@]}" >/dev/null
done
for ((i = 1; i <= RUNS; i++)); do
  for mode in "${ORDER[@]}"; do
    read -r -a parts <<< "${MODES[$mode]}"
    read -r init first invoke rss < <(one_run "$mode" "$work/$mode-$i" "${parts[@]}")
    INITS[$mode]+=" $init"; FIRSTS[$mode]+=" $first"; INVOKES[$mode]+=" $invoke"; RSSS[$mode]+=" $rss"
  done
done
for mode in "${ORDER[@]}"; do
  read -r -a parts <<< "${MODES[$mode]}"
  # shellcheck disable=SC2086
  printf '%-16s %6s | %-20s | %-20s | %-20s | %-14s\n' "$mode" "${parts[0]}" "$(stats ${INITS[$mode]})" \
    "$(stats ${FIRSTS[$mode]})" "$(stats ${INVOKES[$mode]})" "$(stats ${RSSS[$mode]} | cut -d' ' -f1)"
done
