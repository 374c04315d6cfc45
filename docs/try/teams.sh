#!/usr/bin/env bash
# Try pastefix in Microsoft Teams without a tenant: a fake Bot Framework (OpenID metadata, a key
# set made with openssl, a token endpoint, a connector that records replies) and the shipped sample
# activities, each posted with a token signed like the Bot Connector signs one.
# Usage: docs/try/teams.sh [ACTIVITY.json...]   (default: docs/try/teams/*.json)
# Needs: the built jar, java, python3, openssl, curl. Ports: TRY_BOT_FRAMEWORK_PORT (3980) and
# PASTEFIX_TEAMS_PORT (3978).
source "$(dirname "$0")/common.sh"
bf_port="${TRY_BOT_FRAMEWORK_PORT:-3980}"
teams_port="${PASTEFIX_TEAMS_PORT:-3978}"
app_id=00000000-1111-2222-3333-444444444444
fake="$ROOT/docs/try/teams/fake_bot_framework.py"
service_url="http://127.0.0.1:$bf_port/connector/"
if [ "$#" -eq 0 ]; then set -- "$ROOT"/docs/try/teams/*.json; fi

python3 "$fake" serve "$bf_port" "$WORK/keys" >"$WORK/fake-bot-framework.log" 2>&1 &
STARTED+=("$!")
wait_for "http://127.0.0.1:$bf_port/openid" 30
run_bot "$WORK/pastefix.log" TEAMS_APP_ID="$app_id" TEAMS_APP_PASSWORD=local \
  TEAMS_OPENID_METADATA_URL="http://127.0.0.1:$bf_port/openid" \
  TEAMS_LOGIN_URL="http://127.0.0.1:$bf_port/token" PASTEFIX_TEAMS_PORT="$teams_port"
wait_for "http://127.0.0.1:$teams_port/api/messages" 90

sent=0
for activity in "$@"; do
  # The sample's serviceUrl names the fake's default port; a fresh id keeps a second run from
  # looking like a redelivery.
  body=$(SERVICE_URL="$service_url" python3 -c '
import json, os, sys, time
a = json.load(open(sys.argv[1], encoding="utf-8"))
a["serviceUrl"] = os.environ["SERVICE_URL"]
a["id"] = str(int(time.time() * 1000)) + str(len(sys.argv[1]))
print(json.dumps(a))' "$activity")
  token=$(python3 "$fake" token "$WORK/keys" "$app_id" "$service_url")
  status=$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data-binary "$body" \
    "http://127.0.0.1:$teams_port/api/messages")
  echo "posted $(basename "$activity"): HTTP $status"
  sent=$((sent + 1))
done
for _ in $(seq 1 100); do
  [ "$(grep -c '^POST /connector' "$WORK/fake-bot-framework.log" || true)" -ge "$sent" ] && break
  sleep 0.3
done
echo "the connector received (full cards: curl http://127.0.0.1:$bf_port/recorded while it runs):"
if ! grep '^POST /connector' "$WORK/fake-bot-framework.log"; then
  echo "no reply; logs in $WORK" >&2
  TRY_KEEP=1
  exit 1
fi
