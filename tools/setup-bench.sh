#!/usr/bin/env bash
# setup-bench.sh — install the bench's scipy reference (numpy + scipy, pinned in tools/bench-requirements.txt) into
# .venv/ (git-ignored; the notebooks' tooling shares it). Idempotent: does nothing when they are already installed.
# Never fatal: without Python the bench still runs and records the reference as unavailable, with the reason.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.venv"
req="$root/tools/bench-requirements.txt"
stamp="$venv/.ntg-bench-requirements.sha256"
python="${PYTHON:-python3}"

say() { echo "setup-bench: $*" >&2; }

want="$(sha256sum "$req" | cut -d' ' -f1)"
if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  say ".venv has the bench requirements"
  exit 0
fi
command -v "$python" >/dev/null || { say "python3 not found: the scipy reference will be recorded as unavailable"; exit 0; }
if [ ! -x "$venv/bin/python" ] && ! "$python" -m venv "$venv"; then
  rm -rf "$venv"
  say "'$python -m venv' failed (Debian: apt-get install python3-venv): the scipy reference will be recorded as unavailable"
  exit 0
fi
if "$venv/bin/python" -m pip install -q --disable-pip-version-check --no-input -r "$req"; then
  echo "$want" > "$stamp"
  say "installed $(grep -cv '^#' "$req") pinned packages into .venv"
else
  say "pip install failed: the scipy reference will be recorded as unavailable"
fi
