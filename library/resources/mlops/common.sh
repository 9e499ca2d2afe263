#!/bin/sh
# Prepended by mlopsScript to every library script: strict mode and small helpers.
# Inputs arrive only as MLOPS_* environment variables; nothing is interpolated by Groovy.
set -eu

log() {
  printf '[mlops] %s\n' "$*" >&2
}

die() {
  printf '[mlops] ERROR: %s\n' "$*" >&2
  exit 2
}

# "Not yet" and "never" for polls: Groovy retries on 1 and stops at once on 3.
not_yet() {
  printf '[mlops] not ready: %s\n' "$*" >&2
  exit 1
}

terminal() {
  printf '[mlops] failed: %s\n' "$*" >&2
  exit 3
}

# A deploy that failed before it changed the target: Groovy leaves the target alone (exit 4).
unchanged() {
  printf '[mlops] failed, target unchanged: %s\n' "$*" >&2
  exit 4
}

# Replaces every {version} in $1 with $2 (settings such as image or model data URLs).
with_version() {
  printf '%s' "$1" | sed "s|{version}|$(printf '%s' "$2" | sed 's/[|&\\]/\\&/g')|g"
}

# Quotes $1 for a POSIX shell: the value comes back as one single-quoted word.
shell_quote() {
  printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

# Top-level scalar "name": value of a compact JSON document on stdin (no jq on agents).
json_field() {
  sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\{0,1\}\([^\",}]*\)\"\{0,1\}.*/\1/p" | head -n 1
}
