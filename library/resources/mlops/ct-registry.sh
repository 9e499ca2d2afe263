#!/bin/sh
# The MLflow model registry as continuous training needs it, over MLflow's REST API (2.x):
# register the run's model as a new version, read a metric of the version an alias points
# to, and move an alias. Aliases, not the deprecated stages, name the champion.
#
# Inputs:
#   MLOPS_REGISTRY_ACTION   register | alias-metric | set-alias
#   MLOPS_TRACKING_URI      MLflow server, e.g. https://mlflow.example.com
#   MLOPS_REGISTERED_MODEL  registered model name
#   MLOPS_RUN_ID            register: the MLflow run that logged the model
#   MLOPS_ARTIFACT_PATH     register: the model's artifact path in that run (default model)
#   MLOPS_ALIAS             alias-metric, set-alias
#   MLOPS_METRIC            alias-metric: metric key to read from the aliased version's run
#   MLOPS_VERSION           set-alias
#   MLFLOW_TRACKING_TOKEN   optional; sent as a bearer token through curl's stdin config
# Prints: register -> the new version number; alias-metric -> the value, or nothing when
# the alias is not set yet (no champion). Exit 2 bad input, 4 MLflow failed, 5 missing tool.
set -eu

fail() {
  code=$1
  shift
  echo "ct-registry: error: $*" >&2
  exit "$code"
}

for tool in curl python3; do
  command -v "$tool" >/dev/null 2>&1 || fail 5 "$tool is not installed on this agent"
done
uri=${MLOPS_TRACKING_URI:-}
case $uri in
  http://?* | https://?*) ;;
  *) fail 2 "MLOPS_TRACKING_URI must be an http(s) URL, got '$uri'" ;;
esac
api=${uri%/}/api/2.0/mlflow
model=${MLOPS_REGISTERED_MODEL:-}
[ -n "$model" ] || fail 2 "MLOPS_REGISTERED_MODEL is empty"

work=$(mktemp -d "${TMPDIR:-/tmp}/mlops-registry.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

# call METHOD PATH [JSON body | GET query args...]: the answer lands in $work/body and the
# HTTP status is printed. The token never appears on a command line.
call() {
  method=$1
  path=$2
  shift 2
  set -- -sS --max-time 60 -o "$work/body" -w '%{http_code}' -X "$method" "$@" "$api/$path"
  if [ -n "${MLFLOW_TRACKING_TOKEN:-}" ]; then
    printf 'header = "Authorization: Bearer %s"\n' "$MLFLOW_TRACKING_TOKEN" |
      curl --config - "$@" || fail 4 "MLflow at $uri did not answer"
  else
    curl "$@" || fail 4 "MLflow at $uri did not answer"
  fi
}

# json KEY.PATH: a value from $work/body, empty when absent.
json() {
  python3 - "$1" "$work/body" <<'PY'
import json, sys
path, file = sys.argv[1], sys.argv[2]
with open(file, encoding="utf-8") as f:
    value = json.load(f)
for key in path.split("."):
    value = value.get(key) if isinstance(value, dict) else None
print("" if value is None else value)
PY
}

# body KEY VALUE ...: a JSON object of strings, built by python so quoting is always right.
body() {
  python3 -c 'import json, sys; a = sys.argv[1:]; print(json.dumps(dict(zip(a[::2], a[1::2]))))' \
    "$@"
}

post() {
  call POST "$1" -H 'Content-Type: application/json' --data "$2"
}

case ${MLOPS_REGISTRY_ACTION:-} in
  register)
    run=${MLOPS_RUN_ID:-}
    case $run in
      '' | *[!A-Za-z0-9_-]*) fail 2 "MLOPS_RUN_ID must be an MLflow run id, got '$run'" ;;
    esac
    # Creating the registered model is idempotent for us: "already exists" is fine.
    code=$(post registered-models/create "$(body name "$model")")
    case $code in
      200) ;;
      400) grep -q RESOURCE_ALREADY_EXISTS "$work/body" ||
        fail 4 "MLflow refused to create $model: $(head -c 300 "$work/body")" ;;
      *) fail 4 "MLflow answered HTTP $code creating $model: $(head -c 300 "$work/body")" ;;
    esac
    source="runs:/$run/${MLOPS_ARTIFACT_PATH:-model}"
    code=$(post model-versions/create "$(body name "$model" source "$source" run_id "$run")")
    [ "$code" = 200 ] ||
      fail 4 "MLflow answered HTTP $code registering $source: $(head -c 300 "$work/body")"
    version=$(json model_version.version)
    [ -n "$version" ] || fail 4 "MLflow registered $source but returned no version"
    echo "$version"
    ;;
  alias-metric)
    alias=${MLOPS_ALIAS:-}
    metric=${MLOPS_METRIC:-}
    if [ -z "$alias" ] || [ -z "$metric" ]; then
      fail 2 "alias-metric needs MLOPS_ALIAS and MLOPS_METRIC"
    fi
    code=$(call GET registered-models/alias -G --data-urlencode "name=$model" \
      --data-urlencode "alias=$alias")
    case $code in
      200) ;;
      404) echo "ct-registry: $model has no @$alias yet" >&2; exit 0 ;;
      *) fail 4 "MLflow answered HTTP $code reading $model@$alias" ;;
    esac
    run=$(json model_version.run_id)
    [ -n "$run" ] || fail 4 "$model@$alias has no run, so its $metric is unknown"
    code=$(call GET runs/get -G --data-urlencode "run_id=$run")
    [ "$code" = 200 ] || fail 4 "MLflow answered HTTP $code reading run $run"
    python3 - "$metric" "$work/body" <<'PY'
import json, sys
metric, file = sys.argv[1], sys.argv[2]
with open(file, encoding="utf-8") as f:
    metrics = ((json.load(f).get("run") or {}).get("data") or {}).get("metrics") or []
values = [m.get("value") for m in metrics if m.get("key") == metric]
if not values or not isinstance(values[-1], (int, float)):
    sys.stderr.write("ct-registry: error: the champion's run has no metric %r\n" % metric)
    sys.exit(4)
print(values[-1])
PY
    ;;
  set-alias)
    alias=${MLOPS_ALIAS:-}
    version=${MLOPS_VERSION:-}
    if [ -z "$alias" ] || [ -z "$version" ]; then
      fail 2 "set-alias needs MLOPS_ALIAS and MLOPS_VERSION"
    fi
    code=$(post registered-models/alias "$(body name "$model" alias "$alias" version "$version")")
    [ "$code" = 200 ] || fail 4 "MLflow answered HTTP $code setting $model@$alias"
    echo "ct-registry: $model@$alias is now version $version" >&2
    ;;
  *) fail 2 "MLOPS_REGISTRY_ACTION must be register, alias-metric or set-alias" ;;
esac
