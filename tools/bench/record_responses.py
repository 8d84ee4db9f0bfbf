"""Records the responses a scan gets, for the CLI's class-data-sharing training run
(functions/cli/src/main/resources/dev/endpointguard/cli/training/, read by dev.endpointguard.cli.ArchiveTraining).

A reverse proxy on 127.0.0.1:PORT in front of a local AWS at UPSTREAM: it forwards each request and writes the
response body to OUT/<key>.xml, the key as ArchiveTraining.key makes it (the query protocols' Action, with its
Attribute when it has one; for Route 53 the method and path, slashes as underscores).

Regenerate after a change to what the scan reads (ArchiveTrainingTest fails naming the request it has no response
for):
  python functions/local-aws/src/main/resources/dev/endpointguard/localaws/moto_launcher.py --port 0   # READY <port>
  python tools/bench/seed_estate.py http://127.0.0.1:<port> 5 1 1
  python tools/bench/record_responses.py http://127.0.0.1:<port> functions/cli/src/main/resources/dev/endpointguard/cli/training 45999 &
  AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing \
    bin/endpoint-guard scan --endpoint-url http://127.0.0.1:45999 --region us-east-1 --format json

The services' AZ ids come with DescribeVpcEndpointServices (the local AWS's patch t), so the scan makes no
DescribeAvailabilityZones call. seed_estate.py makes no endpoint service: the two endpoint-service responses
(DescribeVpcEndpointServiceConfigurations, DescribeVpcEndpointServicePermissions) were recorded the same way after making
one Available service behind a network load balancer, AcceptanceRequired false, allowed principal "*" (elbv2
CreateLoadBalancer, ec2 CreateVpcEndpointServiceConfiguration, ModifyVpcEndpointServicePermissions).

Usage: python record_responses.py UPSTREAM OUT PORT
"""

import os
import sys
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

UPSTREAM, OUT, PORT = sys.argv[1], sys.argv[2], int(sys.argv[3])


class Recorder(BaseHTTPRequestHandler):
    def forward(self, method):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        request = urllib.request.Request(UPSTREAM + self.path, data=body, method=method,
                                         headers={k: v for k, v in self.headers.items() if k.lower() != "host"})
        try:
            with urllib.request.urlopen(request) as response:
                status, data, content_type = response.status, response.read(), response.headers.get("Content-Type")
        except urllib.error.HTTPError as e:
            status, data, content_type = e.code, e.read(), e.headers.get("Content-Type")
        if body:
            form = urllib.parse.parse_qs(body.decode())
            key = form.get("Action", ["?"])[0] + ("-" + form["Attribute"][0] if "Attribute" in form else "")
        else:
            key = method + self.path.split("?")[0].replace("/", "_")
        print(method, self.path, "->", key, status, len(data), file=sys.stderr, flush=True)
        with open(os.path.join(OUT, key + ".xml"), "wb") as f:
            f.write(data)
        self.send_response(status)
        self.send_header("Content-Type", content_type or "text/xml")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        self.forward("POST")

    def do_GET(self):
        self.forward("GET")

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    ThreadingHTTPServer(("127.0.0.1", PORT), Recorder).serve_forever()
