# shellcheck shell=sh
# One measurement of a canary or post-deploy analysis, taken on the agent.
# MLOPS_PROVIDER=prometheus: instant query MLOPS_QUERY against MLOPS_URL (/api/v1/query),
# the first sample's value. MLOPS_PROVIDER=http: GET MLOPS_URL, top-level JSON MLOPS_FIELD.
# MLOPS_CONDITION is "result OP NUMBER" (OP one of < <= > >= == !=).
# Prints the value. Exit 0 condition met, 4 condition not met, 1 no measurement.
# MLOPS_METRICS_TOKEN, when bound, is sent as a bearer token through curl's config on stdin,
# so it never appears in a process listing.
provider=${MLOPS_PROVIDER:?}
url=${MLOPS_URL:?}
condition=${MLOPS_CONDITION:?}

fetch() {
  if [ -n "${MLOPS_METRICS_TOKEN:-}" ]; then
    printf 'header = "Authorization: Bearer %s"\n' "$MLOPS_METRICS_TOKEN" |
      curl -fsS --max-time 30 --config - "$@"
  else
    curl -fsS --max-time 30 "$@"
  fi
}

case $provider in
  prometheus)
    answer=$(fetch --get --data-urlencode "query=${MLOPS_QUERY:?}" "${url%/}/api/v1/query") ||
      not_yet "Prometheus at $url did not answer"
    value=$(printf '%s' "$answer" | tr -d ' \n' |
      sed -n 's/.*"value":\[[^,]*,"\([^"]*\)"\].*/\1/p')
    ;;
  http)
    answer=$(fetch "$url") || not_yet "$url did not answer"
    value=$(printf '%s' "$answer" | tr -d '\n' | json_field "${MLOPS_FIELD:?}")
    ;;
  *)
    die "unknown analysis provider: $provider"
    ;;
esac
[ -n "$value" ] || not_yet "no value in the answer: $(printf '%s' "$answer" | head -c 200)"

set -f
# shellcheck disable=SC2086 # "result OP NUMBER" is split into its three words on purpose
set -- $condition
set +f
if [ "$#" -ne 3 ] || [ "$1" != result ]; then
  die "condition must be 'result OP NUMBER': $condition"
fi
printf '%s\n' "$value"
if awk -v r="$value" -v op="$2" -v t="$3" 'BEGIN {
  r += 0; t += 0
  ok = (op == "<" && r < t) || (op == "<=" && r <= t) || (op == ">" && r > t) ||
       (op == ">=" && r >= t) || (op == "==" && r == t) || (op == "!=" && r != t)
  exit !ok
}'; then
  log "analysis: $value meets $condition"
else
  log "analysis: $value fails $condition"
  exit 4
fi
