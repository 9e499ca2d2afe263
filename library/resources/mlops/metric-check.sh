#!/bin/sh
# Reads one production metric and says whether it crossed its threshold. A metric that is
# missing, empty or not a number is an error with its own exit code: it is never read as
# "fine" (which would hide a dead model) nor as "dropped" (which would retrain on noise).
#
# Inputs:
#   MLOPS_METRIC_SOURCE     prometheus | http | command
#   MLOPS_METRIC_URL        prometheus: the server's base URL; http: the JSON endpoint
#   MLOPS_METRIC_QUERY      prometheus: a PromQL instant query giving one series
#   MLOPS_METRIC_JSON_PATH  http: dotted path to the value, array items by index (a.0.b)
#   MLOPS_METRIC_COMMAND    command: a command that prints one number
#   MLOPS_METRIC_HEADER     optional request header, e.g. "Authorization: Bearer ..."
#   MLOPS_THRESHOLD         the number to compare with
#   MLOPS_DIRECTION         below (default): retrain when value < threshold; above: value >
#   MLOPS_COOLDOWN_MINUTES  no retrain sooner than this after the last one (default 0)
#   MLOPS_LAST_RETRAIN      epoch seconds of the last retraining start, empty if none
#   MLOPS_NOW               epoch seconds to use as "now" (default: the agent's clock)
#   MLOPS_TIMEOUT           seconds for the query (default 30)
#   MLOPS_RESULT_FILE       optional file that receives the stdout line too, for callers
#                           that need both the line and the exit code
# Prints "value=V threshold=T direction=D" on stdout, then exits:
#   0 crossed: retrain     10 not crossed     11 crossed, but in cooldown
#   20 no usable value     21 the server or command failed
#   2 bad input            5 a required tool is missing (python3 parses JSON answers)
set -eu

fail() {
  code=$1
  shift
  echo "metric-check: error: $*" >&2
  exit "$code"
}

is_number() {
  case $1 in *'
'*) return 1 ;; esac
  printf '%s\n' "$1" | grep -E -q '^[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?$'
}

source=${MLOPS_METRIC_SOURCE:-}
threshold=${MLOPS_THRESHOLD:-}
direction=${MLOPS_DIRECTION:-below}
cooldown=${MLOPS_COOLDOWN_MINUTES:-0}
last=${MLOPS_LAST_RETRAIN:-}
timeout=${MLOPS_TIMEOUT:-30}

is_number "$threshold" || fail 2 "MLOPS_THRESHOLD must be a number, got '$threshold'"
case $direction in below | above) ;; *) fail 2 "MLOPS_DIRECTION must be below or above" ;; esac
case $cooldown in '' | *[!0-9]*) fail 2 "MLOPS_COOLDOWN_MINUTES must be whole minutes" ;; esac
case $timeout in '' | *[!0-9]*) fail 2 "MLOPS_TIMEOUT must be whole seconds" ;; esac
case $last in *[!0-9]*) fail 2 "MLOPS_LAST_RETRAIN must be epoch seconds or empty" ;; esac

