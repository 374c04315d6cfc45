#!/usr/bin/env python3
"""A stand-in for the Bot Framework side of Microsoft Teams on localhost, to try pastefix without
a tenant.  Needs python3 and openssl only.

  fake_bot_framework.py serve PORT KEYDIR     serves, on 127.0.0.1:PORT,
      GET  /openid      the OpenID metadata (issuer, jwks_uri) pastefix reads TEAMS_OPENID_METADATA_URL from
      GET  /keys        the key set: the public half of KEYDIR/key.pem (made with openssl if missing)
      POST /token       the client-credentials token endpoint (TEAMS_LOGIN_URL)
      POST /connector/v3/conversations/ID/activities[/ID]   the Bot Connector: records the reply
      GET  /recorded    every reply recorded, as JSON
  fake_bot_framework.py token KEYDIR APP_ID SERVICE_URL
      prints a token signed like the Bot Connector signs one (RS256 with KEYDIR/key.pem)
"""
import base64
import json
import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ISSUER = "https://api.botframework.com"
KID = "try-it-key"
REPLIES = []
LOCK = threading.Lock()


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def key_file(keydir):
    os.makedirs(keydir, exist_ok=True)
    path = os.path.join(keydir, "key.pem")
    if not os.path.exists(path):
        subprocess.run(["openssl", "genrsa", "-out", path, "2048"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return path


def jwk(keydir):
    out = subprocess.run(["openssl", "rsa", "-in", key_file(keydir), "-noout", "-modulus"],
                         check=True, capture_output=True, text=True).stdout
    modulus = bytes.fromhex(out.strip().split("=", 1)[1])
    return {"kty": "RSA", "use": "sig", "alg": "RS256", "kid": KID, "n": b64url(modulus),
            "e": b64url((65537).to_bytes(3, "big")), "endorsements": ["msteams"]}


def token(keydir, app_id, service_url):
    now = int(time.time())
    header = {"alg": "RS256", "typ": "JWT", "kid": KID}
    claims = {"iss": ISSUER, "aud": app_id, "iat": now, "nbf": now - 60, "exp": now + 3600,
              "serviceurl": service_url}
    signing_input = (b64url(json.dumps(header).encode()) + "." +
                     b64url(json.dumps(claims).encode())).encode("ascii")
    signature = subprocess.run(["openssl", "dgst", "-sha256", "-sign", key_file(keydir)],
                               input=signing_input, check=True, capture_output=True).stdout
    return signing_input.decode("ascii") + "." + b64url(signature)


class FakeBotFramework(BaseHTTPRequestHandler):
    keydir = "."

    def base(self):
        return "http://127.0.0.1:%d" % self.server.server_address[1]

    def send(self, status, body):
        data = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/openid":
            self.send(200, {"issuer": ISSUER, "jwks_uri": self.base() + "/keys",
                            "id_token_signing_alg_values_supported": ["RS256"]})
        elif self.path == "/keys":
            self.send(200, {"keys": [jwk(self.keydir)]})
        elif self.path == "/recorded":
            with LOCK:
                self.send(200, list(REPLIES))
        else:
            self.send(404, {})

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        if self.path == "/token":
            self.send(200, {"token_type": "Bearer", "expires_in": 3600,
                            "access_token": "try-it-connector-token"})
        elif self.path.startswith("/connector/v3/conversations/"):
            activity = json.loads(body or b"{}")
            with LOCK:
                REPLIES.append({"path": self.path, "activity": activity})
                count = len(REPLIES)
            print("POST %s: %s" % (self.path, summary(activity)), flush=True)
            self.send(200, {"id": "reply-%d" % count})
        else:
            self.send(404, {})

    def log_message(self, fmt, *args):
        pass


def summary(activity):
    """The first text of the Adaptive Card (its heading), else the activity's text."""
    for attachment in activity.get("attachments") or []:
        for block in (attachment.get("content") or {}).get("body") or []:
            text = block.get("text") or "".join(r.get("text", "") for r in block.get("inlines") or [])
            if text:
                return text
    return activity.get("text") or ""


def main(argv):
    if len(argv) == 4 and argv[1] == "serve":
        FakeBotFramework.keydir = argv[3]
        key_file(argv[3])
        server = ThreadingHTTPServer(("127.0.0.1", int(argv[2])), FakeBotFramework)
        print("fake Bot Framework on http://127.0.0.1:%d" % server.server_address[1], flush=True)
        server.serve_forever()
    elif len(argv) == 5 and argv[1] == "token":
        print(token(argv[2], argv[3], argv[4]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
