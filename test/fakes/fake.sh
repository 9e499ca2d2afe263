#!/bin/sh
# A stand-in for a tool that does not exist on this machine (docker, kubectl, aws...).
# Usage: fake.sh TOOL ARGS...; the per-tool wrappers in bin/ call it.
# Records the call in $FAKES_LOG, then answers from the rules in $FAKES_RULES (see README.md).
set -eu
tool=$1
shift
: "${FAKES_LOG:?fake $tool: FAKES_LOG is not set; tests must say where calls are recorded}"

# One line per call: tool and arguments separated by tabs; \, tab and newline escaped.
escape() {
  printf '%s' "$1" | awk 'NR > 1 { printf "\\n" } { gsub(/\\/, "\\\\"); gsub(/\t/, "\\t"); printf "%s", $0 }'
}
line=$tool
cmdline=$tool
for arg in "$@"; do
  line="$line	$(escape "$arg")"
  cmdline="$cmdline $arg"
done
printf '%s\n' "$line" >>"$FAKES_LOG"

# FAKES_EXEC_STDIN=ssh makes `ssh ... sh -s` run the script it is fed on this machine, so
# the ssh target can be exercised for real against a loopback "remote host".
if [ "${FAKES_EXEC_STDIN:-}" = "$tool" ]; then
  exec sh -s
fi

# Rules: PATTERN<TAB>EXIT<TAB>OUTPUT[<TAB>TIMES]; PATTERN is a shell glob matched against
# "tool arg1 arg2 ..."; the first match wins; OUTPUT goes through printf %b (so \n works) to
# stdout, or to stderr when EXIT is not 0; a rule with TIMES answers that many calls only.
rules=${FAKES_RULES:-}
[ -n "$rules" ] && [ -f "$rules" ] || exit 0
tab=$(printf '\t')
n=0
while IFS=$tab read -r pattern code out times; do
  n=$((n + 1))
  case $pattern in '' | '#'*) continue ;; esac
  # shellcheck disable=SC2254 # the pattern is a glob on purpose
  case $cmdline in
    $pattern)
      if [ -n "${times:-}" ]; then
        used_file="$rules.used.$n"
        used=$(cat "$used_file" 2>/dev/null || echo 0)
        [ "$used" -lt "$times" ] || continue
        echo $((used + 1)) >"$used_file"
      fi
      if [ "$code" -eq 0 ]; then
        [ -z "$out" ] || printf '%b\n' "$out"
      else
        [ -z "$out" ] || printf '%b\n' "$out" >&2
      fi
      exit "$code"
      ;;
  esac
done <"$rules"
exit 0
