# shellcheck shell=sh
# SSH target: the local target's script run on MLOPS_HOST through ssh, its inputs sent
# as quoted exports ahead of it on stdin (ssh forwards no environment). The key comes from
# a Jenkins sshUserPrivateKey credential bound to MLOPS_SSH_KEY (and MLOPS_SSH_USER).
host=${MLOPS_HOST:?MLOPS_HOST is required}
user=${MLOPS_SSH_USER:-${MLOPS_USER:-}}
script=${MLOPS_REMOTE_SCRIPT:?MLOPS_REMOTE_SCRIPT is required}

set -- -o BatchMode=yes -p "${MLOPS_PORT:-22}"
[ -z "${MLOPS_SSH_KEY:-}" ] || set -- "$@" -i "$MLOPS_SSH_KEY"
set -- "$@" "${user:+$user@}$host" sh -s

{
  for name in MLOPS_ACTION MLOPS_MODEL MLOPS_ENVIRONMENT MLOPS_VERSION MLOPS_PREVIOUS_VERSION \
    MLOPS_DIR MLOPS_START_COMMAND MLOPS_INSTALL_COMMAND; do
    eval "value=\${$name:-}"
    # shellcheck disable=SC2154 # value is set by the eval above
    printf 'export %s=%s\n' "$name" "$(shell_quote "$value")"
  done
  printf 'export MLOPS_HOST=%s\n' "$(shell_quote "$host")"
  printf '%s\n' "$script"
} | ssh "$@"
