"""A small Lambda Runtime API: serves N events to one runtime client, records the answers, then exits.

Implements the calls the Java runtime interface client makes
(https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html):
  GET  /2018-06-01/runtime/invocation/next          the next event, with the Lambda-Runtime-* headers
  POST /2018-06-01/runtime/invocation/{id}/response the function's result
  POST /2018-06-01/runtime/invocation/{id}/error    the function's error
  POST /2018-06-01/runtime/init/error               the function could not start
  GET  /2018-06-01/runtime/restore/next             SnapStart: the snapshot is "restored" (after beforeCheckpoint)
  POST /2018-06-01/runtime/restore/error            SnapStart: a hook failed

The runtime client's native HTTP client rejects an answer to /invocation/next without a Content-Type header.

Usage: python3 runtime_api.py --event FILE [--event FILE ...] [--events-per-file N] --out DIR [--timeout S]
Binds 127.0.0.1 on a free port and prints "READY <port>" on stdout. Writes DIR/<n>.json (the answer to event n,
1-based) with {"kind": "response" | "error", "requestId", "body", "servedAt", "answeredAt"}, DIR/init-error.json
when init fails, and DIR/restore.json when the client asked for the restore (time of the call, epoch seconds).
Exits 0 once every event is answered, 3 on an init error, 4 on timeout; one more /next after the last event is held
open until the process exits (as Lambda freezes the environment), so the client never sees a failed poll.
"""

import argparse
import json
import os
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PREFIX = "/2018-06-01/runtime"
FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:endpoint-guard-local"


class RuntimeState:
    def __init__(self, events, out_dir):
        self.events = events  # list of bytes
        self.out_dir = out_dir
        self.lock = threading.Lock()
        self.next_index = 0
        self.pending = {}  # request id -> (index, served_at)
        self.answered = 0
        self.done = threading.Event()
        self.exit_code = 0

    def take_next(self):
        with self.lock:
            if self.next_index >= len(self.events):
                return None
            index = self.next_index
            self.next_index += 1
            request_id = str(uuid.uuid4())
            self.pending[request_id] = (index, time.time())
            return index, request_id, self.events[index]

    def answer(self, request_id, kind, body):
        with self.lock:
            if request_id not in self.pending:
                return False
            index, served_at = self.pending.pop(request_id)
            record = {
                "kind": kind,
                "requestId": request_id,
                "body": body.decode("utf-8", errors="replace"),
                "servedAt": served_at,
                "answeredAt": time.time(),
            }
            write_json(os.path.join(self.out_dir, "%d.json" % (index + 1)), record)
            self.answered += 1
            if self.answered == len(self.events):
                self.done.set()
            return True

    def fail_init(self, body):
        write_json(os.path.join(self.out_dir, "init-error.json"),
                   {"body": body.decode("utf-8", errors="replace"), "at": time.time()})
        self.exit_code = 3
        self.done.set()


def write_json(path, value):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(value, f)
    os.replace(tmp, path)


def make_handler(state):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt, *args):  # one line per call on stderr, prefixed
            sys.stderr.write("runtime-api: " + (fmt % args) + "\n")

        def body(self):
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length) if length else b""

        def reply(self, status, payload=b"", headers=None):
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            if payload:
                self.wfile.write(payload)

        def do_GET(self):
            if self.path == PREFIX + "/invocation/next":
                taken = state.take_next()
                if taken is None:
                    # Lambda freezes the environment here; hold the poll until the process is stopped.
                    state.done.wait()
                    time.sleep(3600)
                    return
                _, request_id, event = taken
                deadline_ms = int((time.time() + 900) * 1000)
                self.reply(200, event, {
                    "Lambda-Runtime-Aws-Request-Id": request_id,
                    "Lambda-Runtime-Deadline-Ms": str(deadline_ms),
                    "Lambda-Runtime-Invoked-Function-Arn": FUNCTION_ARN,
                    "Lambda-Runtime-Trace-Id": "Root=1-%08x-%s;Parent=%s;Sampled=0" % (
                        int(time.time()), uuid.uuid4().hex[:24], uuid.uuid4().hex[:16]),
                })
            elif self.path == PREFIX + "/restore/next":
                write_json(os.path.join(state.out_dir, "restore.json"), {"at": time.time()})
                self.reply(200, b"")
            else:
                self.reply(404, b'{"errorMessage":"unknown path"}')

        def do_POST(self):
            payload = self.body()
            parts = self.path[len(PREFIX):].strip("/").split("/") if self.path.startswith(PREFIX) else []
            if len(parts) == 3 and parts[0] == "invocation" and parts[2] in ("response", "error"):
                if state.answer(parts[1], parts[2], payload):
                    self.reply(202, b'{"status":"OK"}')
                else:
                    self.reply(400, b'{"errorMessage":"unknown request id"}')
            elif parts in (["init", "error"], ["restore", "error"]):
                state.fail_init(payload)
                self.reply(202, b'{"status":"OK"}')
            else:
                self.reply(404, b'{"errorMessage":"unknown path"}')

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--event", action="append", required=True, help="event file (JSON); repeatable")
    parser.add_argument("--events-per-file", type=int, default=1, help="serve each file this many times")
    parser.add_argument("--out", required=True, help="directory for the answers")
    parser.add_argument("--timeout", type=float, default=120, help="seconds before giving up")
    args = parser.parse_args()

    events = []
    for path in args.event:
        with open(path, "rb") as f:
            data = f.read()
        json.loads(data)  # a malformed event file is this tool's error, not the function's
        events.extend([data] * args.events_per_file)
    os.makedirs(args.out, exist_ok=True)

    state = RuntimeState(events, args.out)
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(state))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print("READY %d" % server.server_address[1], flush=True)

    if not state.done.wait(args.timeout):
        sys.stderr.write("runtime-api: timed out after %.0f s with %d of %d answered\n"
                         % (args.timeout, state.answered, len(events)))
        sys.exit(4)
    time.sleep(0.1)  # let the last reply reach the client
    sys.exit(state.exit_code)


if __name__ == "__main__":
    main()
