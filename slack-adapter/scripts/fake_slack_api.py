#!/usr/bin/env python3
"""A stand-in for Slack's Web API on localhost, to try pastefix without a workspace.

Run it, point SLACK_API_URL at it, and every Web API call pastefix makes is printed here and
answered the way Slack answers it.  Usage: fake_slack_api.py [PORT]   (default 8089)
"""
import json
import sys
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeSlack(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8")
        method = self.path.split("?")[0].rsplit("/", 1)[-1]
        content_type = self.headers.get("Content-Type") or ""
        params = dict(urllib.parse.parse_qsl(body)) if "urlencoded" in content_type else {}
        if method == "auth.test":
            answer = {"ok": True, "url": "https://local.example/", "team": "Local",
                      "user": "pastefix", "team_id": "T0LOCAL", "user_id": "U0PASTEFIX",
                      "bot_id": "B0PASTEFIX"}
        elif method == "chat.postMessage":
            answer = {"ok": True, "channel": params.get("channel"), "ts": "%.6f" % time.time()}
        else:
            answer = {"ok": True}
        print(describe(method, params, body), flush=True)
        data = json.dumps(answer).encode("utf-8")
        self.send_response(200)
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
