#!/usr/bin/env bash
# A screenshot of the review page (pastefix review --html) with headless Chromium: two weeks of
# traffic handled by the shipped bot are written into the state database of a scratch data
# directory (ReviewPageSample, a test class), the review of that directory is written as a page,
# and Chromium renders it to a PNG.
# Usage: docs/scripts/review-screenshot.sh [OUT.png]   (default: docs/images/review-page.png)
# Needs: the built jar and test classes (mvn -B -q package -DskipTests), java, Maven (to list the
# test classpath once, into bot-app/target/sample-classpath.txt) and Chromium
# (Debian: apt-get install -y chromium; or CHROMIUM=/path/to/chrome).
source "$(dirname "$0")/../try/common.sh"
out="$(realpath -m "${1:-$ROOT/docs/images/review-page.png}")"
chromium="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}"
if [ -z "$chromium" ]; then
  echo "no Chromium found: apt-get install -y chromium, or set CHROMIUM" >&2
  exit 2
fi
classes="$ROOT/bot-app/target/test-classes"
classpath_file="$ROOT/bot-app/target/sample-classpath.txt"
if [ ! -f "$classes/dev/pastefix/app/ReviewPageSample.class" ]; then
  echo "no $classes: build first with: mvn -B -q package -DskipTests" >&2
  exit 2
fi
if [ ! -s "$classpath_file" ]; then
  # test-compile, so that the sibling modules resolve to their compiled classes (nothing installed).
  (cd "$ROOT" && mvn -B -q -pl bot-app -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file") >"$WORK/maven.log" 2>&1 || {
    cat "$WORK/maven.log" >&2
    exit 2
  }
fi

# 1. two weeks of traffic in a state database (embedded H2 in a scratch data directory)
java -Dfile.encoding=UTF-8 -cp "$classes:$ROOT/bot-app/target/classes:$(cat "$classpath_file")" \
  dev.pastefix.app.ReviewPageSample "$WORK/data"
# 2. the review page of that directory, as anyone would write it
env -i PATH="$PATH" HOME="$WORK" XDG_DATA_HOME="$WORK" PASTEFIX_DATA_DIR="$WORK/data" \
  java -Dfile.encoding=UTF-8 -jar "$JAR" review --since 14d --html "$WORK/review.html"
# 3. the screenshot: a fresh profile, no network chatter (the page loads nothing from outside)
mkdir -p "$(dirname "$out")"
"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --hide-scrollbars --user-data-dir="$WORK/chromium" \
  --window-size="${SCREENSHOT_SIZE:-1200,5200}" --screenshot="$out" \
  "file://$WORK/review.html" >"$WORK/chromium.log" 2>&1 || {
  cat "$WORK/chromium.log" >&2
  exit 1
}
echo "wrote $out"
