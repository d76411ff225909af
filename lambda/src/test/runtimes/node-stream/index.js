// Streams an HTTP response with awslambda.streamifyResponse: "data: first", then, once a file "open" exists in
// $GATE (or after 20 s), "data: last".
const fs = require("fs");
const path = require("path");

exports.handler = awslambda.streamifyResponse(async (event, responseStream) => {
  const stream = awslambda.HttpResponseStream.from(responseStream, {
    statusCode: 200,
    headers: { "Content-Type": "text/event-stream" },
  });
  stream.write("data: first\n\n");
  const gate = path.join(process.env.GATE, "open");
  for (let i = 0; i < 400 && !fs.existsSync(gate); i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  stream.write("data: last\n\n");
  stream.end();
});
