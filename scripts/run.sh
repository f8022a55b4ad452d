#!/usr/bin/env bash
# Set up (once) and run the main job: every document in raw/ into processed/.
# Extra arguments go to `charter run` (e.g. --jobs 2 --strict).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$here/scripts/setup.sh" ""   # no extras (a bare `source` would pass this script's arguments on)
cd "$here"
exec .venv/bin/python -m pipeline run raw/ -o processed/ "$@"
