# shellcheck shell=sh
# One health or smoke probe of MLOPS_URL. Exit 0 healthy, 1 not yet (retry), 3 never.
# MLOPS_EXPECT_STATUS (default 200) and optional MLOPS_EXPECT_BODY (a substring) decide.
url=${MLOPS_URL:?MLOPS_URL is required}
expect=${MLOPS_EXPECT_STATUS:-200}
body=$(mktemp)
trap 'rm -f "$body"' EXIT
code=$(curl -sS -o "$body" -w '%{http_code}' --max-time "${MLOPS_REQUEST_TIMEOUT:-10}" "$url") ||
  not_yet "$url did not answer"
if [ "$code" != "$expect" ]; then
  not_yet "$url answered HTTP $code, expected $expect: $(head -c 200 "$body")"
fi
if [ -n "${MLOPS_EXPECT_BODY:-}" ] && ! grep -qF -- "$MLOPS_EXPECT_BODY" "$body"; then
  terminal "$url answered without \"$MLOPS_EXPECT_BODY\": $(head -c 200 "$body")"
fi
log "$url healthy (HTTP $code)"