work=$(mktemp -d "${TMPDIR:-/tmp}/mlops-metric.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

# Picks the value out of a JSON answer; exits 20 with the reason when there is none.
# shellcheck disable=SC2016 # Python source, not shell
EXTRACT='
import json, sys
kind, path = sys.argv[1], sys.argv[2]
def die(msg):
    sys.stderr.write("metric-check: error: " + msg + "\n")
    sys.exit(20)
try:
    with open(sys.argv[3], encoding="utf-8") as f:
        doc = json.load(f)
except ValueError as e:
    die("the answer is not JSON (%s)" % e)
if kind == "prometheus":
    if not isinstance(doc, dict) or doc.get("status") != "success":
        die("Prometheus did not answer success: %s" % json.dumps(doc)[:300])
    data = doc.get("data") or {}
    kind, result = data.get("resultType"), data.get("result")
    if kind in ("scalar", "string") and isinstance(result, list) and len(result) == 2:
        value = result[1]
    elif kind == "vector" and isinstance(result, list):
        if not result:
            die("the query returned no series: the metric is missing, which is not fine")
        if len(result) > 1:
            die("the query returned %d series; aggregate them to one, e.g. avg(...)"
                % len(result))
        value = (result[0].get("value") or [None, None])[1]
    else:
        die("expected an instant vector or scalar, got resultType %r" % kind)
else:
    value = doc
    for key in path.split("."):
        if isinstance(value, list) and key.isdigit() and int(key) < len(value):
            value = value[int(key)]
        elif isinstance(value, dict) and key in value:
            value = value[key]
        else:
            die("no value at %r: %r is missing" % (path, key))
if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
    die("the value is %s, not a number" % json.dumps(value))
print(value)
'

need() {
  command -v "$1" >/dev/null 2>&1 || fail 5 "$1 is not installed on this agent ($2)"
}

# GETs a URL into $work/body; unreachable servers and non-2xx answers exit 21.
fetch() {
  need curl "curl"
  if [ -n "${MLOPS_METRIC_HEADER:-}" ]; then set -- "$@" -H "$MLOPS_METRIC_HEADER"; fi
  code=$(curl -sS -L --max-time "$timeout" -o "$work/body" -w '%{http_code}' "$@" 2>"$work/err") ||
    fail 21 "cannot read the metric: $(head -c 300 "$work/err")"
  case $code in
    2??) ;;
    *) fail 21 "the server answered HTTP $code: $(head -c 300 "$work/body")" ;;
  esac
}

case $source in
  prometheus)
    url=${MLOPS_METRIC_URL:-}
    query=${MLOPS_METRIC_QUERY:-}
    if [ -z "$url" ] || [ -z "$query" ]; then
      fail 2 "prometheus needs MLOPS_METRIC_URL and MLOPS_METRIC_QUERY"
    fi
    need python3 "it parses the JSON answer"
    fetch -G --data-urlencode "query=$query" "${url%/}/api/v1/query"
    value=$(python3 -c "$EXTRACT" prometheus '' "$work/body") || exit 20
    ;;
  http)
    url=${MLOPS_METRIC_URL:-}
    path=${MLOPS_METRIC_JSON_PATH:-}
    if [ -z "$url" ] || [ -z "$path" ]; then
      fail 2 "http needs MLOPS_METRIC_URL and MLOPS_METRIC_JSON_PATH"
    fi
    need python3 "it parses the JSON answer"
    fetch "$url"
    value=$(python3 -c "$EXTRACT" http "$path" "$work/body") || exit 20
    ;;
  command)
    [ -n "${MLOPS_METRIC_COMMAND:-}" ] || fail 2 "command needs MLOPS_METRIC_COMMAND"
    sh -c "$MLOPS_METRIC_COMMAND" >"$work/out" ||
      fail 21 "the metric command failed (exit $?)"
    value=$(tr -d ' \t\r' <"$work/out" | grep -v '^$' || true)
    ;;
  *) fail 2 "MLOPS_METRIC_SOURCE must be prometheus, http or command, got '$source'" ;;
esac

[ -n "$value" ] || fail 20 "the metric is empty: nothing to compare, which is not fine"
is_number "$value" || fail 20 "the metric is '$(printf '%s' "$value" | head -c 100)', not a number"

echo "value=$value threshold=$threshold direction=$direction"
if [ -n "${MLOPS_RESULT_FILE:-}" ]; then
  echo "value=$value threshold=$threshold direction=$direction" >"$MLOPS_RESULT_FILE"
fi
if ! awk -v v="$value" -v t="$threshold" -v d="$direction" \
  'BEGIN { exit !((d == "below" && v + 0 < t + 0) || (d == "above" && v + 0 > t + 0)) }'; then
  echo "metric-check: $value is not $direction $threshold: no retraining needed" >&2
  exit 10
fi

now=${MLOPS_NOW:-$(date +%s)}
if [ -n "$last" ] && [ $((now - last)) -lt $((cooldown * 60)) ]; then
  wait_min=$(((last + cooldown * 60 - now + 59) / 60))
  echo "metric-check: $value is $direction $threshold, but the last retraining started" \
    "$(((now - last) / 60)) min ago; cooldown ends in $wait_min min" >&2
  exit 11
fi
echo "metric-check: $value is $direction $threshold: retrain" >&2
