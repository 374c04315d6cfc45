# Shared by the try-it scripts: the jar, a scratch directory, the processes started (stopped on
# exit, by their own ids) and waiting for a URL to answer. Sourced, not run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAR="${PASTEFIX_JAR:-$ROOT/bot-app/target/pastefix.jar}"
if [ ! -f "$JAR" ]; then
  echo "no $JAR: build it first with: mvn -B -q package -DskipTests" >&2
  exit 2
fi
WORK="$(mktemp -d "${TMPDIR:-/tmp}/pastefix-try.XXXXXX")"
STARTED=()
stop_started() {
  for pid in "${STARTED[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${STARTED[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "${TRY_KEEP:-}" ]; then echo "logs kept in $WORK"; else rm -rf "$WORK"; fi
}
trap stop_started EXIT

# wait_for URL SECONDS: until URL answers with any HTTP status.
wait_for() {
  local deadline=$((SECONDS + $2))
  until curl -s -o /dev/null "$1"; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "nothing answers $1 after $2 s; logs in $WORK" >&2
      TRY_KEEP=1
      return 1
    fi
    sleep 0.3
  done
}

# run_bot LOG VAR=VALUE...: pastefix with only these settings and its state in memory, so trying
# it never touches a real data directory, database or workspace.
run_bot() {
  local log="$1"
  shift
  env -i PATH="$PATH" HOME="$WORK" XDG_DATA_HOME="$WORK" PASTEFIX_DATA_DIR=:memory: \
    PASTEFIX_MANAGEMENT_PORT="${PASTEFIX_MANAGEMENT_PORT:-0}" "$@" \
    java -Dfile.encoding=UTF-8 -jar "$JAR" </dev/null >"$log" 2>&1 &
  STARTED+=("$!")
}
