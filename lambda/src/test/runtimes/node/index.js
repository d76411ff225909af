exports.handler = async (event, context) => {
  console.log("node handler for", context.awsRequestId);
  return {
    statusCode: 200,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      path: event.path,
      table: process.env.TABLE_NAME,
      function: context.functionName,
      remaining: context.getRemainingTimeInMillis(),
    }),
  };
};
