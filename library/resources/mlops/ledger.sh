# shellcheck shell=sh
# Release ledger: one JSON line per deploy or rollback of a model to an environment.
# MLOPS_LEDGER_ACTION=append adds MLOPS_LEDGER_ENTRY (a compact JSON object) stamped with the
# agent's UTC time; =list prints the file. Callers hold the lock of the model and environment,
# so appends never interleave. MLOPS_LEDGER_COPY gets a copy to archive with the build.
file=${MLOPS_LEDGER_FILE:?MLOPS_LEDGER_FILE is required}

case ${MLOPS_LEDGER_ACTION:?} in
  append)
    entry=${MLOPS_LEDGER_ENTRY:?MLOPS_LEDGER_ENTRY is required}
    case $entry in '{'*'}') ;; *) die "ledger entry must be a JSON object" ;; esac
    mkdir -p "$(dirname "$file")"
    printf '{"time":"%s",%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "${entry#\{}" >>"$file"
    ;;
  list)
    [ ! -f "$file" ] || cat "$file"
    ;;
  *)
    die "unknown ledger action: $MLOPS_LEDGER_ACTION"
    ;;
esac

if [ -n "${MLOPS_LEDGER_COPY:-}" ] && [ -f "$file" ]; then
  mkdir -p "$(dirname "$MLOPS_LEDGER_COPY")"
  cp "$file" "$MLOPS_LEDGER_COPY"
fi
