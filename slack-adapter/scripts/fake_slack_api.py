#!/usr/bin/env python3
"""A stand-in for Slack's Web API on localhost, to try pastefix without a workspace.

Run it, point SLACK_API_URL at it, and every Web API call pastefix makes is printed here and
answered the way Slack answers it.  Usage: fake_slack_api.py [PORT]   (default 8089)

For scripted tests (deploy/test.sh): with FAKE_SLACK_RECORD=FILE every reply accepted is also
appended to FILE as one JSON line (method, the bot token's last 6 characters, channel, thread_ts);
POST /control/hold with a bot token as the body holds that token's chat.postMessage calls open
(an instance that acknowledged but cannot post yet), POST /control/release answers the held calls
with a 503, which records nothing.
"""
import json
import os
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


RECORD = os.environ.get("FAKE_SLACK_RECORD")
HELD_TOKENS = set()
RELEASED = threading.Condition()
LOCK = threading.Lock()


class FakeSlack(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8")
        if self.path.startswith("/control/"):
            self.control(self.path[len("/control/"):], body.strip())
            return
        method = self.path.split("?")[0].rsplit("/", 1)[-1]
        token = (self.headers.get("Authorization") or "").replace("Bearer ", "")
        content_type = self.headers.get("Content-Type") or ""
        params = dict(urllib.parse.parse_qsl(body)) if "urlencoded" in content_type else {}
        if method == "auth.test":
            answer = {"ok": True, "url": "https://local.example/", "team": "Local",
                      "user": "pastefix", "team_id": "T0LOCAL", "user_id": "U0PASTEFIX",
                      "bot_id": "B0PASTEFIX"}
        elif method == "chat.postMessage":
            if self.held(token):
                self.reply(503, {"ok": False, "error": "service_unavailable"})
                return
            answer = {"ok": True, "channel": params.get("channel"), "ts": "%.6f" % time.time()}
        else:
            answer = {"ok": True}
        print(describe(method, params, body), flush=True)
        if RECORD and method == "chat.postMessage":
            line = json.dumps({"method": method, "token": token[-6:],
                               "channel": params.get("channel"),
                               "thread_ts": params.get("thread_ts")})
            with LOCK, open(RECORD, "a", encoding="utf-8") as out:
                out.write(line + "\n")
        self.reply(200, answer)

    def held(self, token):
        """Waits while token is held; True when it was (the call then fails)."""
        with RELEASED:
            if token not in HELD_TOKENS:
                return False
            print(f"POST chat.postMessage held for ...{token[-6:]}", flush=True)
            RELEASED.wait_for(lambda: token not in HELD_TOKENS, timeout=600)
            return True

    def control(self, action, token):
        with RELEASED:
            if action == "hold":
                HELD_TOKENS.add(token)
            elif action == "release":
                HELD_TOKENS.clear()
                RELEASED.notify_all()
            else:
                self.reply(404, {"ok": False, "error": "unknown_control"})
                return
        self.reply(200, {"ok": True})

    def reply(self, status, answer):
        data = json.dumps(answer).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def describe(method, params, body):
    if not params:
        return f"POST {method} {body[:200]}"
    line = f"POST {method}"
    for name in ("channel", "thread_ts", "ts", "user"):
        if name in params:
            line += f" {name}={params[name]}"
    if "text" in params:
        line += f"\n  text: {params['text'][:160]}"
    if "blocks" in params:
        blocks = json.loads(params["blocks"])
        headers = [b["text"]["text"] for b in blocks if b.get("type") == "header"]
        line += f"\n  blocks: {len(blocks)}, headers: {headers}"
    return line


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8089
    print(f"fake Slack Web API on http://127.0.0.1:{port}/api/", flush=True)
    ThreadingHTTPServer(("127.0.0.1", port), FakeSlack).serve_forever()
