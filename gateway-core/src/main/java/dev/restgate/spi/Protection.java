package dev.restgate.spi;

import dev.restgate.model.Authorizer;
import dev.restgate.model.Method;
import dev.restgate.model.RestApi;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a method's definition asks the gateway to enforce before its integration runs. A method is served only when
 * its chain holds, for each protection it requires, a plugin whose factory declares it in
 * {@link PluginFactory#enforces()}; otherwise it answers AWS's 500 {@code API_CONFIGURATION_ERROR} response and no
 * request reaches its integration. A gateway that cannot enforce a definition never serves it open.
 */
public enum Protection {
  /** {@code authorizationType: AWS_IAM}: a SigV4 signature and IAM policies. */
  AWS_IAM,
  /** {@code authorizationType: CUSTOM} with a Lambda authorizer of type {@code TOKEN}. */
  LAMBDA_TOKEN_AUTHORIZER,
  /** {@code authorizationType: CUSTOM} with a Lambda authorizer of type {@code REQUEST}. */
  LAMBDA_REQUEST_AUTHORIZER,
  /** {@code authorizationType: COGNITO_USER_POOLS}: a JWT from a user pool. */
  COGNITO_USER_POOLS,
  /** {@code apiKeyRequired: true}: an API key in a usage plan of the stage. */
  API_KEY,
  /** The API's resource policy ({@code x-amazon-apigateway-policy}), which applies to every method. */
  RESOURCE_POLICY;

  /**
   * The protections {@code method} of {@code api} requires, empty for an open method.
   *
   * @throws IllegalArgumentException when the definition names an authorization the gateway does not know, or a
   *     {@code CUSTOM} authorizer the API does not define as a Lambda authorizer
   */
  public static Set<Protection> requiredBy(RestApi api, Method method) {
    Set<Protection> required = EnumSet.noneOf(Protection.class);
    String type = method.authorizationType();
    if ("AWS_IAM".equals(type)) {
      required.add(AWS_IAM);
    } else if ("COGNITO_USER_POOLS".equals(type)) {
      required.add(COGNITO_USER_POOLS);
    } else if ("CUSTOM".equals(type)) {
      required.add(lambdaAuthorizer(api, method.authorizerId()));
    } else if (type != null && !"NONE".equals(type)) {
      throw new IllegalArgumentException("authorizationType " + type
          + " is not one of NONE, AWS_IAM, CUSTOM, COGNITO_USER_POOLS");
    }
    if (Boolean.TRUE.equals(method.apiKeyRequired())) {
      required.add(API_KEY);
    }
    if (api.policy() != null && !api.policy().isBlank()) {
      required.add(RESOURCE_POLICY);
    }
    return required;
  }

  private static Protection lambdaAuthorizer(RestApi api, String authorizerId) {
    Authorizer authorizer = api.authorizers().stream()
        .filter(a -> a.id().equals(authorizerId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("authorizationType CUSTOM names authorizer " + authorizerId
            + ", which the API does not define"));
    if ("TOKEN".equals(authorizer.type())) {
      return LAMBDA_TOKEN_AUTHORIZER;
    }
    if ("REQUEST".equals(authorizer.type())) {
      return LAMBDA_REQUEST_AUTHORIZER;
    }
    throw new IllegalArgumentException("authorizationType CUSTOM needs a TOKEN or REQUEST authorizer, and "
        + authorizer.name() + " is of type " + authorizer.type());
  }
}
