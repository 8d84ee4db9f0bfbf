#!/usr/bin/env bash
# Side-by-side benchmark (not a test): `bin/endpoint-guard scan --format json` against Cloud Custodian 0.9.53 running
# four aws.vpc-endpoint policies for the same problems (tools/bench/custodian-policies.yml), on the same local AWS.
#
# Usage: tools/bench/custodian.sh [--only endpoint-guard|custodian|sdk-floor]
# Environment:
#   ENDPOINTS (2000), VPCS (10)  the estate tools/bench/seed_estate.py makes: VPCS VPCs with subnets in 3 AZs and
#                                ENDPOINTS Interface endpoints, a fifth each single-AZ, with private DNS off, with the
#                                default full-access policy, with a group open to 0.0.0.0/0, and clean
#   ROUNDS (5)                   measured rounds, after one unmeasured round per tool; runs are interleaved
#                                (endpoint-guard, Custodian, endpoint-guard, ...) so load changes fall on both alike
#   ENDPOINT_GUARD_JAVA_OPTS     JVM flags for endpoint-guard (as bin/endpoint-guard takes them); JAVA_OPTS is used
#                                when it is unset
#   ENDPOINT_GUARD_CDS           off: endpoint-guard without its class-data-sharing archive (as bin/endpoint-guard)
#   SEED_THREADS (16)            client threads that create the endpoints
#
# What it does: installs c7n==0.9.53, its dependencies pinned (tools/bench/custodian-constraints.txt), into
# ${XDG_CACHE_HOME:-$HOME/.cache}/endpoint-guard/custodian-venv when it is missing (outside the repository); builds endpoint-guard (bin/endpoint-guard builds on first use) before any timing;
# starts the project's local AWS (moto with the launcher's patches) on a free loopback port and seeds the estate; then
# times each run from outside: wall clock, and client CPU = user + sys of the tool's process and every process it
# waited for (wait4's rusage), plus the local AWS's CPU and the requests it served during the run. Each run must
# succeed and find exactly the seeded problems (endpoint-guard's NON_COMPLIANT per rule, Custodian's resources per
# policy), or the benchmark stops. Prints the medians and the ratios endpoint-guard / Custodian.
#
# A third column, sdk-floor, is neither tool: tools/bench/floor/EndpointListFloor.java, the least a Java program on the
# AWS SDK for Java v2 does to see the estate at all (one EC2 client, DescribeVpcEndpoints in pages of 1,000, a count),
# run with the launcher's JVM options (and ENDPOINT_GUARD_JAVA_OPTS) and a class-data archive of its own made the same
# way (none with ENDPOINT_GUARD_CDS=off). It must count every seeded endpoint. It shows what the SDK and the JVM cost before any of endpoint-guard's own work.
set -euo pipefail
shopt -s inherit_errexit

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

C7N="c7n==0.9.53"
MOTO="moto[server]==5.2.1" # as dev.endpointguard.localaws.MotoInstall, with its pinned dependencies:
MOTO_CONSTRAINTS=functions/local-aws/src/main/resources/dev/endpointguard/localaws/moto-constraints.txt
ENDPOINTS="${ENDPOINTS:-2000}"
VPCS="${VPCS:-10}"
ROUNDS="${ROUNDS:-5}"
SEED_THREADS="${SEED_THREADS:-16}"
export ENDPOINT_GUARD_JAVA_OPTS="${ENDPOINT_GUARD_JAVA_OPTS:-${JAVA_OPTS:-}}"
TOOLS=(endpoint-guard custodian sdk-floor)

