# shellcheck shell=sh
# MLflow model registry aliases (aliases replaced stages in MLflow 2.9), over its REST API.
# MLOPS_REGISTRY_ACTION: get-alias (prints the version, empty when unset), set-alias.
# MLOPS_TRACKING_URI, MLOPS_REGISTERED_MODEL, MLOPS_ALIAS, MLOPS_VERSION (set-alias).
# MLFLOW_TRACKING_TOKEN, when bound, goes to curl through its config on stdin, never argv.
api="${MLOPS_TRACKING_URI:?}"
api="${api%/}/api/2.0/mlflow/registered-models/alias"
name=${MLOPS_REGISTERED_MODEL:?}
alias=${MLOPS_ALIAS:?}

json_string() {
  printf '"%s"' "$(printf '%s' "$1" | sed 's/[\\"]/\\&/g')"
}

call() {
  if [ -n "${MLFLOW_TRACKING_TOKEN:-}" ]; then
    printf 'header = "Authorization: Bearer %s"\n' "$MLFLOW_TRACKING_TOKEN" |
      curl -sS --max-time 30 --config - "$@"
  else
    curl -sS --max-time 30 "$@"
  fi
}

case ${MLOPS_REGISTRY_ACTION:?} in
  get-alias)
    answer=$(call -G --data-urlencode "name=$name" --data-urlencode "alias=$alias" \
      -w '\n%{http_code}' "$api") || die "MLflow at $MLOPS_TRACKING_URI did not answer"
    code=$(printf '%s' "$answer" | tail -n 1)
    case $code in
      200) printf '%s' "$answer" | sed '$d' | tr -d '\n' | json_field version ;;
      404) log "alias $alias of $name is not set" ;;
      *) die "MLflow answered HTTP $code to get alias $alias of $name" ;;
    esac
    ;;
  set-alias)
    body="{\"name\":$(json_string "$name"),\"alias\":$(json_string "$alias"),"
    body="$body\"version\":$(json_string "${MLOPS_VERSION:?}")}"
    code=$(call -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
      --data "$body" "$api") || die "MLflow at $MLOPS_TRACKING_URI did not answer"
    [ "$code" = 200 ] || die "MLflow answered HTTP $code to set alias $alias of $name"
    log "alias $alias of $name now points to version $MLOPS_VERSION"
    ;;
  *)
    die "unknown registry action: $MLOPS_REGISTRY_ACTION"
    ;;
esac
