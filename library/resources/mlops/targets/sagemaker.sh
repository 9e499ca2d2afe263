# shellcheck shell=sh
# AWS SageMaker target: each version gets a model and an endpoint config named
# <model>-<environment>-<version>; deploy updates the endpoint MLOPS_ENDPOINT to the new
# config, rollback updates it back to the previous version's config. With MLOPS_STRATEGY
# blue-green or canary, SageMaker's own blue/green update shifts the traffic (canary:
# MLOPS_CANARY_PERCENT first, MLOPS_CANARY_WAIT_SECONDS later the rest) and rolls back by
# itself when one of the CloudWatch alarms in MLOPS_ALARMS (comma-separated) fires.
# AWS credentials come from bound AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or the agent.
version=${MLOPS_VERSION:?}
endpoint=${MLOPS_ENDPOINT:?MLOPS_ENDPOINT is required}
set -- --region "${MLOPS_REGION:?MLOPS_REGION is required}"

# SageMaker names allow letters, digits and hyphens only.
name_of() {
  printf '%s-%s-%s' "${MLOPS_MODEL:?}" "${MLOPS_ENVIRONMENT:?}" "$1" | tr -c 'A-Za-z0-9\n-' '-' |
    cut -c 1-63
}

deployment_config() {
  rollback=''
  if [ -n "${MLOPS_ALARMS:-}" ]; then
    rollback=$(printf '%s' "$MLOPS_ALARMS" | tr ',' '\n' |
      sed 's/.*/{"AlarmName":"&"}/' | paste -s -d, -)
    rollback=",\"AutoRollbackConfiguration\":{\"Alarms\":[$rollback]}"
  fi
  case ${MLOPS_STRATEGY:-replace} in
    canary)
      routing="{\"Type\":\"CANARY\",\"WaitIntervalInSeconds\":${MLOPS_CANARY_WAIT_SECONDS:-300},\"CanarySize\":{\"Type\":\"CAPACITY_PERCENT\",\"Value\":${MLOPS_CANARY_PERCENT:-10}}}"
      ;;
    *)
      routing='{"Type":"ALL_AT_ONCE","WaitIntervalInSeconds":0}'
      ;;
  esac
  printf '{"BlueGreenUpdatePolicy":{"TrafficRoutingConfiguration":%s}%s}' "$routing" "$rollback"
}

# create VERSION AWS_FLAGS...: the model and endpoint config of a version, once.
create() {
  n=$(name_of "$1")
  v=$1
  shift
  if ! aws sagemaker describe-model --model-name "$n" "$@" >/dev/null 2>&1; then
    aws sagemaker create-model --model-name "$n" "$@" \
      --execution-role-arn "${MLOPS_ROLE_ARN:?MLOPS_ROLE_ARN is required}" \
      --primary-container "Image=$(with_version "${MLOPS_IMAGE:?}" "$v"),ModelDataUrl=$(with_version "${MLOPS_MODEL_DATA:?}" "$v")"
  fi
  if ! aws sagemaker describe-endpoint-config --endpoint-config-name "$n" "$@" >/dev/null 2>&1; then
    aws sagemaker create-endpoint-config --endpoint-config-name "$n" "$@" \
      --production-variants "VariantName=AllTraffic,ModelName=$n,InstanceType=${MLOPS_INSTANCE_TYPE:?},InitialInstanceCount=${MLOPS_INSTANCE_COUNT:-1}"
  fi
}

case ${MLOPS_ACTION:?} in
  deploy)
    create "$version" "$@"
    if aws sagemaker describe-endpoint --endpoint-name "$endpoint" "$@" >/dev/null 2>&1; then
      if [ "${MLOPS_STRATEGY:-replace}" = replace ] && [ -z "${MLOPS_ALARMS:-}" ]; then
        aws sagemaker update-endpoint --endpoint-name "$endpoint" "$@" \
          --endpoint-config-name "$(name_of "$version")"
      else
        aws sagemaker update-endpoint --endpoint-name "$endpoint" "$@" \
          --endpoint-config-name "$(name_of "$version")" --deployment-config "$(deployment_config)"
      fi
    else
      aws sagemaker create-endpoint --endpoint-name "$endpoint" "$@" \
        --endpoint-config-name "$(name_of "$version")"
    fi
    ;;
  ready)
    state=$(aws sagemaker describe-endpoint --endpoint-name "$endpoint" "$@" \
      --query '[EndpointStatus,EndpointConfigName]' --output text) ||
      terminal "endpoint $endpoint cannot be described"
    status=$(printf '%s\n' "$state" | cut -f 1)
    config=$(printf '%s\n' "$state" | cut -f 2)
    case $status in
      InService)
        [ "$config" = "$(name_of "$version")" ] ||
          terminal "endpoint $endpoint serves $config, not $(name_of "$version") (SageMaker rolled back)"
        ;;
      Failed | OutOfService) terminal "endpoint $endpoint is $status" ;;
      *) not_yet "endpoint $endpoint is ${status:-unknown}" ;;
    esac
    ;;
  rollback)
    previous=${MLOPS_PREVIOUS_VERSION:?}
    create "$previous" "$@"
    aws sagemaker update-endpoint --endpoint-name "$endpoint" "$@" \
      --endpoint-config-name "$(name_of "$previous")"
    ;;
  switch | discard | retire)
    # The endpoint moves to the new config in one update: nothing else to move or remove.
    ;;
  *)
    die "sagemaker target has no action $MLOPS_ACTION"
    ;;
esac