while (($# > 0)); do
  case "$1" in
    --only)
      [[ "${2:-}" == endpoint-guard || "${2:-}" == custodian || "${2:-}" == sdk-floor ]] || {
        echo "--only endpoint-guard|custodian|sdk-floor" >&2
        exit 2
      }
      TOOLS=("$2"); shift 2 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

say() { printf '%s\n' "$*" >&2; }
wants() { [[ " ${TOOLS[*]} " == *" $1 "* ]]; }

# --- the tools -----------------------------------------------------------------------------------------------------

# A Python that runs the local AWS, found as dev.endpointguard.localaws.MotoPython does; else the pinned moto is
# installed into .local-aws/venv as MotoInstall does (under the same lock file).
moto_python() {
  local candidate
  for candidate in "${ENDPOINT_GUARD_PYTHON:-}" "$ROOT/.local-aws/venv/bin/python" "$(command -v python3 || true)"; do
    if [[ -n "$candidate" && -x "$candidate" ]] &&
      "$candidate" -c "import moto, flask, werkzeug, boto3" 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  say "No local AWS (moto) found: installing $MOTO into .local-aws/venv (once, about a minute)..."
  mkdir -p "$ROOT/.local-aws"
  python3 - "$ROOT/.local-aws" "$MOTO" "$ROOT/$MOTO_CONSTRAINTS" <<'PY' >&2
import fcntl, os, subprocess, sys
home, moto, constraints = sys.argv[1], sys.argv[2], sys.argv[3]
venv_python = os.path.join(home, "venv", "bin", "python")
with open(os.path.join(home, ".install.lock"), "w") as lock:
    fcntl.lockf(lock, fcntl.LOCK_EX)  # the lock MotoInstall takes (a POSIX lock, as Java's FileLock is)
    # Another build may have installed it while this one waited for the lock.
    if not os.path.exists(venv_python) or subprocess.run([venv_python, "-c", "import moto"]).returncode != 0:
        subprocess.run([sys.executable, "-m", "venv", os.path.join(home, "venv")], check=True)
        subprocess.run([os.path.join(home, "venv", "bin", "pip"), "install", "-q", "-c", constraints, moto],
                       check=True)
PY
  echo "$ROOT/.local-aws/venv/bin/python"
}

# Custodian in its own virtual environment outside the repository.
custodian_bin() {
  local venv="${XDG_CACHE_HOME:-$HOME/.cache}/endpoint-guard/custodian-venv"
  if [[ "$("$venv/bin/custodian" version 2>/dev/null || true)" != "${C7N#c7n==}" ]]; then
    say "Installing $C7N into $venv (once)..."
    rm -rf "$venv"
    mkdir -p "$(dirname "$venv")"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q -c tools/bench/custodian-constraints.txt "$C7N" >&2
  fi
  echo "$venv/bin/custodian"
}

# --- the local AWS -------------------------------------------------------------------------------------------------

work="$(mktemp -d "${TMPDIR:-/tmp}/endpoint-guard-custodian.XXXXXX")"
local_aws_pid=""
cleanup() {
  if [[ -n "$local_aws_pid" ]]; then
    kill "$local_aws_pid" 2>/dev/null || true
    wait "$local_aws_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

python="$(moto_python)"
if wants custodian; then custodian="$(custodian_bin)"; fi
if wants endpoint-guard || wants sdk-floor; then
  bin/endpoint-guard --version >/dev/null # builds on first use or after source changes, not inside a timed run
fi

"$python" functions/local-aws/src/main/resources/dev/endpointguard/localaws/moto_launcher.py --host 127.0.0.1 --port 0 \
  >"$work/local-aws.out" 2>"$work/local-aws.err" &
local_aws_pid=$!
for _ in $(seq 300); do
  grep -q '^READY [0-9]' "$work/local-aws.out" 2>/dev/null && break
  kill -0 "$local_aws_pid" 2>/dev/null || break
  sleep 0.1
done
port="$(sed -n 's/^READY \([0-9]*\)$/\1/p' "$work/local-aws.out")"
[[ -n "$port" ]] || { say "local AWS did not start:"; tail -20 "$work/local-aws.err" >&2; exit 1; }
url="http://127.0.0.1:$port"

say "Seeding $ENDPOINTS Interface endpoints in $VPCS VPCs at $url..."
"$python" tools/bench/seed_estate.py "$url" "$ENDPOINTS" "$VPCS" "$SEED_THREADS" >"$work/estate.json"
say "  $(cat "$work/estate.json")"

# Both tools see only the local AWS and dummy credentials; Custodian's boto3 takes the endpoint from AWS_ENDPOINT_URL.
# Custodian asks STS for the account in the default region, not --region's: without AWS_DEFAULT_REGION it goes on
# with no account, and its cross-account filter then reports every policy bounded to the account.
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_SESSION_TOKEN=testing
export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 AWS_ENDPOINT_URL="$url"
unset AWS_PROFILE
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null

# The SDK floor: compiled against the CLI's own class path; its archive made by one run of it, as the launcher's is.
# It takes the launcher's JVM options, ENDPOINT_GUARD_JAVA_OPTS after them, and no archive with ENDPOINT_GUARD_CDS=off,
# so that both columns always run on the same JVM settings.
# shellcheck disable=SC2206 # ENDPOINT_GUARD_JAVA_OPTS is a list of options
floor_jvm=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData ${ENDPOINT_GUARD_JAVA_OPTS:-})
if wants sdk-floor; then
  # A jar, not a folder: class-data sharing archives classes from jars only.
  floor_classpath="$work/floor.jar:$(cat target/cli/launch-classpath.txt)"
  mkdir -p "$work/floor"
  javac -nowarn -d "$work/floor" -cp "$floor_classpath" tools/bench/floor/EndpointListFloor.java
  jar cf "$work/floor.jar" -C "$work/floor" .
  if [[ "${ENDPOINT_GUARD_CDS:-on}" != off ]]; then
    java "${floor_jvm[@]}" -XX:ArchiveClassesAtExit="$work/floor.jsa" -Xlog:cds*=off -cp "$floor_classpath" \
      EndpointListFloor "$url" us-east-1 >/dev/null
    floor_jvm+=(-Xshare:auto -XX:SharedArchiveFile="$work/floor.jsa" -Xlog:cds*=off)
  fi
fi

# --- one run -------------------------------------------------------------------------------------------------------

# measure OUT ERR -- COMMAND...: prints "wall_s cpu_s exit local_aws_cpu_s requests".
measure() {
  local out="$1" err="$2"
  shift 3
  "$python" - "$out" "$err" "$local_aws_pid" "$work/local-aws.err" "$@" <<'PY'
import os, subprocess, sys, time
out, err, server, server_log, command = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
tick = os.sysconf("SC_CLK_TCK")

def server_cpu():  # utime + stime of the local AWS, all its threads
    fields = open(f"/proc/{server}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / tick

def served():  # werkzeug logs one line per request
    with open(server_log, "rb") as f:
        return sum(1 for line in f if b'" ' in line and b"HTTP/1.1" in line)

cpu0, requests0 = server_cpu(), served()
start = time.monotonic()
with open(out, "wb") as o, open(err, "wb") as e:
    child = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=o, stderr=e)
    # wait4 gives the child's rusage, which includes every descendant it waited for (bin/endpoint-guard execs java).
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
wall = time.monotonic() - start
time.sleep(0.05)  # the last request's log line
print("%.3f %.3f %d %.3f %d" % (wall, usage.ru_utime + usage.ru_stime, child.returncode,
                                server_cpu() - cpu0, served() - requests0))
PY
}

# check_findings TOOL DIR: the problems the run found must be exactly the seeded ones; prints them.
check_findings() {
  "$python" - "$1" "$2" "$work/estate.json" <<'PY'
import json, os, sys
tool, run, estate = sys.argv[1], sys.argv[2], json.load(open(sys.argv[3]))
seeded = estate["problems"]
if tool == "sdk-floor":
    counted = json.load(open(os.path.join(run, "out")))["endpoints"]
    if counted != estate["endpoints"]:
        sys.exit(f"sdk-floor counted {counted} endpoints, seeded {estate['endpoints']}")
    print(f"endpoints={counted}")
    sys.exit(0)
if tool == "endpoint-guard":
    names = {"single-az": "single-az-endpoint", "private-dns": "private-dns-disabled",
             "default-policy": "broad-endpoint-policy", "open-group": "broad-endpoint-security-group"}
    report = json.load(open(os.path.join(run, "out")))
    found = {p: sum(1 for e in report["evaluations"] if e["rule"] == rule and e["status"] == "NON_COMPLIANT")
             for p, rule in names.items()}
    other = report["summary"]["nonCompliant"] - sum(found.values())
else:
    names = {"single-az": "vpce-single-az", "private-dns": "vpce-private-dns-off",
             "default-policy": "vpce-broad-policy", "open-group": "vpce-open-security-group"}
    found = {p: len(json.load(open(os.path.join(run, "output", policy, "resources.json"))))
             for p, policy in names.items()}
    other = 0
line = " ".join("%s=%d" % (names[p], n) for p, n in found.items())
if any(seeded[p] == 0 for p in names):
    sys.exit(f"the estate has no endpoint with some problem ({seeded}): seed at least 5 endpoints")
if any(found[p] != seeded[p] for p in names) or other:
    sys.exit(f"{tool} found {line} (and {other} other), seeded {seeded}: the tools do not see the same problems")
print(line)
PY
}

# run_tool TOOL NAME: one run into $work/NAME; prints the measure line.
run_tool() {
  local tool="$1" dir="$work/$2" result rc
  mkdir -p "$dir"
  if [[ "$tool" == endpoint-guard ]]; then
    result="$(measure "$dir/out" "$dir/err" -- bin/endpoint-guard scan --endpoint-url "$url" --region us-east-1 \
      --format json)"
    rc="$(cut -d' ' -f3 <<<"$result")"
    # 3: NON_COMPLIANT findings remain, as seeded.
    [[ "$rc" == 3 ]] || { say "endpoint-guard exited $rc:"; tail -20 "$dir/err" >&2; exit 1; }
  elif [[ "$tool" == sdk-floor ]]; then
    result="$(measure "$dir/out" "$dir/err" -- java "${floor_jvm[@]}" -cp "$floor_classpath" EndpointListFloor "$url" \
      us-east-1)"
    rc="$(cut -d' ' -f3 <<<"$result")"
    [[ "$rc" == 0 ]] || { say "sdk-floor exited $rc:"; tail -20 "$dir/err" >&2; exit 1; }
  else
    result="$(measure "$dir/out" "$dir/err" -- "$custodian" run --cache-period 0 -s "$dir/output" \
      --region us-east-1 tools/bench/custodian-policies.yml)"
    rc="$(cut -d' ' -f3 <<<"$result")"
    [[ "$rc" == 0 ]] || { say "custodian exited $rc:"; tail -20 "$dir/err" >&2; exit 1; }
    # Custodian logs each policy's own time ("time:1.23"): the rest of the wall is its start and its output.
    result+=" $(grep -o 'time:[0-9.]*' "$dir/err" | awk -F: '{ s += $2 } END { printf "%.2f", s }')"
  fi
  check_findings "$tool" "$dir" >"$dir/findings" || exit 1
  echo "$result"
}

# --- the rounds ----------------------------------------------------------------------------------------------------

say "Tools: ${TOOLS[*]}; ROUNDS=$ROUNDS; ENDPOINT_GUARD_JAVA_OPTS='${ENDPOINT_GUARD_JAVA_OPTS}'" \
  "ENDPOINT_GUARD_CDS=${ENDPOINT_GUARD_CDS:-on}"
for tool in "${TOOLS[@]}"; do
  run_tool "$tool" "$tool-warmup" >/dev/null
  say "  warm-up $tool: $(cat "$work/$tool-warmup/findings")"
done
declare -A WALL=() CPU=() SERVER=() REQUESTS=() POLICIES=()
for ((round = 1; round <= ROUNDS; round++)); do
  for tool in "${TOOLS[@]}"; do
    result="$(run_tool "$tool" "$tool-$round")"
    read -r wall cpu _ server requests policies <<<"$result"
    WALL[$tool]+=" $wall"; CPU[$tool]+=" $cpu"; SERVER[$tool]+=" $server"; REQUESTS[$tool]+=" $requests"
    POLICIES[$tool]+=" ${policies:-}"
    line="  round $round $tool: wall ${wall}s, cpu ${cpu}s, local AWS cpu ${server}s, $requests requests"
    say "$line${policies:+, ${policies}s in its policies}"
    rm -rf "$work/$tool-$round"
  done
done

median() { "$python" -c 'import statistics, sys; print("%.2f" % statistics.median(map(float, sys.argv[1:])))' "$@"; }
range() { "$python" -c 'import sys; v = sorted(map(float, sys.argv[1:])); print("%.2f-%.2f" % (v[0], v[-1]))' "$@"; }

echo "estate: $ENDPOINTS Interface endpoints in $VPCS VPCs; $ROUNDS interleaved rounds; cores: $(nproc);" \
  "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
wants endpoint-guard &&
  echo "endpoint-guard: $(java -version 2>&1 | head -1)${ENDPOINT_GUARD_JAVA_OPTS:+, $ENDPOINT_GUARD_JAVA_OPTS}$(
    )${ENDPOINT_GUARD_CDS:+, ENDPOINT_GUARD_CDS=$ENDPOINT_GUARD_CDS}"
