#!/usr/bin/env bash
# End-to-end check of the deployment files on one machine, with no image registry and on loopback
# only (README, "Run it as a service"):
#   1. builds the container image (deploy/Containerfile) on a JRE base made from Debian packages;
#   2. runs two pastefix containers, read-only and as uid 10001, on one PostgreSQL (an image made
#      the same way from Debian's postgresql package), secrets passed as files;
#   3. sends signed Slack events to both, each event to both instances, through the fake Web API of
#      slack-adapter/scripts, and sees exactly one reply per event;
#   4. holds one instance's replies, kills it (SIGKILL) and sees the other answer what it left;
#   5. stops the survivor with SIGTERM while it has work and checks exit 0 within the grace period;
#   6. renders the Kustomize base (and the PostgreSQL overlay) with kubectl and runs the base with
#      `podman kube play`, waiting for /readyz; checks the systemd unit with systemd-analyze.
# Exits non-zero on the first failure and removes everything it started.
#
# Usage: deploy/test.sh [--rebuild-bases] [--package]
#   --rebuild-bases  build the Debian base images again (kept between runs: they take minutes)
#   --package        run `mvn package` first even when bot-app/target/pastefix.jar exists
# Needs root (podman, apt-get). Installs podman, runc, mmdebstrap (and systemd's tools) with
# apt-get when they are missing. Not part of `mvn verify`.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

REBUILD_BASES=0
PACKAGE=0
for arg in "$@"; do
  case "$arg" in
    --rebuild-bases) REBUILD_BASES=1 ;;
    --package) PACKAGE=1 ;;
    *) echo "usage: deploy/test.sh [--rebuild-bases] [--package]" >&2; exit 2 ;;
  esac
done

SUITE=bookworm
JRE_BASE=localhost/pastefix-test-jre:$SUITE
PG_BASE=localhost/pastefix-test-postgres:$SUITE
IMAGE=localhost/pastefix:test
PREFIX="pastefix-test-$$"
PG_BIN=/usr/lib/postgresql/15/bin
GRACE_SECONDS=30      # RunningBot.GRACE
STARTED_AT=$(date +%s)
WORK="$(mktemp -d /tmp/pastefix-deploy-test.XXXXXX)"
SUMMARY=()
FAKE_PID=""
KUBE_YAML=""

