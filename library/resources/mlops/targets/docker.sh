# shellcheck shell=sh
# Docker target: one container per version, mlops-<model>-<environment>-<version>, on the
# user-defined network MLOPS_NETWORK. Traffic follows the network alias MLOPS_ALIAS, moved to
# the new container once it is healthy; the old container keeps running until the new one
# has passed every post-deploy check (retire), so rollback only moves the alias back.
# Readiness is the container's own HEALTHCHECK (from the image, or MLOPS_HEALTH_COMMAND).
# Registry login, when MLOPS_REGISTRY_USER/MLOPS_REGISTRY_PASSWORD are bound, reads the
# password from stdin.
version=${MLOPS_VERSION:?}
network=${MLOPS_NETWORK:?MLOPS_NETWORK is required}
alias=${MLOPS_ALIAS:?MLOPS_ALIAS is required}
prefix="mlops-${MLOPS_MODEL:?}-${MLOPS_ENVIRONMENT:?}"

image_of() {
  case ${MLOPS_IMAGE:?MLOPS_IMAGE is required} in
    *'{version}'*) with_version "$MLOPS_IMAGE" "$1" ;;
    *) printf '%s:%s' "$MLOPS_IMAGE" "$1" ;;
  esac
}

exists() {
  docker container inspect "$prefix-$1" >/dev/null 2>&1
}

run() {
  if exists "$1"; then
    docker start "$prefix-$1" >/dev/null
    return 0
  fi
  if [ -n "${MLOPS_REGISTRY_PASSWORD:-}" ]; then
    printf '%s' "$MLOPS_REGISTRY_PASSWORD" |
      docker login --username "${MLOPS_REGISTRY_USER:?}" --password-stdin "${MLOPS_IMAGE%%/*}"
  fi
  docker pull "$(image_of "$1")"
  set -- "$1" --detach --name "$prefix-$1" --network "$network" --restart unless-stopped \
    --label "mlops.model=$MLOPS_MODEL" --label "mlops.environment=$MLOPS_ENVIRONMENT" \
    --label "mlops.version=$1"
  if [ -n "${MLOPS_HEALTH_COMMAND:-}" ]; then
    set -- "$@" --health-cmd "$MLOPS_HEALTH_COMMAND" --health-interval 5s
  fi
  v=$1
  shift
  docker run "$@" "$(image_of "$v")"
}

# Gives the alias to $1 and takes it from $2 (if running).
move_alias() {
  docker network disconnect "$network" "$prefix-$1"
  docker network connect --alias "$alias" "$network" "$prefix-$1"
  if [ -n "$2" ] && exists "$2"; then
    docker network disconnect "$network" "$prefix-$2"
    docker network connect "$network" "$prefix-$2"
  fi
}

case ${MLOPS_ACTION:?} in
  deploy)
    run "$version"
    ;;
  ready)
    state=$(docker inspect --format '{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{end}}' \
      "$prefix-$version") || terminal "container $prefix-$version does not exist"
    case $state in
      'running healthy' | 'running ' | running) ;;
      'running starting') not_yet "container $prefix-$version is starting" ;;
      *) terminal "container $prefix-$version is $state" ;;
    esac
    ;;
  switch)
    move_alias "$version" "${MLOPS_PREVIOUS_VERSION:-}"
    ;;
  rollback)
    [ -n "${MLOPS_PREVIOUS_VERSION:-}" ] || die "no previous version to restore"
    run "$MLOPS_PREVIOUS_VERSION"
    ;;
  discard)
    ! exists "$version" || docker rm --force "$prefix-$version"
    ;;
  retire)
    if [ -n "${MLOPS_PREVIOUS_VERSION:-}" ] && exists "$MLOPS_PREVIOUS_VERSION"; then
      docker rm --force "$prefix-$MLOPS_PREVIOUS_VERSION"
    fi
    ;;
  *)
    die "docker target has no action $MLOPS_ACTION"
    ;;
esac
