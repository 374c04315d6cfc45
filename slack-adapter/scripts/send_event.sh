#!/usr/bin/env bash
# Posts one message, signed like Slack signs it, to pastefix in HTTP mode, as if it had been
# pasted in channel C0LOCAL.  Usage: SLACK_SIGNING_SECRET=... send_event.sh 'pasted text'
# SLACK_EVENT_ID and SLACK_EVENT_TS (the message's ts) set them instead of the current time, so a
# script can send several events a second, or the same event again as Slack's retry would.
set -euo pipefail
: "${SLACK_SIGNING_SECRET:?set SLACK_SIGNING_SECRET to the secret pastefix runs with}"
port="${PASTEFIX_HTTP_PORT:-3000}"
text="${1:?usage: send_event.sh 'pasted text'}"
now=$(date +%s)
event_id="${SLACK_EVENT_ID:-Ev$now}"
event_ts="${SLACK_EVENT_TS:-$now.000100}"
body=$(TEXT="$text" NOW="$now" EVENT_ID="$event_id" EVENT_TS="$event_ts" python3 -c '
import json, os
now = os.environ["NOW"]
print(json.dumps({"token": "x", "team_id": "T0LOCAL", "api_app_id": "A0LOCAL",
  "type": "event_callback", "event_id": os.environ["EVENT_ID"], "event_time": int(now),
  "event": {"type": "message", "channel": "C0LOCAL", "channel_type": "channel",
            "user": "U0ADMIN", "text": os.environ["TEXT"], "ts": os.environ["EVENT_TS"]}}))')
sig="v0=$(printf 'v0:%s:%s' "$now" "$body" | openssl dgst -sha256 -hmac "$SLACK_SIGNING_SECRET" | sed 's/^.* //')"
curl -sS -i "http://127.0.0.1:${port}/slack/events" \
  -H 'Content-Type: application/json' \
  -H "X-Slack-Request-Timestamp: ${now}" \
  -H "X-Slack-Signature: ${sig}" \
  --data-binary "$body"
echo
