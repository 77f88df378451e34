#!/usr/bin/env bash
# setup-notebooks.sh — install the notebook tooling into .venv/ (git-ignored) and check that the Java kernel runs.
#
#   tools/setup-notebooks.sh          # idempotent: does nothing when .venv matches tools/notebooks-requirements.txt
#   tools/setup-notebooks.sh --force  # rebuild .venv from scratch
#
# What it installs (pinned in tools/notebooks-requirements.txt): JJava (the Java kernel; its wheel puts the
# kernelspec `java` under .venv/share/jupyter/kernels/java), nbconvert, nbclient and jupyter-client for headless
# runs. The kernel starts `java` from PATH, which must be a JDK 17+ with the jdk.jshell module; it gets the lib
# from the notebook's first cell (`%load ntg-classpath.jsh`), or from JJAVA_CLASSPATH in the environment.
# Needs: python3 (3.9+) with the venv module (Debian: apt-get install python3-venv).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.venv"
req="$root/tools/notebooks-requirements.txt"
stamp="$venv/.ntg-requirements.sha256"
python="${PYTHON:-python3}"

say() { echo "setup-notebooks: $*" >&2; }

[ "${1:-}" = "--force" ] && rm -rf "$venv"

want="$(sha256sum "$req" | cut -d' ' -f1)"
if [ -x "$venv/bin/jupyter" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  say ".venv is up to date"
else
  command -v "$python" >/dev/null || { say "python3 not found: install Python 3.9+ (Debian: apt-get install python3 python3-venv)"; exit 2; }
  rm -rf "$venv"
  if ! "$python" -m venv "$venv"; then
    rm -rf "$venv"
    say "'$python -m venv' failed: install the venv module (Debian: apt-get install python3-venv) and run again"
    exit 2
  fi
  say "installing $(grep -cv '^#' "$req") pinned packages into .venv"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check --no-input -r "$req"
  echo "$want" > "$stamp"
fi

# The kernelspec: jupyter looks in <venv>/share/jupyter first, so the venv's own jupyter finds `java` there
# without registering it in the user's home.
spec="$venv/share/jupyter/kernels/java/kernel.json"
[ -f "$spec" ] || { say "JJava's kernelspec is missing at $spec: run with --force"; exit 2; }
"$venv/bin/jupyter" kernelspec list 2>/dev/null | grep -q "^ *java " \
  || { say "the venv's jupyter does not list the kernel 'java': run with --force"; exit 2; }

command -v java >/dev/null || { say "java not found on PATH: the kernel needs a JDK 17+"; exit 2; }
java --list-modules 2>/dev/null | grep -q '^jdk.jshell@' \
  || { say "$(command -v java) has no jdk.jshell module: the kernel needs a full JDK 17+ (not a JRE) as 'java' on PATH"; exit 2; }

say "ready: kernel 'java' at ${spec%/kernel.json}, JDK $(java -version 2>&1 | sed -n 1p)"
