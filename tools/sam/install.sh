#!/usr/bin/env bash
# Installs the pinned AWS SAM CLI, with its dependencies pinned (constraints.txt), from PyPI into a virtual environment
# outside the repository and prints the path of `sam`.
# Idempotent: an existing venv with the pinned version is reused.
# Usage: tools/sam/install.sh   (SAM_CLI_VERSION, PYTHON and SAM_VENV may be overridden from the environment)
# The venv lives in ${XDG_CACHE_HOME:-~/.cache}/endpoint-guard/sam-venv: `sam build` copies the whole CodeUri folder
# (the repository) before building, and a venv inside it would add about 15 s to every build.
set -euo pipefail

SAM_CLI_VERSION="${SAM_CLI_VERSION:-1.170.0}"
PYTHON="${PYTHON:-python3.11}"

venv="${SAM_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/endpoint-guard/sam-venv}"
sam="$venv/bin/sam"

if ! command -v "$PYTHON" >/dev/null 2>&1; then
  PYTHON=python3
fi

if [[ -x "$sam" ]] && "$venv/bin/python" -m pip show aws-sam-cli 2>/dev/null | grep -qx "Version: $SAM_CLI_VERSION"; then
  echo "$sam"
  exit 0
fi

# Every dependency pinned too (constraints.txt next to this script), pip included; a SAM_CLI_VERSION other than the
# one the file was made for installs without it, with what PyPI serves.
constraints=()
if grep -qx "aws-sam-cli==$SAM_CLI_VERSION" "$(dirname "${BASH_SOURCE[0]}")/constraints.txt"; then
  constraints=(-c "$(dirname "${BASH_SOURCE[0]}")/constraints.txt")
fi
mkdir -p "$(dirname "$venv")"
"$PYTHON" -m venv "$venv" >&2
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${constraints[@]}" --upgrade pip >&2
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${constraints[@]}" \
  "aws-sam-cli==$SAM_CLI_VERSION" >&2
"$sam" --version >&2
echo "$sam"
