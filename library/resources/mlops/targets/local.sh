# shellcheck shell=sh
# Local target: one model server process per version on this machine, side by side under
# MLOPS_DIR/versions/<version>; MLOPS_DIR/current names the live version and is replaced by
# a rename, so readers see the old or the new version, never a half-written file.
# Each server is started by MLOPS_START_COMMAND (run with exec, so the pid file tracks the
# server itself) with MLOPS_VERSION, MLOPS_VERSION_DIR and MLOPS_PORT_FILE set; it listens on
# 127.0.0.1 and writes its port to MLOPS_PORT_FILE. MLOPS_INSTALL_COMMAND, if set, prepares a
# version directory once. Actions: see the target protocol in mlopsTarget.groovy.
root=${MLOPS_DIR:?MLOPS_DIR is required}
version=${MLOPS_VERSION:?}
host=${MLOPS_HOST:-127.0.0.1}

vdir() {
  printf '%s/versions/%s' "$root" "$1"
}

pid_of() {
  cat "$(vdir "$1")/server.pid" 2>/dev/null || true
}

# A process that ended but was not reaped yet (a zombie) counts as ended.
alive() {
  kill -0 "$1" 2>/dev/null && ! ps -o stat= -p "$1" 2>/dev/null | grep -q '^Z'
}

running() {
  pid=$(pid_of "$1")
  [ -n "$pid" ] && alive "$pid"
}

start() {
  dir=$(vdir "$1")
  mkdir -p "$dir"
  if running "$1"; then
    log "version $1 already running (pid $(pid_of "$1"))"
    return 0
  fi
  if [ -n "${MLOPS_INSTALL_COMMAND:-}" ] && [ ! -f "$dir/.installed" ]; then
    (cd "$dir" && MLOPS_VERSION=$1 MLOPS_VERSION_DIR=$dir sh -c "$MLOPS_INSTALL_COMMAND")
    : >"$dir/.installed"
  fi
  rm -f "$dir/port"
  # Jenkins ends every process that keeps the build's cookie when the build ends; the
  # server must outlive the build, so it gets another cookie.
  (
    cd "$dir" || exit 2
    JENKINS_NODE_COOKIE=dontKillMe BUILD_ID=dontKillMe MLOPS_VERSION=$1 \
      MLOPS_VERSION_DIR=$dir MLOPS_PORT_FILE=$dir/port \
      nohup sh -c "exec ${MLOPS_START_COMMAND:?MLOPS_START_COMMAND is required}" \
      >"$dir/server.log" 2>&1 </dev/null &
    echo $! >"$dir/server.pid"
  )
  log "started version $1 (pid $(pid_of "$1"))"
}

stop() {
  pid=$(pid_of "$1")
  if [ -n "$pid" ] && alive "$pid"; then
    kill "$pid"
    n=0
    while alive "$pid" && [ "$n" -lt 50 ]; do
      sleep 0.1 2>/dev/null || sleep 1
      n=$((n + 1))
    done
    ! alive "$pid" || kill -9 "$pid"
    log "stopped version $1 (pid $pid)"
  fi
  rm -f "$(vdir "$1")/server.pid" "$(vdir "$1")/port"
}

current() {
  cat "$root/current" 2>/dev/null || true
}

case ${MLOPS_ACTION:?} in
  deploy)
    start "$version"
    ;;
  ready)
    dir=$(vdir "$version")
    running "$version" ||
      terminal "server of version $version exited: $(tail -n 5 "$dir/server.log" 2>/dev/null)"
    [ -s "$dir/port" ] || not_yet "server of version $version has not written its port yet"
    ;;
  url)
    printf 'http://%s:%s\n' "$host" "$(cat "$(vdir "$version")/port")"
    ;;
  switch)
    printf '%s\n' "$version" >"$root/current.tmp"
    mv -f "$root/current.tmp" "$root/current"
    log "live version is now $version"
    ;;
  rollback)
    [ -n "${MLOPS_PREVIOUS_VERSION:-}" ] || die "no previous version to restore"
    start "$MLOPS_PREVIOUS_VERSION"
    ;;
  discard)
    [ "$(current)" != "$version" ] || die "refusing to stop the live version $version"
    stop "$version"
    ;;
  retire)
    if [ -n "${MLOPS_PREVIOUS_VERSION:-}" ] && [ "$MLOPS_PREVIOUS_VERSION" != "$(current)" ]; then
      stop "$MLOPS_PREVIOUS_VERSION"
    fi
    ;;
  *)
    die "local target has no action $MLOPS_ACTION"
    ;;
esac
