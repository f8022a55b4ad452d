#!/usr/bin/env bash
# Functions the set-up scripts share (sourced, never run): system tools and the project install.

need_system() {   # need_system COMMAND "DEBIAN_PACKAGES": install them as root, else say what is missing and fail
  command -v "$1" >/dev/null 2>&1 && return 0
  if can_install; then
    echo "installing $2 (for $1)" >&2
    # shellcheck disable=SC2086  # $2 is a list of package names
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $2) >/dev/null \
      || { echo "error: could not install the Debian package $2 (needed for $1)" >&2; return 1; }
  else
    echo "error: '$1' is missing: install the Debian package $2 (sudo apt-get install $2)" >&2
    return 1
  fi
}

want_system() {   # want_system COMMAND "DEBIAN_PACKAGES": like need_system, but a missing tool only skips its tests
  command -v "$1" >/dev/null 2>&1 && return 0
  if can_install && need_system "$1" "$2"; then
    return 0
  fi
  echo "note: '$1' is missing: the tests that need it are skipped (apt-get install $2)" >&2
}

can_install() {   # root with apt-get, unless CHARTER_NO_INSTALL is set
  [ -z "${CHARTER_NO_INSTALL:-}" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1
}

project_stamp() {   # project_stamp DIR: what an install depends on (the project file and the Python)
  { cat "$1/pyproject.toml"; "$1/.venv/bin/python" -c 'import sys; print(sys.version)'; } | sha256sum | cut -d' ' -f1
}

install_project() {   # install_project DIR [EXTRAS]: pip install -e, only when pyproject.toml changed since the last one
  local dir="$1" extras="${2:-}" stamp want
  stamp="$dir/.venv/.installed-${extras:-base}"
  want="$(project_stamp "$dir")"
  if [ "$(cat "$stamp" 2>/dev/null)" = "$want" ] \
     && "$dir/.venv/bin/python" -c 'import importlib.metadata as m; m.version("charter-pipeline")' 2>/dev/null; then
    return 0    # installed from this very pyproject.toml: nothing to fetch (works offline)
  fi
  "$dir/.venv/bin/python" -m pip install -q --upgrade pip >/dev/null
  "$dir/.venv/bin/python" -m pip install -q -e "$dir${extras:+[$extras]}"
  echo "$want" > "$stamp"
  # The test extra holds every other: its install serves a plain run too.
  [ "$extras" = test ] && echo "$want" > "$dir/.venv/.installed-base"
  return 0
}
