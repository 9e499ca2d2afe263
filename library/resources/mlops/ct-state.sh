#!/bin/sh
# Training state of one model: an append-only JSON-lines file, events.jsonl, in
# MLOPS_STATE_DIR (state.dir/ct/<model>). Two events are written:
#   started  when a training run begins (the cooldown counts from it, so a failing
#            training cannot be retried in a storm either)
#   trained  after a training run succeeded, with the data fingerprint it used (the next
#            "new data?" check compares with it, so a failed run never hides new data)
#   promoted when a version beat the champion, with its metric (the champion's score when
#            no model registry keeps it)
# The caller holds the model's lock while writing.
#
# Inputs: MLOPS_STATE_DIR, MLOPS_CT_ACTION = last-fingerprint | last-start | last-promoted-metric
#         | record-start | record-trained | record-promoted; for records: MLOPS_BUILD,
#         MLOPS_REASON, MLOPS_FINGERPRINT, MLOPS_VERSION, MLOPS_METRIC_VALUE, MLOPS_NOW (epoch
#         seconds, default the agent's clock).
# Prints the value asked for (empty when there is none yet). Exit 2 on bad input.
set -eu

fail() {
  echo "ct-state: error: $*" >&2
  exit 2
}

dir=${MLOPS_STATE_DIR:-}
case $dir in /*) ;; *) fail "MLOPS_STATE_DIR must be an absolute path, got '$dir'" ;; esac
file=$dir/events.jsonl

# Values are written into JSON unquoted by any tool, so they must be plain tokens.
plain() {
  case $2 in *[!A-Za-z0-9._:+-]*) fail "$1 may hold letters, digits and . _ : + - only" ;; esac
}

last_of() {
  [ -f "$file" ] || return 0
  grep "\"event\":\"$1\"" "$file" | tail -n 1 | sed -n "s/.*\"$2\":\"*\([^\",}]*\).*/\1/p"
}

now=${MLOPS_NOW:-$(date +%s)}
build=${MLOPS_BUILD:-}
case ${MLOPS_CT_ACTION:-} in
  last-fingerprint) last_of trained fingerprint ;;
  last-start) last_of started time ;;
  last-promoted-metric) last_of promoted metric ;;
  record-start)
    reason=${MLOPS_REASON:-}
    plain MLOPS_BUILD "$build"
    plain MLOPS_REASON "$reason"
    mkdir -p "$dir"
    printf '{"event":"started","time":%s,"build":"%s","reason":"%s"}\n' \
      "$now" "$build" "$reason" >>"$file"
    ;;
  record-trained)
    fingerprint=${MLOPS_FINGERPRINT:-}
    version=${MLOPS_VERSION:-}
    plain MLOPS_BUILD "$build"
    plain MLOPS_FINGERPRINT "$fingerprint"
    plain MLOPS_VERSION "$version"
    mkdir -p "$dir"
    printf '{"event":"trained","time":%s,"build":"%s","fingerprint":"%s","version":"%s"}\n' \
      "$now" "$build" "$fingerprint" "$version" >>"$file"
    ;;
  record-promoted)
    version=${MLOPS_VERSION:-}
    metric=${MLOPS_METRIC_VALUE:-}
    plain MLOPS_BUILD "$build"
    plain MLOPS_VERSION "$version"
    printf '%s\n' "$metric" | grep -E -q '^-?[0-9]+([.][0-9]+)?([eE][-+]?[0-9]+)?$' ||
      fail "MLOPS_METRIC_VALUE must be a number, got '$metric'"
    mkdir -p "$dir"
    printf '{"event":"promoted","time":%s,"build":"%s","version":"%s","metric":%s}\n' \
      "$now" "$build" "$version" "$metric" >>"$file"
    ;;
  *) fail "MLOPS_CT_ACTION must be last-fingerprint, last-start, last-promoted-metric," \
    "record-start, record-trained or record-promoted" ;;
esac
