#!/usr/bin/env bash
# Proves that the artifact Lambda would run actually runs: the `sam build` output of SweepFunction under the real
# Lambda runtime interface client, against a local Runtime API (runtime_api.py) and a local AWS seeded with one
# single-AZ Interface endpoint. Sends events/schedule-sweep.json twice (a cold and a warm invocation) and checks
# both answers; then starts the function again as SnapStart does (AWS_LAMBDA_INITIALIZATION_TYPE=snap-start: the
# runtime client runs every beforeCheckpoint hook, then asks for the restore) and checks that it restores and answers. Exits non-zero on any mismatch; stops everything it started.
# Usage: tools/lambda-runtime/prove.sh [--build]
#   --build  run tools/sam/check.sh first even when .aws-sam/build exists (CI runs check.sh just before)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=lambda.sh
source "$ROOT/tools/lambda-runtime/lambda.sh"
cd "$ROOT"

build=false
for arg in "$@"; do
  case "$arg" in
    --build) build=true ;;
    *) echo "usage: $0 [--build]" >&2; exit 2 ;;
  esac
done

FUNCTION=SweepFunction
HANDLER=dev.endpointguard.handler.SweepHandler::handleRequest
BUILD="$ROOT/.aws-sam/build/$FUNCTION"
if [[ "$build" == true || ! -d "$BUILD/lib" ]]; then
  tools/sam/check.sh
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/endpoint-guard-prove.XXXXXX")"
finish() {
  local rc=$?
  stop_started
  if (( rc != 0 )); then
    echo "--- function stdout (last 40 lines)" >&2; tail -40 "$work/function.out" 2>/dev/null >&2 || true
    echo "--- function stderr (last 40 lines)" >&2; tail -40 "$work/function.err" 2>/dev/null >&2 || true
    echo "--- runtime API" >&2; tail -20 "$work/runtime-api.err" 2>/dev/null >&2 || true
    echo "prove: FAILED (files in $work)" >&2
  else
    rm -rf "$work"
  fi
  exit "$rc"
}
trap finish EXIT

echo "== runtime client"
ric_setup
echo "   $(find "$RIC_DIR" -maxdepth 1 -name '*.jar' -printf '%f ' )"

echo "== local AWS"
start_local_aws "$work"
read -r endpoint vpc < <("$LOCAL_AWS_PYTHON" tools/lambda-runtime/seed.py "http://127.0.0.1:$LOCAL_AWS_PORT")
echo "   port $LOCAL_AWS_PORT; seeded $vpc with single-AZ endpoint $endpoint"

echo "== $FUNCTION under the runtime client"
start_runtime_api "$work" 90 events/schedule-sweep.json events/schedule-sweep.json
FUNCTION_ENV=()
start=$(date +%s%N)
start_function "$work" "$BUILD" "$HANDLER" 1024
wait_for_file "$work/answers/1.json" 60 || { echo "no answer to the first event within 60 s" >&2; exit 1; }
first_ms=$(( ($(date +%s%N) - start) / 1000000 ))
wait_for_file "$work/answers/2.json" 30 || { echo "no answer to the second event within 30 s" >&2; exit 1; }
api_rc=0
wait "$RUNTIME_API_PID" || api_rc=$?
(( api_rc == 0 )) || { echo "runtime API exited $api_rc" >&2; exit 1; }
echo "   first response after $first_ms ms (process start to response, cold)"

python3 - "$work/answers" "$endpoint" "$vpc" <<'PY'
import json, os, sys

answers, endpoint, vpc = sys.argv[1], sys.argv[2], sys.argv[3]
failures = []

def check(cond, what):
    if not cond:
        failures.append(what)

