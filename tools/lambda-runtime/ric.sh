#!/usr/bin/env bash
# Copies the Lambda runtime interface client and its dependencies into a folder outside the repository (`sam build`
# copies the repository) and prints that folder. Idempotent.
# Usage: tools/lambda-runtime/ric.sh   (RIC_DIR may override the folder)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="${RIC_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/endpoint-guard/lambda-runtime-client}"
if ! ls "$dir"/aws-lambda-java-runtime-interface-client-*.jar >/dev/null 2>&1; then
  mkdir -p "$dir"
  copy=(-f "$here/pom.xml" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$dir")
  # Offline first: a local repository that holds it needs no registry.
  mvn -B -ntp -q -o "${copy[@]}" >&2 2>/dev/null || mvn -B -ntp -q "${copy[@]}" >&2
fi
echo "$dir"
