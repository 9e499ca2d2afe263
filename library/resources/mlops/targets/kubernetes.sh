# shellcheck shell=sh
# Kubernetes target with kubectl: the Deployment MLOPS_DEPLOYMENT is updated in place
# (set image), Kubernetes rolls it out, `rollout status` says when it is done or that it
# exceeded its progress deadline. Every rollback sets the image of the version it restores
# (MLOPS_PREVIOUS_VERSION, from the ledger), never a relative `rollout undo`: undo after a
# set image that failed would revert the good live revision. A failed set image changed
# nothing and says so (exit 4), so no rollback runs at all.
# KUBECONFIG comes from a bound file credential when one is configured.
version=${MLOPS_VERSION:?}
deployment="deployment/${MLOPS_DEPLOYMENT:?MLOPS_DEPLOYMENT is required}"
container=${MLOPS_CONTAINER:-${MLOPS_DEPLOYMENT}}

set -- --namespace "${MLOPS_NAMESPACE:-default}"
[ -z "${MLOPS_CONTEXT:-}" ] || set -- "$@" --context "$MLOPS_CONTEXT"

image_of() {
  case ${MLOPS_IMAGE:?MLOPS_IMAGE is required} in
    *'{version}'*) with_version "$MLOPS_IMAGE" "$1" ;;
    *) printf '%s:%s' "$MLOPS_IMAGE" "$1" ;;
  esac
}

# set_image VERSION KUBECTL_FLAGS...
set_image() {
  v=$1
  shift
  kubectl "$@" set image "$deployment" "$container=$(image_of "$v")" ||
    unchanged "kubectl set image of $v failed; $deployment is unchanged"
  kubectl "$@" annotate "$deployment" --overwrite \
    "kubernetes.io/change-cause=mlops: ${MLOPS_MODEL:?} $v (${MLOPS_BUILD:-manual})"
}

case ${MLOPS_ACTION:?} in
  deploy)
    set_image "$version" "$@"
    ;;
  ready)
    out=$(kubectl "$@" rollout status "$deployment" --timeout="${MLOPS_ATTEMPT_SECONDS:-60}s" 2>&1) && {
      log "$out"
      exit 0
    }
    case $out in
      *'exceeded its progress deadline'*) terminal "$out" ;;
      *) not_yet "$out" ;;
    esac
    ;;
  rollback)
    set_image "${MLOPS_PREVIOUS_VERSION:?}" "$@"
    ;;
  switch | discard | retire)
    # The Deployment is updated in place: nothing runs beside it to move or remove.
    ;;
  *)
    die "kubernetes target has no action $MLOPS_ACTION"
    ;;
esac
