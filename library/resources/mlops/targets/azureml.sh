# shellcheck shell=sh
# Azure ML target: each version is an online deployment v<version> of the managed online
# endpoint MLOPS_ENDPOINT, created from the user's deployment YAML (MLOPS_DEPLOYMENT_FILE)
# with the registered model MLOPS_MODEL_NAME:<version>; traffic moves with the endpoint's
# traffic map (all at once, or in canary steps with MLOPS_WEIGHT) and rollback gives the
# previous deployment all the traffic back before deleting the new one.
# Authentication: the agent's own Azure login (managed identity or `az login` beforehand).
version=${MLOPS_VERSION:?}
endpoint=${MLOPS_ENDPOINT:?MLOPS_ENDPOINT is required}
set -- --resource-group "${MLOPS_RESOURCE_GROUP:?MLOPS_RESOURCE_GROUP is required}" \
  --workspace-name "${MLOPS_WORKSPACE:?MLOPS_WORKSPACE is required}"

# Deployment names: a letter first, then letters, digits and hyphens.
name_of() {
  printf 'v%s' "$1" | tr -c 'A-Za-z0-9\n' '-' | cut -c 1-32
}

exists() {
  v=$1
  shift
  az ml online-deployment show --endpoint-name "$endpoint" --name "$(name_of "$v")" "$@" \
    --query name --output tsv >/dev/null 2>&1
}

# create VERSION AZ_FLAGS...
create() {
  v=$1
  shift
  az ml online-deployment create --endpoint-name "$endpoint" --name "$(name_of "$v")" "$@" \
    --file "${MLOPS_DEPLOYMENT_FILE:?MLOPS_DEPLOYMENT_FILE is required}" \
    --set "model=azureml:${MLOPS_MODEL_NAME:?MLOPS_MODEL_NAME is required}:$v"
}

# traffic NEW_WEIGHT AZ_FLAGS...: the new version gets NEW_WEIGHT, the previous the rest.
traffic() {
  w=$1
  shift
  map="$(name_of "$version")=$w"
  if [ -n "${MLOPS_PREVIOUS_VERSION:-}" ] && exists "$MLOPS_PREVIOUS_VERSION" "$@"; then
    map="$map $(name_of "$MLOPS_PREVIOUS_VERSION")=$((100 - w))"
  fi
  az ml online-endpoint update --name "$endpoint" "$@" --traffic "$map"
}

case ${MLOPS_ACTION:?} in
  deploy)
    create "$version" "$@"
    ;;
  ready)
    state=$(az ml online-deployment show --endpoint-name "$endpoint" --name "$(name_of "$version")" \
      "$@" --query provisioning_state --output tsv) || terminal "deployment $(name_of "$version") not found"
    case $state in
      Succeeded) ;;
      Failed | Canceled) terminal "deployment $(name_of "$version") is $state" ;;
      *) not_yet "deployment $(name_of "$version") is $state" ;;
    esac
    ;;
  traffic)
    traffic "${MLOPS_WEIGHT:?}" "$@"
    ;;
  switch)
    traffic 100 "$@"
    ;;
  rollback)
    previous=${MLOPS_PREVIOUS_VERSION:?}
    exists "$previous" "$@" || create "$previous" "$@"
    map="$(name_of "$previous")=100"
    ! exists "$version" "$@" || map="$map $(name_of "$version")=0"
    az ml online-endpoint update --name "$endpoint" "$@" --traffic "$map"
    ;;
  discard)
    ! exists "$version" "$@" ||
      az ml online-deployment delete --endpoint-name "$endpoint" --name "$(name_of "$version")" "$@" --yes
    ;;
  retire)
    if [ -n "${MLOPS_PREVIOUS_VERSION:-}" ] && exists "$MLOPS_PREVIOUS_VERSION" "$@"; then
      az ml online-deployment delete --endpoint-name "$endpoint" \
        --name "$(name_of "$MLOPS_PREVIOUS_VERSION")" "$@" --yes
    fi
    ;;
  *)
    die "azureml target has no action $MLOPS_ACTION"
    ;;
esac
