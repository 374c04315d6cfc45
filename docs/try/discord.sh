#!/usr/bin/env bash
# Try pastefix on Discord without a server: the loopback fake Discord of the tests (REST API and
# gateway) runs, pastefix connects to it, and one direct message is sent as a person would.
# Usage: docs/try/discord.sh ['message text']
# Needs: the built jar (which also compiles the test classes), java, Maven (to list the fake's
# classpath once, into discord-adapter/target/try-classpath.txt).
source "$(dirname "$0")/common.sh"
classes="$ROOT/discord-adapter/target/test-classes"
classpath_file="$ROOT/discord-adapter/target/try-classpath.txt"
if [ ! -f "$classes/dev/pastefix/discord/TryDiscord.class" ]; then
  echo "no $classes: build first with: mvn -B -q package -DskipTests" >&2
  exit 2
fi
if [ ! -s "$classpath_file" ]; then
  # test-compile, so that the sibling modules resolve to their compiled classes (nothing installed).
  (cd "$ROOT" && mvn -B -q -pl discord-adapter -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file") >"$WORK/maven.log" 2>&1 || {
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
