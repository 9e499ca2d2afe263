#!/bin/sh
# Copies a trained model to a versioned artifact store, for teams without a model registry:
# <store>/<model>/<version>/. A version is written once; an existing one is never replaced.
#
# Inputs: MLOPS_STORE (s3://bucket/prefix, gs://bucket/prefix or an absolute path),
#         MLOPS_ARTIFACTS (file or folder in the workspace), MLOPS_MODEL, MLOPS_VERSION.
# Prints the version's location. Exit 2 bad input, 3 nothing to store, 4 copy failed,
# 5 missing tool, 6 the version already exists.
set -eu

fail() {
  code=$1
  shift
  echo "ct-store: error: $*" >&2
  exit "$code"
}

store=${MLOPS_STORE:-}
src=${MLOPS_ARTIFACTS:-}
model=${MLOPS_MODEL:-}
version=${MLOPS_VERSION:-}
for pair in "MLOPS_MODEL=$model" "MLOPS_VERSION=$version"; do
  case ${pair#*=} in '' | *[!A-Za-z0-9._-]*) fail 2 "${pair%%=*} must be a plain name" ;; esac
done
[ -e "$src" ] || fail 3 "$src does not exist; did the training write its model there?"
dest=${store%/}/$model/$version

case $store in
  s3://?*)
    command -v aws >/dev/null 2>&1 || fail 5 "aws is not installed on this agent"
    if [ -d "$src" ]; then
      aws s3 cp --recursive --only-show-errors "$src" "$dest/" || fail 4 "copy to $dest failed"
    else
      aws s3 cp --only-show-errors "$src" "$dest/" || fail 4 "copy to $dest failed"
    fi
    ;;
  gs://?*)
    command -v gsutil >/dev/null 2>&1 || fail 5 "gsutil is not installed on this agent"
    gsutil -q -m cp -r "$src" "$dest/" || fail 4 "copy to $dest failed"
    ;;
  /*)
    [ ! -e "$dest" ] || fail 6 "$dest already exists; versions are never overwritten"
    mkdir -p "$dest"
    cp -R "$src" "$dest/" || fail 4 "copy to $dest failed"
    ;;
  *) fail 2 "MLOPS_STORE must be s3://..., gs://... or an absolute path, got '$store'" ;;
esac
echo "$dest"
