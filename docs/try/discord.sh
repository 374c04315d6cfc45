#!/usr/bin/env bash
# Try pastefix on Discord without a server: the loopback fake Discord of the tests (REST API and
# gateway) runs, pastefix connects to it, and one direct message is sent as a person would.
# Usage: docs/try/discord.sh ['message text']
# Needs: the built jar (which also compiles the test classes and lists their classpath into
# discord-adapter/target/try-classpath.txt) and java; Maven only if that list is missing or names
# a file that is gone (a module cleaned since), to write it again.
source "$(dirname "$0")/common.sh"
classes="$ROOT/discord-adapter/target/test-classes"
classpath_file="$ROOT/discord-adapter/target/try-classpath.txt"
if [ ! -f "$classes/dev/pastefix/discord/TryDiscord.class" ]; then
  echo "no $classes: build first with: mvn -B -q package -DskipTests" >&2
  exit 2
fi
classpath_resolves() {
  [ -s "$classpath_file" ] || return 1
  local entries entry
  IFS=: read -r -a entries <"$classpath_file" || true
  for entry in "${entries[@]}"; do [ -e "$entry" ] || return 1; done
}
if ! classpath_resolves; then
  # The build's own step that writes the list (discord-adapter/pom.xml), with the sibling modules
  # as their compiled classes (nothing installed).
  (cd "$ROOT" && mvn -B -q -pl discord-adapter -am process-test-classes) >"$WORK/maven.log" 2>&1 || {
    cat "$WORK/maven.log" >&2
    exit 2
  }
fi

java -Dfile.encoding=UTF-8 -cp "$classes:$ROOT/discord-adapter/target/classes:$(cat "$classpath_file")" \
  dev.pastefix.discord.TryDiscord "$WORK/discord.env" "$@" &
fake=$!
STARTED+=("$fake")
for _ in $(seq 1 100); do [ -f "$WORK/discord.env" ] && break; sleep 0.2; done
mapfile -t settings <"$WORK/discord.env"
run_bot "$WORK/pastefix.log" "${settings[@]}"
if ! wait "$fake"; then
  echo "logs in $WORK" >&2
  TRY_KEEP=1
  exit 1
fi
