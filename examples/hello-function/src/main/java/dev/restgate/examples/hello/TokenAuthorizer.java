package dev.restgate.examples.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import java.util.List;
import java.util.Map;

/**
 * A Lambda TOKEN authorizer as AWS runs them: the token {@code allow-NAME} lets NAME call every method of the stage,
 * {@code deny-NAME} is refused with an explicit deny, anything else is {@code Unauthorized}. The policy names the
 * whole stage, so a cached result serves every method, as AWS recommends.
 */
public class TokenAuthorizer implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponse> {

  @Override
  public IamPolicyResponse handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
    String token = event.getAuthorizationToken();
    boolean allow = token.startsWith("allow-");
    if (!allow && !token.startsWith("deny-")) {
      throw new RuntimeException("Unauthorized");
    }
    String name = token.substring(token.indexOf('-') + 1);
    String methodArn = event.getMethodArn();
    String stageArn = methodArn.substring(0, methodArn.indexOf('/', methodArn.indexOf('/') + 1)) + "/*";
    IamPolicyResponse.Statement statement = allow
        ? IamPolicyResponse.allowStatement(stageArn)
        : IamPolicyResponse.denyStatement(stageArn);
    return IamPolicyResponse.builder()
        .withPrincipalId(name)
        .withPolicyDocument(IamPolicyResponse.PolicyDocument.builder()
            .withVersion(IamPolicyResponse.VERSION_2012_10_17)
            .withStatement(List.of(statement))
            .build())
        .withContext(Map.of("member", name, "plan", "gold"))
        .build();
  }
}
