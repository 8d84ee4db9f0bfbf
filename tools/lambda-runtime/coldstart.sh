#!/usr/bin/env bash
# Cold-start benchmark (not a test): the `sam build` output of SweepFunction under the Lambda runtime interface
# client, from process start to the first response, RUNS times per mode, against a local AWS seeded with one VPC and
# one endpoint. Prints a table (median, min, max, in ms) of:
#   init   process start -> the runtime client asks for the first event (JVM start, handler constructor, hooks)
#   first  process start -> the first response (what a cold invocation costs without SnapStart)
#   invoke the first event served -> its response (with SnapStart: what remains after the restore)
#   rss    the process's peak resident memory after the response (MB)
# Usage: tools/lambda-runtime/coldstart.sh [RUNS] [MODE...]   (RUNS defaults to 7; modes below, default all)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=lambda.sh
source "$ROOT/tools/lambda-runtime/lambda.sh"
cd "$ROOT"

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
)
ORDER=(plain primed snapstart-hook full-jit mem-512 mem-2048)
if (( $# > 0 )); then
  ORDER=("$@")
fi

FUNCTION=SweepFunction
HANDLER=dev.endpointguard.handler.SweepHandler::handleRequest
BUILD="$ROOT/.aws-sam/build/$FUNCTION"
[[ -d "$BUILD/lib" ]] || tools/sam/check.sh

work="$(mktemp -d "${TMPDIR:-/tmp}/endpoint-guard-coldstart.XXXXXX")"
trap 'stop_started; rm -rf "$work"' EXIT

ric_setup
start_local_aws "$work"
"$LOCAL_AWS_PYTHON" tools/lambda-runtime/seed.py "http://127.0.0.1:$LOCAL_AWS_PORT" >/dev/null
local_aws_pid="${STARTED_PIDS[0]}"

echo "package: $(du -sh "$BUILD" | cut -f1), $(find "$BUILD/lib" -name '*.jar' | wc -l) jars; java: $(java -version 2>&1 | head -1)"
echo "cores: $(nproc); runs per mode: $RUNS"
printf '%-16s %6s | %-20s | %-20s | %-20s | %-14s\n' mode memMB "init med (min-max)" "first med (min-max)" \
  "invoke med (min-max)" "rss MB med"

one_run() { # mode memory env... -- flags... ; prints "init first invoke rss"
  local dir="$1"; shift
  local memory="$1"; shift
  FUNCTION_ENV=()
  while [[ "$1" != "--" ]]; do FUNCTION_ENV+=("$1"); shift; done
  shift
  mkdir -p "$dir"
  start_runtime_api "$dir" 60 events/schedule-sweep.json
  local start_ns
  start_ns=$(date +%s%N)
  start_function "$dir" "$BUILD" "$HANDLER" "$memory" "$@"
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

for mode in "${ORDER[@]}"; do
  spec="${MODES[$mode]:?unknown mode $mode}"
  read -r -a parts <<< "$spec"
  inits=(); firsts=(); invokes=(); rsss=()
  # One unmeasured run warms the page cache and the local AWS.
  one_run "$work/$mode-warmup" "${parts[@]}" >/dev/null
  for ((i = 1; i <= RUNS; i++)); do
    read -r init first invoke rss < <(one_run "$work/$mode-$i" "${parts[@]}")
    inits+=("$init"); firsts+=("$first"); invokes+=("$invoke"); rsss+=("$rss")
  done
  printf '%-16s %6s | %-20s | %-20s | %-20s | %-14s\n' "$mode" "${parts[0]}" "$(stats "${inits[@]}")" \
    "$(stats "${firsts[@]}")" "$(stats "${invokes[@]}")" "$(stats "${rsss[@]}" | cut -d' ' -f1)"
done
