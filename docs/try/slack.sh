#!/usr/bin/env bash
# Try pastefix in Slack HTTP mode without a workspace: a fake Web API records what pastefix posts,
# and one message signed the way Slack signs it is sent to the bot.
# Usage: docs/try/slack.sh ['pasted text']   Needs: the built jar, java, python3, openssl, curl.
# Ports: TRY_SLACK_API_PORT (8089) and PASTEFIX_HTTP_PORT (3000).
source "$(dirname "$0")/common.sh"
api_port="${TRY_SLACK_API_PORT:-8089}"
export PASTEFIX_HTTP_PORT="${PASTEFIX_HTTP_PORT:-3000}"
text="${1:-New-PSSession : [admin1a.online.lync.com] Connecting to remote server admin1a.online.lync.com failed with the following error message : The WS-Management service cannot process the request. The maximum number of concurrent shells for this tenant has been exceeded.}"

FAKE_SLACK_RECORD="$WORK/replies.jsonl" python3 "$ROOT/slack-adapter/scripts/fake_slack_api.py" \
  "$api_port" >"$WORK/fake-slack.log" 2>&1 &
STARTED+=("$!")
run_bot "$WORK/pastefix.log" SLACK_BOT_TOKEN=xoxb-local SLACK_SIGNING_SECRET=local-secret \
  SLACK_API_URL="http://127.0.0.1:$api_port/api/" PASTEFIX_HTTP_PORT="$PASTEFIX_HTTP_PORT"
wait_for "http://127.0.0.1:$PASTEFIX_HTTP_PORT/healthz" 90

ts="$(date +%s).000100"
answer=$(SLACK_SIGNING_SECRET=local-secret SLACK_EVENT_TS="$ts" \
  "$ROOT/slack-adapter/scripts/send_event.sh" "$text")
echo "sent a signed channel message (ts $ts): ${answer%%$'\r'*}"
for _ in $(seq 1 100); do
  grep -q 'chat.postMessage' "$WORK/fake-slack.log" 2>/dev/null && break
  sleep 0.3
done
# The reply's thread and, under it, its text and card headers.
if ! grep -A2 'POST chat.postMessage' "$WORK/fake-slack.log"; then
  echo "pastefix posted nothing; logs in $WORK" >&2
  TRY_KEEP=1
  exit 1
fi