for n in (1, 2):
    record = json.load(open(os.path.join(answers, "%d.json" % n)))
    check(record["kind"] == "response", "event %d: answered with %s: %s" % (n, record["kind"], record["body"][:500]))
    if record["kind"] != "response":
        continue
    result = json.loads(record["body"])
    # The result lists the findings (NON_COMPLIANT evaluations) and counts every evaluation by status.
    findings = result["findings"]
    by_rule = {(e["rule"], e["resourceId"]): e for e in findings}
    by_status = result["summary"]["byStatus"]
    check(result["status"] == "done", "event %d: status %r, expected 'done'" % (n, result["status"]))
    check(result["function"] == "SweepFunction", "event %d: function %r" % (n, result["function"]))
    # One endpoint (four endpoint rules) and its VPC (one VPC rule).
    check(result["summary"]["evaluated"] == 5, "event %d: evaluated %r, expected 5" % (n, result["summary"]["evaluated"]))
    check(sum(by_status.values()) == 5, "event %d: byStatus %r, expected 5 in all" % (n, by_status))
    check(len(findings) == by_status.get("NON_COMPLIANT", 0),
          "event %d: %d findings listed, %r NON_COMPLIANT counted" % (n, len(findings), by_status.get("NON_COMPLIANT")))
    single_az = by_rule.get(("single-az-endpoint", endpoint))
    check(single_az is not None and single_az["status"] == "NON_COMPLIANT",
          "event %d: single-az-endpoint on %s: %r, expected NON_COMPLIANT" % (n, endpoint, single_az))
    check(single_az is not None and single_az["outcome"] == "PLANNED",
          "event %d: single-az-endpoint outcome %r, expected PLANNED (alert mode)" % (n, single_az and single_az["outcome"]))
    check(("vpc-dns-disabled", vpc) not in by_rule,
          "event %d: vpc-dns-disabled on %s is a finding, expected COMPLIANT" % (n, vpc))
    check(result["summary"]["applied"] == 0, "event %d: applied %r in alert mode" % (n, result["summary"]["applied"]))
    check(result["problems"] == [], "event %d: problems %r" % (n, result["problems"]))
    print("   event %d: status %s, evaluated %d, non-compliant %d, single-az-endpoint %s %s"
          % (n, result["status"], result["summary"]["evaluated"], result["summary"]["nonCompliant"],
             single_az and single_az["status"], single_az and single_az["outcome"]))

if failures:
    print("\n".join("MISMATCH " + f for f in failures), file=sys.stderr)
    sys.exit(1)
PY
echo "== $FUNCTION as SnapStart starts it: checkpoint hooks, restore, then the event"
stop_started
start_local_aws "$work"
read -r endpoint vpc < <("$LOCAL_AWS_PYTHON" tools/lambda-runtime/seed.py "http://127.0.0.1:$LOCAL_AWS_PORT")
mkdir -p "$work/snapstart"
start_runtime_api "$work/snapstart" 90 events/schedule-sweep.json
FUNCTION_ENV=(AWS_LAMBDA_INITIALIZATION_TYPE=snap-start)
start_function "$work/snapstart" "$BUILD" "$HANDLER" 1024
if ! wait_for_file "$work/snapstart/answers/1.json" 60; then
  echo "no answer after the SnapStart hooks within 60 s" >&2
  tail -40 "$work/snapstart/function.err" "$work/snapstart/function.out" >&2
  exit 1
fi
[[ -f "$work/snapstart/answers/restore.json" ]] || { echo "the runtime client never asked for the restore" >&2; exit 1; }
grep -q '"message":"primed"' "$work/snapstart/function.out" || { echo "the priming hook did not run" >&2; exit 1; }
python3 - "$work/snapstart/answers/1.json" <<'PY'
import json, sys
record = json.load(open(sys.argv[1]))
if record["kind"] != "response":
    sys.exit("MISMATCH after restore: answered with %s: %s" % (record["kind"], record["body"][:500]))
result = json.loads(record["body"])
if result["status"] != "done" or result["summary"]["evaluated"] != 5:
    sys.exit("MISMATCH after restore: status %r, evaluated %r" % (result["status"], result["summary"]["evaluated"]))
print("   hooks ran (priming included), restored, then: status %s, evaluated %d"
      % (result["status"], result["summary"]["evaluated"]))
PY
echo "prove: ok"
