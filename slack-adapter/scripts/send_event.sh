#!/usr/bin/env bash
# Posts one message, signed like Slack signs it, to pastefix in HTTP mode, as if it had been
# pasted in channel C0LOCAL.  Usage: SLACK_SIGNING_SECRET=... send_event.sh 'pasted text'
set -euo pipefail
: "${SLACK_SIGNING_SECRET:?set SLACK_SIGNING_SECRET to the secret pastefix runs with}"
port="${PASTEFIX_HTTP_PORT:-3000}"
text="${1:?usage: send_event.sh 'pasted text'}"
now=$(date +%s)
body=$(TEXT="$text" NOW="$now" python3 -c '
import json, os
now = os.environ["NOW"]
print(json.dumps({"token": "x", "team_id": "T0LOCAL", "api_app_id": "A0LOCAL",
  "type": "event_callback", "event_id": "Ev" + now, "event_time": int(now),
  "event": {"type": "message", "channel": "C0LOCAL", "channel_type": "channel",
            "user": "U0ADMIN", "text": os.environ["TEXT"], "ts": now + ".000100"}}))')
sig="v0=$(printf 'v0:%s:%s' "$now" "$body" | openssl dgst -sha256 -hmac "$SLACK_SIGNING_SECRET" | sed 's/^.* //')"
curl -sS -i "http://127.0.0.1:${port}/slack/events" \
  -H 'Content-Type: application/json' \
  -H "X-Slack-Request-Timestamp: ${now}" \
  -H "X-Slack-Signature: ${sig}" \
  --data-binary "$body"
echo
