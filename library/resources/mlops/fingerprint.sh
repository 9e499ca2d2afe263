#!/bin/sh
# Prints one line: a SHA-256 fingerprint of a data source, so a poller can tell whether the
# data changed since the last successful training. Only content identity is hashed (file
# bytes, object ETags or checksums, HTTP validators), never modification times, so touching
# or re-uploading identical data is not "new data".
#
# Inputs:
#   MLOPS_SOURCE_TYPE  path | s3 | gcs | http | dvc
#   MLOPS_SOURCE       path: a file, a folder (read recursively) or a sh glob of them
#                      s3:   s3://bucket/prefix        gcs: gs://bucket/prefix
#                      http: http(s)://host/file       dvc: a .dvc file (or dvc.lock)
#   MLOPS_GCS_TOOL     auto (default: gcloud if installed, else gsutil) | gcloud | gsutil
#   MLOPS_HTTP_HEADER  optional extra request header, e.g. "Authorization: Bearer ..."
#   MLOPS_DVC_UPDATE   true: run `dvc update --no-download` first, for datasets added with
#                      `dvc import`/`import-url`, so the .dvc file follows its origin
#   MLOPS_TIMEOUT      seconds for one network call (default 60)
# Exit codes: 0 fingerprint printed, 2 bad input, 3 the source is empty or missing,
#             4 the tool or server failed, 5 a required tool is not installed.
set -eu

fail() {
  code=$1
  shift
  echo "fingerprint: error: $*" >&2
  exit "$code"
}

need() {
  command -v "$1" >/dev/null 2>&1 || fail 5 "$1 is not installed on this agent ($2)"
}

type=${MLOPS_SOURCE_TYPE:-}
source=${MLOPS_SOURCE:-}
timeout=${MLOPS_TIMEOUT:-60}
[ -n "$source" ] || fail 2 "MLOPS_SOURCE is empty; set the data source to fingerprint"
case $timeout in '' | *[!0-9]*) fail 2 "MLOPS_TIMEOUT must be whole seconds, got '$timeout'" ;; esac

# The hash tool: coreutils on Linux agents, perl's shasum on macOS agents; same output.
if command -v sha256sum >/dev/null 2>&1; then
  sha_tool=sha256sum
elif command -v shasum >/dev/null 2>&1; then
  sha_tool=shasum
else
  fail 5 "neither sha256sum nor shasum is installed on this agent (coreutils or perl)"
fi

sha_stdin() {
  if [ "$sha_tool" = sha256sum ]; then sha256sum; else shasum -a 256; fi
}

