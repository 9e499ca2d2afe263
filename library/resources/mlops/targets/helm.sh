# shellcheck shell=sh
# Kubernetes target with Helm: `helm upgrade --install --atomic --wait` deploys the version
# (MLOPS_TAG_KEY, default image.tag, set to it) and Helm itself rolls back a release that
# does not become ready. Every rollback upgrades to the version it restores
# (MLOPS_PREVIOUS_VERSION, from the ledger), never a relative `helm rollback <release> 0`,
# unless Helm's own rollback already left that version live.
# Limitation: the restored version is deployed with today's chart and values file.
version=${MLOPS_VERSION:?}
release=${MLOPS_RELEASE:?MLOPS_RELEASE is required}
tag_key=${MLOPS_TAG_KEY:-image.tag}

set -- --namespace "${MLOPS_NAMESPACE:-default}"
[ -z "${MLOPS_CONTEXT:-}" ] || set -- "$@" --kube-context "$MLOPS_CONTEXT"

# upgrade VERSION HELM_FLAGS...
upgrade() {
  v=$1
  shift
  set -- upgrade --install "$release" "${MLOPS_CHART:?MLOPS_CHART is required}" "$@" \
    --atomic --wait --timeout "${MLOPS_TIMEOUT_SECONDS:-300}s" --set-string "$tag_key=$v"
  [ -z "${MLOPS_CHART_VERSION:-}" ] || set -- "$@" --version "$MLOPS_CHART_VERSION"
  [ -z "${MLOPS_VALUES_FILE:-}" ] || set -- "$@" --values "$MLOPS_VALUES_FILE"
  helm "$@"
}

case ${MLOPS_ACTION:?} in
  deploy)
    upgrade "$version" "$@"
    ;;
  ready)
    status=$(helm status "$release" "$@" 2>&1) || terminal "$status"
    case $status in
      *'STATUS: deployed'*) ;;
      *'STATUS: pending'*) not_yet "release $release is still pending" ;;
      *) terminal "release $release is not deployed: $(printf '%s' "$status" | grep STATUS)" ;;
    esac
    ;;
  rollback)
    previous=${MLOPS_PREVIOUS_VERSION:?}
    if [ "${MLOPS_ROLLBACK_KIND:-auto}" = auto ]; then
      live=$(helm get values "$release" "$@" --all --output json | json_field "${tag_key##*.}")
      if [ "$live" = "$previous" ]; then
        log "Helm already restored $previous (--atomic); nothing to roll back"
        exit 0
      fi
    fi
    upgrade "$previous" "$@"
    ;;
  switch | discard | retire)
    # The release is upgraded in place: nothing runs beside it to move or remove.
    ;;
  *)
    die "helm target has no action $MLOPS_ACTION"
    ;;
esac
