package dev.restgate.examples.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import java.util.List;
import java.util.Map;

/**
 * A Lambda REQUEST authorizer as AWS runs them: it allows callers whose {@code X-Member} header names one of the
 * members the stage variable {@code allowedMembers} lists (comma-separated), for the method called only, and denies
 * everyone else explicitly.
 */
public class RequestAuthorizer implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponse> {

  @Override
  public IamPolicyResponse handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
    Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
    Map<String, String> stageVariables = event.getStageVariables() == null ? Map.of() : event.getStageVariables();
    String member = headers.getOrDefault("X-Member", "");
    List<String> allowed = List.of(stageVariables.getOrDefault("allowedMembers", "").split(","));
    String methodArn = event.getMethodArn();
    IamPolicyResponse.Statement statement = allowed.contains(member)
        ? IamPolicyResponse.allowStatement(methodArn)
        : IamPolicyResponse.denyStatement(methodArn);
    return IamPolicyResponse.builder()
        .withPrincipalId(member)
        .withPolicyDocument(IamPolicyResponse.PolicyDocument.builder()
            .withVersion(IamPolicyResponse.VERSION_2012_10_17)
            .withStatement(List.of(statement))
            .build())
        .withContext(Map.of("member", member, "path", event.getPath()))
        .build();
  }
}
