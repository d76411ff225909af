import json
import os


def handler(event, context):
    print("python handler for", context.aws_request_id)
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps({
            "path": event.get("path"),
            "table": os.environ.get("TABLE_NAME"),
            "function": context.function_name,
        }),
    }
