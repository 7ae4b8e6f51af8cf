#!/usr/bin/env python3
"""A small webhook receiver for trying claimtrack's webhooks: prints each delivery and whether its signature holds.

    python3 docs/webhook-receiver.py 9999 'the-secret-you-gave-claimtrack'

It answers 204 to a delivery whose X-Claimtrack-Signature is HMAC-SHA256(secret, body), and 401 otherwise (so
claimtrack tries again later). A real receiver also drops repeats by X-Claimtrack-Delivery: delivery is at least
once.
"""
import hashlib
import hmac
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 9999
SECRET = (sys.argv[2] if len(sys.argv) > 2 else "change-me-to-a-long-secret").encode()


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        expected = "sha256=" + hmac.new(SECRET, body, hashlib.sha256).hexdigest()
        valid = hmac.compare_digest(expected, self.headers.get("X-Claimtrack-Signature", ""))
        event = json.loads(body)
        print(f"delivery {self.headers.get('X-Claimtrack-Delivery')} {self.headers.get('X-Claimtrack-Event')}"
              f" claim #{event.get('claimId')} signature {'valid' if valid else 'INVALID'}: {json.dumps(event['data'])[:200]}",
              flush=True)
        self.send_response(204 if valid else 401)
        self.end_headers()

    def log_message(self, *args):
        pass


HTTPServer(("127.0.0.1", PORT), Receiver).serve_forever()