wants custodian && echo "custodian: $C7N, $("${custodian%/custodian}/python" --version)"
printf '%-15s | %-22s | %-22s | %-17s | %s\n' tool "wall s median (range)" "client CPU s (range)" \
  "local AWS CPU s" requests
for tool in "${TOOLS[@]}"; do
  # shellcheck disable=SC2086
  printf '%-15s | %-22s | %-22s | %-17s | %s\n' "$tool" "$(median ${WALL[$tool]}) ($(range ${WALL[$tool]}))" \
    "$(median ${CPU[$tool]}) ($(range ${CPU[$tool]}))" "$(median ${SERVER[$tool]})" \
    "$(median ${REQUESTS[$tool]} | cut -d. -f1)"
done
if wants custodian; then
  # shellcheck disable=SC2086
  echo "custodian: $(median ${POLICIES[custodian]}) s of its wall inside its four policies (its own log), the rest" \
    "is its start and its output"
fi
ratio() { # A B: medians of A over B, when both ran
  wants "$1" && wants "$2" || return 0
  # shellcheck disable=SC2086
  "$python" -c '
import statistics, sys
a, b, a_wall, a_cpu, b_wall, b_cpu = sys.argv[1:3] + [statistics.median(map(float, x.split())) for x in sys.argv[3:]]
print("%s / %s: wall %.2f, client CPU %.2f" % (a, b, a_wall / b_wall, a_cpu / b_cpu))
' "$1" "$2" "${WALL[$1]}" "${CPU[$1]}" "${WALL[$2]}" "${CPU[$2]}"
}
ratio endpoint-guard custodian
ratio sdk-floor custodian
ratio endpoint-guard sdk-floor
