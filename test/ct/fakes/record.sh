#!/bin/sh
# A stand-in for a cloud or ML tool (aws, gsutil, gcloud, dvc, mlflow...): installed under
# the tool's name on PATH, it appends its command line to $FAKE_LOG, one call per line with
# arguments quoted only when needed, then answers as the test arranged in $FAKE_DIR:
#   <tool>.sh      run with the same arguments, and its exit status is the answer
#   <tool>.stdout  printed;  <tool>.rc  exit status (default 0)
set -eu
name=$(basename "$0")
line=$name
for arg in "$@"; do
  case $arg in
    '' | *[!A-Za-z0-9_./:=@%+,-]*) arg="'$(printf '%s' "$arg" | sed "s/'/'\\\\''/g")'" ;;
  esac
  line="$line $arg"
done
printf '%s\n' "$line" >>"${FAKE_LOG:?FAKE_LOG must name the call log}"
dir=${FAKE_DIR:?FAKE_DIR must name the answers folder}
if [ -f "$dir/$name.sh" ]; then
  exec sh "$dir/$name.sh" "$@"
fi
if [ -f "$dir/$name.stdout" ]; then cat "$dir/$name.stdout"; fi
exit "$(cat "$dir/$name.rc" 2>/dev/null || echo 0)"