log() { printf '%s deploy/test.sh: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
pass() { SUMMARY+=("PASS  $*"); log "PASS $*"; }
fail() {
  log "FAIL $*"
  for name in a b pg; do
    if podman container exists "$PREFIX-$name" 2>/dev/null; then
      log "--- last log lines of $PREFIX-$name"
      podman logs --tail 30 "$PREFIX-$name" >&2 2>&1 || true
    fi
  done
  [ -f "$WORK/fake.log" ] && { log "--- fake Web API"; tail -20 "$WORK/fake.log" >&2; }
  KEEP_WORK=1
  exit 1
}
pm() { podman --runtime runc "$@"; }

KEEP_WORK=0
cleanup() {
  set +e
  [ -n "$KUBE_YAML" ] && pm kube down "$KUBE_YAML" >/dev/null 2>&1
  for name in a b pg; do pm rm -f -t 0 "$PREFIX-$name" >/dev/null 2>&1; done
  for name in a b; do pm volume rm -f "$PREFIX-$name-data" >/dev/null 2>&1; done
  [ -n "$FAKE_PID" ] && kill "$FAKE_PID" 2>/dev/null
  if [ "$KEEP_WORK" = 1 ]; then
    log "kept $WORK (logs, rendered manifests)"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

# ------------------------------------------------------------------------------------ tools
[ "$(id -u)" = 0 ] || { echo "deploy/test.sh: run it as root (podman, apt-get)" >&2; exit 2; }
missing=()
command -v podman >/dev/null || missing+=(podman)
command -v runc >/dev/null || missing+=(runc)
command -v mmdebstrap >/dev/null || missing+=(mmdebstrap)
command -v systemd-analyze >/dev/null || missing+=(systemd)
command -v curl >/dev/null || missing+=(curl)
command -v openssl >/dev/null || missing+=(openssl)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  apt-get update -q >"$WORK/apt.log" 2>&1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >>"$WORK/apt.log" 2>&1 \
    || fail "apt-get install ${missing[*]} (see $WORK/apt.log)"
fi
command -v kubectl >/dev/null || fail "kubectl (with its built-in kustomize) is not on this machine"
command -v python3 >/dev/null || fail "python3 is needed for the fake Slack Web API"

# crun cannot set rlimits in this sandbox: runc, and no default ulimits.
cat >"$WORK/containers.conf" <<'EOF'
[containers]
default_ulimits = []
[engine]
runtime = "runc"
EOF
export CONTAINERS_CONF="$WORK/containers.conf"

free_ports() {
  python3 - "$1" <<'EOF'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
EOF
}
read -r FAKE_PORT PG_PORT A_HTTP A_MGMT B_HTTP B_MGMT K_HTTP K_MGMT <<<"$(free_ports 8)"

# ------------------------------------------------------------------------------------ 1. image
JAR=bot-app/target/pastefix.jar
if [ "$PACKAGE" = 1 ] || [ ! -f "$JAR" ]; then
  log "packaging the jar (mvn -B -q package -DskipTests)"
  MAVEN_OPTS="${MAVEN_OPTS:-} -Dfile.encoding=UTF-8" mvn -B -q package -DskipTests >"$WORK/mvn.log" 2>&1 \
    || fail "mvn package (see $WORK/mvn.log)"
fi
read -r VERSION REVISION <<<"$(python3 - "$JAR" <<'EOF'
import sys, zipfile
manifest = zipfile.ZipFile(sys.argv[1]).read("META-INF/MANIFEST.MF").decode()
fields = dict(l.split(": ", 1) for l in manifest.replace("\r", "").split("\n") if ": " in l)
print(fields.get("Implementation-Version", "unknown"), fields.get("Implementation-Commit", "unknown"))
EOF
)"
[ "$VERSION" != unknown ] || fail "the jar's manifest has no Implementation-Version"

build_base() { # image, packages, log
  local image="$1" packages="$2" logfile="$3"
  if [ "$REBUILD_BASES" = 0 ] && pm image exists "$image"; then
    return 0
  fi
  # No manual pages, documentation or translations; Java's postinst still links into man1.
  mmdebstrap --format=tar --variant=apt --include="$packages" \
    --setup-hook='mkdir -p "$1/usr/share/man/man1"' --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' --dpkgopt='path-exclude=/usr/share/locale/*' \
    "$SUITE" "$WORK/$(basename "${image%%:*}").tar" >"$logfile" 2>&1 \
    && pm import "$WORK/$(basename "${image%%:*}").tar" "$image" >>"$logfile" 2>&1 \
    && rm -f "$WORK/$(basename "${image%%:*}").tar"
}
t0=$(date +%s)
log "base images from Debian packages ($JRE_BASE, $PG_BASE; kept between runs)"
build_base "$JRE_BASE" openjdk-17-jre-headless,ca-certificates "$WORK/base-jre.log" & jre_job=$!
build_base "$PG_BASE" postgresql "$WORK/base-postgres.log" & pg_job=$!
wait "$jre_job" || fail "JRE base image (see $WORK/base-jre.log)"
wait "$pg_job" || fail "PostgreSQL base image (see $WORK/base-postgres.log)"
BASES_SECONDS=$(( $(date +%s) - t0 ))

t0=$(date +%s)
pm build --format docker -f deploy/Containerfile \
  --build-arg BASE_IMAGE="$JRE_BASE" --build-arg VERSION="$VERSION" --build-arg REVISION="$REVISION" \
  -t "$IMAGE" . >"$WORK/build.log" 2>&1 || fail "podman build (see $WORK/build.log)"
BUILD_SECONDS=$(( $(date +%s) - t0 ))
IMAGE_BYTES=$(pm image inspect --format '{{.Size}}' "$IMAGE")
IMAGE_MB=$(( IMAGE_BYTES / 1000000 ))
BASE_MB=$(( $(pm image inspect --format '{{.Size}}' "$JRE_BASE") / 1000000 ))
[ "$(pm image inspect --format '{{.Config.User}}' "$IMAGE")" = "10001:10001" ] || fail "image user is not 10001:10001"
[ "$(pm image inspect --format '{{.Config.StopSignal}}' "$IMAGE")" = "SIGTERM" ] || fail "image STOPSIGNAL"
[ "$(pm image inspect --format '{{index .Config.Labels "org.opencontainers.image.version"}}' "$IMAGE")" = "$VERSION" ] \
  || fail "OCI version label"
pm image inspect --format '{{json .Config.Healthcheck}}' "$IMAGE" | grep -q healthcheck.sh || fail "HEALTHCHECK"
shown=$(pm run --rm --read-only --network=none "$IMAGE" --version 2>/dev/null)
[ "$shown" = "pastefix $VERSION (commit $REVISION)" ] || fail "--version in the image said '$shown'"
pass "1. image $IMAGE built in ${BUILD_SECONDS}s (bases ${BASES_SECONDS}s): ${IMAGE_MB} MB (JRE base ${BASE_MB} MB); user 10001, labels, HEALTHCHECK, STOPSIGNAL; '$shown'"

# ------------------------------------------------------------------------------------ 2. two instances on PostgreSQL
printf '%s' "$(openssl rand -hex 16)" >"$WORK/db_password"
SIGNING=$(openssl rand -hex 16)
for name in a b; do
  mkdir -p "$WORK/secrets-$name"
  printf 'xoxb-ctr-%s%s%s%s%s%s\n' "$name" "$name" "$name" "$name" "$name" "$name" >"$WORK/secrets-$name/slack_bot_token"
  printf '%s\n' "$SIGNING" >"$WORK/secrets-$name/slack_signing_secret"
  cp "$WORK/db_password" "$WORK/secrets-$name/db_password"
  chmod 0755 "$WORK/secrets-$name"; chmod 0644 "$WORK/secrets-$name"/*
done
chmod 0644 "$WORK/db_password"

FAKE_SLACK_RECORD="$WORK/replies.jsonl" python3 -u slack-adapter/scripts/fake_slack_api.py "$FAKE_PORT" \
  >"$WORK/fake.log" 2>&1 &
FAKE_PID=$!
: >"$WORK/replies.jsonl"

pm run -d --name "$PREFIX-pg" --network=host --user postgres \
  -v "$WORK/db_password:/run/secrets/db_password:ro" "$PG_BASE" \
  bash -c "set -e; $PG_BIN/initdb -D /tmp/pgdata -U pastefix --pwfile=/run/secrets/db_password \
             --auth-host=scram-sha-256 --auth-local=trust >/dev/null;
           exec $PG_BIN/postgres -D /tmp/pgdata -c listen_addresses=127.0.0.1 -c port=$PG_PORT \
             -c unix_socket_directories=/tmp" >/dev/null 2>"$WORK/pg-run.log" || fail "starting PostgreSQL"
for _ in $(seq 1 60); do
  pm exec "$PREFIX-pg" "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null && break
  sleep 0.5
done
pm exec "$PREFIX-pg" "$PG_BIN/createdb" -h /tmp -p "$PG_PORT" -U pastefix pastefix 2>>"$WORK/pg-run.log" \
  || fail "PostgreSQL did not come up"

start_instance() { # name, http port, management port
  local name="$1" http="$2" mgmt="$3"
  pm run -d --name "$PREFIX-$name" --read-only --network=host --stop-timeout 45 \
    -v "$PREFIX-$name-data:/var/lib/pastefix" \
    -v "$WORK/secrets-$name:/run/secrets/pastefix:ro" \
    -e SLACK_BOT_TOKEN_FILE=/run/secrets/pastefix/slack_bot_token \
    -e SLACK_SIGNING_SECRET_FILE=/run/secrets/pastefix/slack_signing_secret \
    -e PASTEFIX_DATABASE_PASSWORD_FILE=/run/secrets/pastefix/db_password \
    -e PASTEFIX_DATABASE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/pastefix" \
    -e PASTEFIX_DATABASE_USER=pastefix \
    -e SLACK_API_URL="http://127.0.0.1:$FAKE_PORT/api/" \
    -e PASTEFIX_HTTP_HOST=127.0.0.1 -e PASTEFIX_HTTP_PORT="$http" \
    -e PASTEFIX_MANAGEMENT_HOST=127.0.0.1 -e PASTEFIX_MANAGEMENT_PORT="$mgmt" \
    -e PASTEFIX_STALE_CLAIM_SECONDS=5 \
    "$IMAGE" >/dev/null 2>>"$WORK/podman-run.log" || fail "starting instance $name"
}
ready() { curl -fsS -m 2 -H 'Host: localhost' "http://127.0.0.1:$1/readyz" >/dev/null 2>&1; }
await_ready() { # management port, name, seconds
  local deadline=$(( $(date +%s) + $3 ))
  until ready "$1"; do
    [ "$(date +%s)" -lt "$deadline" ] || fail "$2 not ready on :$1 within $3 s"
    if [ -n "$2" ] && pm container exists "$2" \
        && [ "$(pm inspect --format '{{.State.Running}}' "$2")" != true ]; then
      fail "$2 exited while starting"
    fi
    sleep 0.25
  done
}
t0=$(date +%s.%N)
start_instance a "$A_HTTP" "$A_MGMT"
start_instance b "$B_HTTP" "$B_MGMT"
await_ready "$A_MGMT" "$PREFIX-a" 120
await_ready "$B_MGMT" "$PREFIX-b" 120
READY_WALL=$(python3 -c "import time; print(round(time.time() - $t0, 1))")
# "... ready in N ms (M ms after the JVM started)": the time to ready inside the container.
JVM_READY_A=$(pm logs "$PREFIX-a" 2>&1 | sed -n 's/.*(\([0-9]*\) ms after the JVM started).*/\1/p' | head -1)
JVM_READY_B=$(pm logs "$PREFIX-b" 2>&1 | sed -n 's/.*(\([0-9]*\) ms after the JVM started).*/\1/p' | head -1)
for name in a b; do
  [ "$(pm inspect --format '{{.HostConfig.ReadonlyRootfs}}' "$PREFIX-$name")" = true ] || fail "$name is not read-only"
  [ "$(pm exec "$PREFIX-$name" id -u)" = 10001 ] || fail "$name does not run as uid 10001"
  if pm exec "$PREFIX-$name" touch /opt/pastefix/written 2>/dev/null; then fail "$name could write to its root filesystem"; fi
  pm healthcheck run "$PREFIX-$name" >/dev/null 2>&1 || fail "the HEALTHCHECK of $name failed"
  metrics=$(curl -fsS -H 'Host: localhost' "http://127.0.0.1:$([ $name = a ] && echo "$A_MGMT" || echo "$B_MGMT")/metrics")
  grep -q "^pastefix_build_info{commit=\"$REVISION\",version=\"$VERSION\"} 1" <<<"$metrics" \
    || fail "pastefix_build_info on $name"
done
pass "2. two instances read-only as uid 10001 on one PostgreSQL, secrets from files: both ready ${READY_WALL}s after podman run; inside the containers ready ${JVM_READY_A} ms and ${JVM_READY_B} ms after the JVM started; HEALTHCHECK healthy; pastefix_build_info{version=\"$VERSION\",commit=\"$REVISION\"}"

# ------------------------------------------------------------------------------------ 3. one reply per event
PASTE='New-PSSession : [admin1a.online.lync.com] Connecting to remote server admin1a.online.lync.com failed with the following error message : The WS-Management service cannot process the request. The maximum number of concurrent shells for this tenant has been exceeded.'
send() { # http port, event number: prints the HTTP status
  PASTEFIX_HTTP_PORT="$1" SLACK_SIGNING_SECRET="$SIGNING" SLACK_EVENT_ID="EvDeployTest$2" \
    SLACK_EVENT_TS="1700000900.$(printf '%06d' "$2")" slack-adapter/scripts/send_event.sh "$PASTE" \
    | awk 'NR == 1 {print $2}'
}
replies() { # event number [token suffix]: how many replies were accepted for it
  python3 - "$WORK/replies.jsonl" "1700000900.$(printf '%06d' "$1")" "${2:-}" <<'EOF'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
print(sum(1 for r in rows if r["thread_ts"] == sys.argv[2] and r["token"].endswith(sys.argv[3])))
EOF
}
await_reply() { # event number, seconds, [token suffix]
  local deadline=$(( $(date +%s) + $2 ))
  until [ "$(replies "$1" "${3:-}")" -ge 1 ]; do
    [ "$(date +%s)" -lt "$deadline" ] || fail "no reply to event $1 within $2 s"
    sleep 0.25
  done
}
for i in 1 2 3 4; do
  if [ $((i % 2)) = 1 ]; then first=$A_HTTP; second=$B_HTTP; else first=$B_HTTP; second=$A_HTTP; fi
  [ "$(send "$first" "$i")" = 200 ] || fail "event $i not acknowledged"
  # The same event at the other instance, as a retry behind a load balancer would arrive.
  [ "$(send "$second" "$i")" = 200 ] || fail "event $i (again) not acknowledged"
done
for i in 1 2 3 4; do await_reply "$i" 60; done
sleep 3
counts=""
for i in 1 2 3 4; do
  n=$(replies "$i"); counts="$counts $n"
  [ "$n" = 1 ] || fail "event $i got $n replies, not 1"
done
by_a=$(grep -c '"token": "aaaaaa"' "$WORK/replies.jsonl" || true)
by_b=$(grep -c '"token": "bbbbbb"' "$WORK/replies.jsonl" || true)
pass "3. 4 signed events, each sent to both instances: replies per event${counts} (instance a answered $by_a, b $by_b)"

# ------------------------------------------------------------------------------------ 4. kill one, the other takes over
curl -fsS -X POST --data 'xoxb-ctr-aaaaaa' "http://127.0.0.1:$FAKE_PORT/control/hold" >/dev/null
[ "$(send "$A_HTTP" 5)" = 200 ] || fail "event 5 not acknowledged by a"
deadline=$(( $(date +%s) + 30 ))
until grep -q 'held for ...aaaaaa' "$WORK/fake.log"; do
  [ "$(date +%s)" -lt "$deadline" ] || fail "instance a never tried to post event 5"
  sleep 0.1
done
t0=$(date +%s.%N)
pm kill --signal KILL "$PREFIX-a" >/dev/null
pm wait "$PREFIX-a" >/dev/null 2>&1 || true
curl -fsS -X POST "http://127.0.0.1:$FAKE_PORT/control/release" >/dev/null
await_reply 5 90 bbbbbb
TAKEOVER=$(python3 -c "import time; print(round(time.time() - $t0, 1))")
[ "$(send "$B_HTTP" 6)" = 200 ] || fail "event 6 not acknowledged by b"
await_reply 6 30 bbbbbb
sleep 2
[ "$(replies 5)" = 1 ] || fail "event 5 got $(replies 5) replies, not 1"
ready "$B_MGMT" || fail "b is not ready after a died"
pass "4. a acknowledged event 5 and was killed (SIGKILL) before posting: b answered it ${TAKEOVER}s later (stale claim after 5 s), exactly once, and kept serving"

# ------------------------------------------------------------------------------------ 5. SIGTERM: graceful stop, exit 0
curl -fsS -X POST --data 'xoxb-ctr-bbbbbb' "http://127.0.0.1:$FAKE_PORT/control/hold" >/dev/null
[ "$(send "$B_HTTP" 7)" = 200 ] || fail "event 7 not acknowledged by b"
t0=$(date +%s.%N)
pm kill --signal TERM "$PREFIX-b" >/dev/null
sleep 2
# Readiness turns 503 at once while the acknowledged event is still being posted.
if ready "$B_MGMT"; then fail "b still ready 2 s after SIGTERM"; fi
curl -fsS -X POST "http://127.0.0.1:$FAKE_PORT/control/release" >/dev/null
code=$(timeout $((GRACE_SECONDS + 15)) podman --runtime runc wait "$PREFIX-b" 2>/dev/null) || fail "b did not stop within the grace period"
STOP=$(python3 -c "import time; print(round(time.time() - $t0, 1))")
[ "$code" = 0 ] || fail "b exited with $code after SIGTERM, not 0"
python3 -c "import sys; sys.exit(0 if $STOP <= $GRACE_SECONDS + 5 else 1)" || fail "b took ${STOP}s to stop"
[ "$(replies 7)" = 1 ] || fail "event 7, acknowledged before SIGTERM, got $(replies 7) replies"
pm logs "$PREFIX-b" 2>&1 | grep -q 'every acknowledged message was answered' || fail "b did not log its drain"
pm kill --signal TERM "$PREFIX-pg" >/dev/null 2>&1 || true
pass "5. SIGTERM to b with an acknowledged event still being posted: /readyz 503 at once, the reply posted, exit code 0 after ${STOP}s (grace ${GRACE_SECONDS}s)"

# ------------------------------------------------------------------------------------ 6. Kubernetes manifests and the systemd unit
mkdir -p "$WORK/kube"
kubectl kustomize deploy/kubernetes/base >"$WORK/kube/base.yaml" 2>"$WORK/kube/render.log" || fail "kubectl kustomize of the base"
kubectl kustomize deploy/kubernetes/overlays/postgres >"$WORK/kube/postgres.yaml" 2>>"$WORK/kube/render.log" \
  || fail "kubectl kustomize of the PostgreSQL overlay"
grep -q 'PASTEFIX_DATABASE_URL: jdbc:postgresql://pastefix-postgres:5432/pastefix' "$WORK/kube/postgres.yaml" \
  || fail "the PostgreSQL overlay does not set PASTEFIX_DATABASE_URL"
# What podman kube play needs to run the base here, and nothing else: the test image; one pod on
# the host's loopback (the fake Web API is there), so no port mappings and numbered probe ports;
# the host's name (H2 resolves it); the tokens from a ConfigMap (podman 4.3 cannot mount a Secret
# it did not create) and the settings' ports and Web API.
base_rel=$(python3 -c "import os, sys; print(os.path.relpath(sys.argv[1], sys.argv[2]))" \
  "$ROOT/deploy/kubernetes/base" "$WORK/kube")
cat >"$WORK/kube/kustomization.yaml" <<EOF
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - $base_rel
images:
  - name: localhost/pastefix
    newTag: test
configMapGenerator:
  - name: pastefix-settings
    behavior: merge
    literals:
      - PASTEFIX_MANAGEMENT_HOST=127.0.0.1
      - PASTEFIX_MANAGEMENT_PORT=$K_MGMT
      - PASTEFIX_HTTP_HOST=127.0.0.1
      - PASTEFIX_HTTP_PORT=$K_HTTP
      - SLACK_API_URL=http://127.0.0.1:$FAKE_PORT/api/
  - name: pastefix-test-secrets
    literals:
      - slack-bot-token=xoxb-ctr-kkkkkk
      - slack-signing-secret=$SIGNING
    options:
      disableNameSuffixHash: true
patches:
  - patch: |-
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: pastefix
      spec:
        replicas: 1
        template:
          spec:
            hostNetwork: true
            hostname: $(hostname)
            volumes:
              - name: secrets
                secret: null
                configMap:
                  name: pastefix-test-secrets
  - target: {kind: Deployment, name: pastefix}
    patch: |-
      - {op: remove, path: /spec/template/spec/containers/0/ports}
      - {op: replace, path: /spec/template/spec/containers/0/startupProbe/httpGet/port, value: $K_MGMT}
      - {op: replace, path: /spec/template/spec/containers/0/readinessProbe/httpGet/port, value: $K_MGMT}
      - {op: replace, path: /spec/template/spec/containers/0/livenessProbe/httpGet/port, value: $K_MGMT}
EOF
kubectl kustomize "$WORK/kube" >"$WORK/kube/rendered.yaml" 2>>"$WORK/kube/render.log" || fail "rendering the test overlay"
python3 - "$WORK/kube/rendered.yaml" "$WORK/kube/play.yaml" <<'EOF'
import sys
docs = open(sys.argv[1], encoding="utf-8").read().split("\n---\n")
kept = [d for d in docs if "\nkind: Secret\n" not in "\n" + d + "\n"]
open(sys.argv[2], "w", encoding="utf-8").write("\n---\n".join(kept))
EOF
KUBE_YAML="$WORK/kube/play.yaml"
t0=$(date +%s.%N)
pm kube play "$KUBE_YAML" >"$WORK/kube/play.log" 2>&1 || fail "podman kube play (see $WORK/kube/play.log)"
await_ready "$K_MGMT" "" 120
KUBE_READY=$(python3 -c "import time; print(round(time.time() - $t0, 1))")
kube_ctr=$(pm ps --filter "pod=pastefix-pod-0" --format '{{.Names}}' | grep -v infra | head -1)
[ "$(pm exec "$kube_ctr" id -u)" = 10001 ] || fail "the pod does not run as uid 10001"
pm exec "$kube_ctr" test -f /etc/pastefix/knowledge/local-example.yaml || fail "knowledge ConfigMap not mounted"
pm kube down "$KUBE_YAML" >/dev/null 2>&1
KUBE_YAML=""
systemd-analyze verify deploy/systemd/pastefix.service >"$WORK/systemd.log" 2>&1 \
  || { cat "$WORK/systemd.log" >&2; fail "systemd-analyze verify deploy/systemd/pastefix.service"; }
pass "6. kubectl kustomize renders the base ($(grep -c '^kind:' "$WORK/kube/base.yaml") objects) and the PostgreSQL overlay ($(grep -c '^kind:' "$WORK/kube/postgres.yaml")); podman kube play of the base: /readyz 200 after ${KUBE_READY}s, uid 10001, knowledge mounted; systemd-analyze verify accepts the unit"

echo
echo "deploy/test.sh: all passed in $(( $(date +%s) - STARTED_AT )) s (pastefix $VERSION, commit $REVISION)"
for line in "${SUMMARY[@]}"; do echo "  $line"; done
