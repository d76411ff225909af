# A stand-in for AWS's awslambdaric: answers every event with the handler it was started with, so a test sees that
# the gateway runs `python -m awslambdaric {handler}` when python3 can import it.
import json
import os
import sys
import urllib.request

api = "http://" + os.environ["AWS_LAMBDA_RUNTIME_API"] + "/2018-06-01/runtime/invocation/"
while True:
    with urllib.request.urlopen(api + "next") as event:
        request_id = event.headers["Lambda-Runtime-Aws-Request-Id"]
    answer = json.dumps({"client": "awslambdaric", "handler": sys.argv[1]}).encode()
    urllib.request.urlopen(urllib.request.Request(api + request_id + "/response", data=answer)).close()
