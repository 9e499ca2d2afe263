#!/bin/sh
# Builds the model server image tagged with the commit, and pushes it when asked.
# Inputs: MLOPS_IMAGE, MLOPS_DOCKERFILE, MLOPS_CONTEXT, MLOPS_PUSH (true|false),
# MLOPS_TAG (commit; the checkout's HEAD when empty), and for a registry login
# MLOPS_REGISTRY_USR / MLOPS_REGISTRY_PSW.
set -eu

tag=${MLOPS_TAG:-$(git rev-parse HEAD)}
tag=$(printf '%s' "$tag" | cut -c1-12)
ref="$MLOPS_IMAGE:$tag"

docker build --pull -f "$MLOPS_DOCKERFILE" -t "$ref" "$MLOPS_CONTEXT"

if [ "$MLOPS_PUSH" = true ]; then
  if [ -n "${MLOPS_REGISTRY_USR:-}" ]; then
    # The registry is the first path part when it looks like a host; Docker Hub otherwise.
    host=${MLOPS_IMAGE%%/*}
    case "$host" in
      *.*|*:*|localhost) ;;
      *) host= ;;
    esac
    # shellcheck disable=SC2086 # an empty host must vanish: docker login then means Docker Hub
    printf '%s' "${MLOPS_REGISTRY_PSW:-}" | docker login -u "$MLOPS_REGISTRY_USR" --password-stdin $host
  fi
  docker push "$ref"
  echo "pushed $ref"
fi
