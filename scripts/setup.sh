#!/usr/bin/env bash
# Shared set-up: a virtual environment in .venv with the project installed.
# Usage: source scripts/setup.sh [EXTRAS]   (EXTRAS e.g. "test")
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${PYTHON:-python3}"

need_system() {   # need_system COMMAND "DEBIAN_PACKAGES": install them as root, else say what is missing
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing $2 (for $1)" >&2
    # shellcheck disable=SC2086  # $2 is a list of package names
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $2) >/dev/null \
      || { echo "error: could not install the Debian package $2 (needed for $1)" >&2; return 1; }
  else
    echo "error: '$1' is missing: install the Debian package $2 (sudo apt-get install $2)" >&2
    return 1
  fi
}

command -v "$python" >/dev/null 2>&1 || { echo "error: $python is missing: install Python 3.10 or newer" >&2; exit 1; }
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 10))' \
  || { echo "error: Python 3.10 or newer is needed ($("$python" --version))" >&2; exit 1; }
"$python" -c 'import venv, ensurepip' 2>/dev/null || need_system "python3 -m venv" python3-venv

if [ ! -x "$here/.venv/bin/python" ]; then
  "$python" -m venv "$here/.venv"
fi
extras="${1:-}"
target="$here"
[ -n "$extras" ] && target="$here[$extras]"
"$here/.venv/bin/python" -m pip install -q --upgrade pip >/dev/null
"$here/.venv/bin/python" -m pip install -q -e "$target"
