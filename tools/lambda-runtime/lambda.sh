# Sourced by prove.sh and coldstart.sh: starts processes the way Lambda's java21 runtime does, and stops them.
# Every process started here is recorded in STARTED_PIDS and stopped by stop_started (by PID).

STARTED_PIDS=()

# The options Lambda's Java runtime starts the JVM with (serial GC, C1 only, CRaC hooks through the runtime
# client), minus the heap size, which follows the function's memory. JAVA_TOOL_OPTIONS adds to them, as on Lambda.
# https://docs.aws.amazon.com/lambda/latest/dg/java-customization.html
LAMBDA_JVM_FLAGS=(-XX:+UseSerialGC -XX:+TieredCompilation -XX:TieredStopAtLevel=1
  -Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac -Djava.net.preferIPv4Stack=true
  --add-opens=java.base/java.io=ALL-UNNAMED)

stop_started() {
  local pid
  for pid in "${STARTED_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${STARTED_PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  STARTED_PIDS=()
}

# wait_for_line FILE PATTERN SECONDS: waits until FILE has a line matching PATTERN; prints the line.
wait_for_line() {
  local file="$1" pattern="$2" seconds="$3" i
  for ((i = 0; i < seconds * 20; i++)); do
    if grep -m1 -E "$pattern" "$file" 2>/dev/null; then
      return 0
    fi
    sleep 0.05
  done
  return 1
}

# wait_for_file FILE SECONDS
wait_for_file() {
  local file="$1" seconds="$2" i
  for ((i = 0; i < seconds * 100; i++)); do
    [[ -f "$file" ]] && return 0
    sleep 0.01
  done
  return 1
}

# start_local_aws DIR: moto through the project's launcher on a free port; sets LOCAL_AWS_PORT, and LOCAL_AWS_PYTHON
# (the Python that has moto and boto3: python3, or the project's .local-aws/venv that .ci/run and the demo install).
start_local_aws() {
  local dir="$1" line
  LOCAL_AWS_PYTHON="python3"
  if [[ -x "$ROOT/.local-aws/venv/bin/python" ]] && ! python3 -c "import moto" 2>/dev/null; then
    LOCAL_AWS_PYTHON="$ROOT/.local-aws/venv/bin/python"
  fi
  "$LOCAL_AWS_PYTHON" "$ROOT/functions/local-aws/src/main/resources/dev/endpointguard/localaws/moto_launcher.py" \
    --host 127.0.0.1 --port 0 >"$dir/local-aws.out" 2>"$dir/local-aws.err" &
  STARTED_PIDS+=($!)
  line="$(wait_for_line "$dir/local-aws.out" '^READY [0-9]+' 30)" || {
    echo "local AWS did not start:" >&2; tail -20 "$dir/local-aws.err" >&2; return 1; }
  LOCAL_AWS_PORT="${line#READY }"
}

# start_runtime_api DIR TIMEOUT EVENT...: sets RUNTIME_API_PORT and RUNTIME_API_PID; answers land in DIR/answers.
start_runtime_api() {
  local dir="$1" timeout="$2" line
  shift 2
  local events=()
  local e
  for e in "$@"; do events+=(--event "$e"); done
  python3 "$ROOT/tools/lambda-runtime/runtime_api.py" "${events[@]}" --out "$dir/answers" --timeout "$timeout" \
    >"$dir/runtime-api.out" 2>"$dir/runtime-api.err" &
  RUNTIME_API_PID=$!
  STARTED_PIDS+=($RUNTIME_API_PID)
  line="$(wait_for_line "$dir/runtime-api.out" '^READY [0-9]+' 10)" || {
    echo "runtime API did not start:" >&2; tail -20 "$dir/runtime-api.err" >&2; return 1; }
  RUNTIME_API_PORT="${line#READY }"
}

# start_function DIR BUILD_DIR HANDLER MEMORY_MB [extra JVM flags...]: the runtime client over the build output,
# with the build output as the working directory (Lambda's /var/task) and not on the class path, as on Lambda.
# Needs RIC_CLASSPATH, RUNTIME_API_PORT, LOCAL_AWS_PORT; extra environment from FUNCTION_ENV (array of NAME=VALUE).
start_function() {
  local dir="$1" build="$2" handler="$3" memory="$4"
  shift 4
  # Lambda sizes the heap from the function's memory; about 85% here.
  local heap=$((memory * 85 / 100))
  (
    cd "$build"
    exec env -i PATH="$PATH" HOME="$HOME" LANG=C.UTF-8 TZ=UTC \
      AWS_LAMBDA_RUNTIME_API="127.0.0.1:$RUNTIME_API_PORT" \
      AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 \
      AWS_LAMBDA_FUNCTION_NAME="endpoint-guard-local" AWS_LAMBDA_FUNCTION_VERSION=1 \
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE="$memory" AWS_LAMBDA_LOG_FORMAT=JSON \
      AWS_LAMBDA_LOG_GROUP_NAME=/aws/lambda/endpoint-guard-local AWS_LAMBDA_LOG_STREAM_NAME=local \
      LAMBDA_TASK_ROOT="$build" LAMBDA_RUNTIME_DIR="$RIC_DIR" _HANDLER="$handler" \
      AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_SESSION_TOKEN=testing \
      AWS_ENDPOINT_URL="http://127.0.0.1:$LOCAL_AWS_PORT" \
      POWERTOOLS_SERVICE_NAME=endpoint-guard POWERTOOLS_METRICS_NAMESPACE=EndpointGuard \
      "${FUNCTION_ENV[@]}" \
      java "-Xmx${heap}m" "${LAMBDA_JVM_FLAGS[@]}" "$@" -cp "$RIC_CLASSPATH" \
      com.amazonaws.services.lambda.runtime.api.client.AWSLambda "$handler"
  ) >"$dir/function.out" 2>"$dir/function.err" &
  FUNCTION_PID=$!
  STARTED_PIDS+=($FUNCTION_PID)
}

# ric_setup: RIC_DIR and RIC_CLASSPATH (the runtime client's jars only: no trailing ':' that would put the working
# directory on the class path).
ric_setup() {
  RIC_DIR="$("$ROOT/tools/lambda-runtime/ric.sh")"
  RIC_CLASSPATH="$(find "$RIC_DIR" -maxdepth 1 -name '*.jar' | sort | paste -sd: -)"
  [[ -n "$RIC_CLASSPATH" ]] || { echo "no runtime client jars in $RIC_DIR" >&2; return 1; }
}
