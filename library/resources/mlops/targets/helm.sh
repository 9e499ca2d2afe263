# shellcheck shell=sh
# Kubernetes target with Helm: `helm upgrade --install --atomic --wait` deploys the version
# (MLOPS_TAG_KEY, default image.tag, set to it) and Helm itself rolls back a release that
# does not become ready. When a later check fails, rollback is `helm rollback <release> 0`
# (the previous revision), unless Helm's own rollback already restored the previous version.
# A manual rollback to a chosen version upgrades to that version.
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
      else
        helm rollback "$release" 0 "$@" --wait --timeout "${MLOPS_TIMEOUT_SECONDS:-300}s"
      fi
    else
      upgrade "$previous" "$@"
    fi
    ;;
  switch | discard | retire)
    # The release is upgraded in place: nothing runs beside it to move or remove.
    ;;
  *)
    die "helm target has no action $MLOPS_ACTION"
    ;;
esac