work=$(mktemp -d "${TMPDIR:-/tmp}/mlops-fp.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
listing=$work/listing

# Each line of the listing names one piece of the source and its content identity; the
# sorted listing's hash is the fingerprint, so order of discovery never matters.
finish() {
  [ -s "$listing" ] || fail 3 "$1"
  LC_ALL=C sort -o "$listing" "$listing"
  sha_stdin <"$listing" | cut -d' ' -f1
}

hash_files() {
  # Hashes every regular file under the given paths; names are part of the listing so a
  # rename or a removal changes the fingerprint too.
  if [ "$sha_tool" = sha256sum ]; then
    find "$@" -type f -exec sha256sum {} + >>"$listing"
  else
    find "$@" -type f -exec shasum -a 256 {} + >>"$listing"
  fi
}

fingerprint_path() {
  # The value is a path or a sh glob; IFS is emptied so the glob is expanded without being
  # split on blanks in folder names.
  # Limitation: ** matches one level like *; give a folder to read a whole tree.
  old_ifs=$IFS
  IFS=''
  # shellcheck disable=SC2086 # the glob must expand here
  set -- $source
  IFS=$old_ifs
  found=0
  for p in "$@"; do
    [ -e "$p" ] || continue
    found=1
    hash_files "$p"
  done
  [ "$found" = 1 ] || fail 3 "nothing matches '$source' (from $(pwd))"
  finish "'$source' holds no files"
}

fingerprint_s3() {
  need aws "AWS CLI v2"
  rest=${source#s3://}
  case $source in s3://?*) ;; *) fail 2 "an s3 source looks like s3://bucket/prefix" ;; esac
  bucket=${rest%%/*}
  prefix=
  case $rest in */*) prefix=${rest#*/} ;; esac
  # The CLI pages through every object itself; ETags change whenever content changes.
  aws s3api list-objects-v2 --bucket "$bucket" --prefix "$prefix" \
    --query 'Contents[].[Key,ETag,Size]' --output text \
    --cli-read-timeout "$timeout" >"$work/out" ||
    fail 4 "aws s3api list-objects-v2 failed for $source"
  grep -v '^None$' "$work/out" >"$listing" || true
  finish "no objects under $source"
}

fingerprint_gcs() {
  case $source in gs://?*) ;; *) fail 2 "a gcs source looks like gs://bucket/prefix" ;; esac
  tool=${MLOPS_GCS_TOOL:-auto}
  if [ "$tool" = auto ]; then
    tool=gsutil
    if command -v gcloud >/dev/null 2>&1; then tool=gcloud; fi
  fi
  case $tool in
    gcloud)
      need gcloud "Google Cloud CLI"
      gcloud storage objects list "$source**" \
        --format='value(name,generation,crc32c_hash)' >"$listing" ||
        fail 4 "gcloud storage objects list failed for $source"
      ;;
    gsutil)
      need gsutil "Google Cloud CLI"
      gsutil ls -L "$source**" >"$work/out" || fail 4 "gsutil ls -L failed for $source"
      # One line per object: its URL, CRC32C and generation, taken from the long listing.
      awk '
        /^gs:\/\/.*:$/ { if (name != "") print name, crc, gen; name = $0; crc = ""; gen = "" }
        /Hash \(crc32c\):/ { crc = $NF }
        /^[ \t]*Generation:/ { gen = $NF }
        END { if (name != "") print name, crc, gen }
      ' "$work/out" >"$listing"
      ;;
    *) fail 2 "MLOPS_GCS_TOOL must be auto, gcloud or gsutil, got '$tool'" ;;
  esac
  finish "no objects under $source"
}

fingerprint_http() {
  need curl "curl"
  case $source in
    http://?* | https://?*) ;;
    *) fail 2 "an http source starts with http(s)://" ;;
  esac
  set -- -sS -I -L --max-time "$timeout" -o "$work/headers"
  if [ -n "${MLOPS_HTTP_HEADER:-}" ]; then set -- "$@" -H "$MLOPS_HTTP_HEADER"; fi
  curl "$@" "$source" || fail 4 "HEAD $source failed (curl exit $?)"
  tr -d '\r' <"$work/headers" >"$work/h"
  # After redirects, only the last response's headers describe the file.
  awk '/^HTTP\// { n++ } { print n "\t" $0 }' "$work/h" >"$work/numbered"
  last=$(tail -n 1 "$work/numbered" | cut -f1)
  grep "^$last	" "$work/numbered" | cut -f2- >"$work/final"
  status=$(head -n 1 "$work/final" | cut -d' ' -f2)
  case $status in 2??) ;; *) fail 4 "HEAD $source answered HTTP $status" ;; esac
  grep -i -E '^(etag|last-modified):' "$work/final" |
    awk '{ k = tolower($1); $1 = ""; print k $0 }' >"$listing" || true
  finish "$source sends neither ETag nor Last-Modified, so a change cannot be seen"
}

fingerprint_dvc() {
  [ -f "$source" ] || fail 3 "$source does not exist; give the .dvc file of the dataset"
  if [ "${MLOPS_DVC_UPDATE:-false}" = true ]; then
    need dvc "pip install dvc"
    dvc update --no-download "$source" >&2 || fail 4 "dvc update --no-download $source failed"
  fi
  # The md5 (or etag / checksum) entries are DVC's content identity of the tracked outputs.
  grep -E '^[ -]*(md5|etag|checksum|hash|path):' "$source" |
    sed 's/^[ -]*//' >"$listing" || true
  grep -q -E '^(md5|etag|checksum):' "$listing" ||
    fail 3 "$source records no md5 or etag; is the dataset tracked (dvc add)?"
  finish "$source is empty"
}

case $type in
  path) fingerprint_path ;;
  s3) fingerprint_s3 ;;
  gcs) fingerprint_gcs ;;
  http) fingerprint_http ;;
  dvc) fingerprint_dvc ;;
  *) fail 2 "MLOPS_SOURCE_TYPE must be path, s3, gcs, http or dvc, got '$type'" ;;
esac
