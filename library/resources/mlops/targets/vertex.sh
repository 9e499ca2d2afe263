# shellcheck shell=sh
# GCP Vertex AI target: each version is deployed to the endpoint MLOPS_ENDPOINT as its own
# deployed model, display name <model>-<version>, next to the previous one; traffic moves
# with the endpoint's traffic split (all at once, or in canary steps with MLOPS_WEIGHT), and
# rollback gives the previous deployed model all the traffic back before undeploying the new.
# The previous deployed model is undeployed only once the new one passed every check.
# Credentials: a bound service-account key file in CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE.
version=${MLOPS_VERSION:?}
endpoint=${MLOPS_ENDPOINT:?MLOPS_ENDPOINT is required}
set -- --project "${MLOPS_PROJECT:?MLOPS_PROJECT is required}" \
  --region "${MLOPS_REGION:?MLOPS_REGION is required}"

display() {
  printf '%s-%s' "${MLOPS_MODEL:?}" "$1"
}

# deployed_id VERSION GCLOUD_FLAGS...: id of that version's deployed model, empty if none.
deployed_id() {
  d=$(display "$1")
  shift
  gcloud ai endpoints describe "$endpoint" "$@" --flatten=deployedModels \
    --format='value(deployedModels.id,deployedModels.displayName)' |
    awk -F '\t' -v d="$d" '$2 == d { print $1; exit }'
}

# deploy_version VERSION TRAFFIC_SPLIT GCLOUD_FLAGS...
deploy_version() {
  v=$1
  split=$2
  shift 2
  gcloud ai endpoints deploy-model "$endpoint" "$@" \
    --model="${MLOPS_MODEL_ID:?MLOPS_MODEL_ID is required}@$v" \
    --display-name="$(display "$v")" --machine-type="${MLOPS_MACHINE_TYPE:-n1-standard-2}" \
    --min-replica-count="${MLOPS_MIN_REPLICAS:-1}" --traffic-split="$split"
}

previous_id=''
[ -z "${MLOPS_PREVIOUS_VERSION:-}" ] || previous_id=$(deployed_id "$MLOPS_PREVIOUS_VERSION" "$@")

case ${MLOPS_ACTION:?} in
  deploy)
    if [ -z "$previous_id" ]; then
      deploy_version "$version" 0=100 "$@"
    elif [ "${MLOPS_STRATEGY:-replace}" = replace ]; then
      deploy_version "$version" "0=100,$previous_id=0" "$@"
    else
      deploy_version "$version" "0=0,$previous_id=100" "$@"
    fi
    ;;
  ready)
    [ -n "$(deployed_id "$version" "$@")" ] ||
      terminal "version $version is not deployed to endpoint $endpoint"
    ;;
  traffic | switch)
    weight=${MLOPS_WEIGHT:-100}
    [ "$MLOPS_ACTION" = traffic ] || weight=100
    id=$(deployed_id "$version" "$@")
    split="$id=$weight"
    [ -z "$previous_id" ] || split="$split,$previous_id=$((100 - weight))"
    gcloud ai endpoints update "$endpoint" "$@" --traffic-split="$split"
    ;;
  rollback)
    [ -n "${MLOPS_PREVIOUS_VERSION:-}" ] || die "no previous version to restore"
    failed_id=$(deployed_id "$version" "$@")
    if [ -z "$previous_id" ]; then
      deploy_version "$MLOPS_PREVIOUS_VERSION" 0=100${failed_id:+,$failed_id=0} "$@"
    else
      gcloud ai endpoints update "$endpoint" "$@" \
        --traffic-split="$previous_id=100${failed_id:+,$failed_id=0}"
    fi
    ;;
  discard)
    id=$(deployed_id "$version" "$@")
    [ -z "$id" ] || gcloud ai endpoints undeploy-model "$endpoint" "$@" --deployed-model-id="$id"
    ;;
  retire)
    [ -z "$previous_id" ] ||
      gcloud ai endpoints undeploy-model "$endpoint" "$@" --deployed-model-id="$previous_id"
    ;;
  *)
    die "vertex target has no action $MLOPS_ACTION"
    ;;
esac
