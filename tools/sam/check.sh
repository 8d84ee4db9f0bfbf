#!/usr/bin/env bash
# Checks the deployment artifact the way a user builds it: cfn-lint, `sam validate --lint`, `sam build` (no
# container), then that the build output holds every handler class of template.yaml and its runtime jars.
# Usage: tools/sam/check.sh
set -euo pipefail

if (( $# > 0 )); then
  echo "usage: $0" >&2; exit 2
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

# SAM needs a Region and credentials to run at all; nothing here calls AWS.
export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-us-east-1}"
export AWS_REGION="${AWS_REGION:-$AWS_DEFAULT_REGION}"
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-testing}"
export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-testing}"
export SAM_CLI_TELEMETRY=0

sam="$(tools/sam/install.sh)"
cfn_lint="$(dirname "$sam")/cfn-lint"
if command -v cfn-lint >/dev/null 2>&1; then
  cfn_lint="cfn-lint"
fi

step() {
  local name="$1"; shift
  local start=$SECONDS
  echo "== $name"
  "$@"
  echo "   $name: ok in $((SECONDS - start)) s"
}

step "cfn-lint" "$cfn_lint" template.yaml
step "sam validate --lint" "$sam" validate --lint --template template.yaml
step "sam build" "$sam" build --template template.yaml

# Handler class -> logical id, read from template.yaml (one line per function: "LogicalId Handler").
functions="$(python3 - <<'PY'
import re
lines = open("template.yaml", encoding="utf-8").read().splitlines()
current = None
for line in lines:
    m = re.match(r"^  ([A-Za-z0-9]+):\s*$", line)
    if m:
        current = m.group(1)
    m = re.match(r"^      Handler:\s*(\S+)\s*$", line)
    if m and current:
        print(current, m.group(1))
PY
)"
[[ -n "$functions" ]] || { echo "no functions found in template.yaml" >&2; exit 1; }

failed=0
while read -r logical_id handler; do
  dir=".aws-sam/build/$logical_id"
  if [[ ! -d "$dir" ]]; then
    echo "MISSING build output $dir" >&2; failed=1; continue
  fi
  jars=$(find "$dir/lib" -maxdepth 1 -name '*.jar' 2>/dev/null | wc -l)
  if (( jars == 0 )); then
    echo "MISSING $dir/lib/*.jar" >&2; failed=1
  fi
  if [[ ! -d "$dir/dev/endpointguard" ]]; then
    echo "MISSING compiled classes under $dir/dev/endpointguard" >&2; failed=1
  fi
  class="${handler%%::*}"
  class_file="$dir/${class//.//}.class"
  if [[ ! -f "$class_file" ]]; then
    echo "MISSING handler class $class_file" >&2; failed=1
  fi
  echo "   $logical_id: $jars jars in lib/, $(du -sh "$dir" | cut -f1) total, handler $class$([[ -f "$class_file" ]] && echo ' present' || echo ' absent')"
done <<< "$functions"

if (( failed )); then
  echo "build output check FAILED" >&2
  exit 1
fi
echo "build output check: ok"
