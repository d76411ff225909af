package dev.restgate.examples.hello;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A Context for calling handlers directly; keeps what they log. */
final class TestContext implements Context {
  final List<String> logged = new ArrayList<>();

  @Override
  public String getAwsRequestId() {
    return "8f5e2b7c-1111-2222-3333-444455556666";
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/hello";
  }

  @Override
  public String getLogStreamName() {
    return "2026/01/01/[$LATEST]0123456789abcdef0123456789abcdef";
  }

  @Override
  public String getFunctionName() {
    return "hello";
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:us-east-1:123456789012:function:hello";
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return 3000;
  }

  @Override
  public int getMemoryLimitInMB() {
    return 128;
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        logged.add(message);
      }

      @Override
      public void log(byte[] message) {
        logged.add(new String(message, StandardCharsets.UTF_8));
      }
    };
  }
}
