#!/usr/bin/env bash
# Shared set-up: a virtual environment in .venv with the project installed (again only
# when pyproject.toml changed, so a complete .venv needs no network).
# Usage: source scripts/setup.sh [EXTRAS]   (EXTRAS e.g. "test")
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${PYTHON:-python3}"
# shellcheck source=scripts/lib.sh
source "$here/scripts/lib.sh"

command -v "$python" >/dev/null 2>&1 || { echo "error: $python is missing: install Python 3.10 or newer" >&2; exit 1; }
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 10))' \
  || { echo "error: Python 3.10 or newer is needed ($("$python" --version))" >&2; exit 1; }
"$python" -c 'import venv, ensurepip' 2>/dev/null || need_system "python3 -m venv" python3-venv

if [ ! -x "$here/.venv/bin/python" ]; then
  "$python" -m venv "$here/.venv"
fi
install_project "$here" "${1:-}"
