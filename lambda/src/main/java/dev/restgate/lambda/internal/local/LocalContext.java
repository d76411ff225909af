package dev.restgate.lambda.internal.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.time.Clock;
import java.time.Instant;

/** The {@link Context} of one invocation of a local function. */
final class LocalContext implements Context {
  private final InProcessFunction function;
  private final String requestId;
  private final String invokedFunctionArn;
  private final ClientContext clientContext;
  private final Instant deadline;
  private final Clock clock;
  private final LambdaLogger logger;

  LocalContext(InProcessFunction function, String requestId, String invokedFunctionArn, ClientContext clientContext,
      Instant deadline, Clock clock, LambdaLogger logger) {
    this.function = function;
    this.requestId = requestId;
    this.invokedFunctionArn = invokedFunctionArn;
    this.clientContext = clientContext;
    this.deadline = deadline;
    this.clock = clock;
    this.logger = logger;
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + function.name();
  }

  @Override
  public String getLogStreamName() {
    return function.logStreamName();
  }

  @Override
  public String getFunctionName() {
    return function.name();
  }

  @Override
  public String getFunctionVersion() {
    return function.version();
  }

  @Override
  public String getInvokedFunctionArn() {
    return invokedFunctionArn;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return clientContext;
  }

  @Override
  public int getRemainingTimeInMillis() {
    long remaining = deadline.toEpochMilli() - clock.millis();
    return (int) Math.max(0, remaining);
  }

  @Override
  public int getMemoryLimitInMB() {
    return function.memorySize();
  }

  @Override
  public LambdaLogger getLogger() {
    return logger;
  }
}
