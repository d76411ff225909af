package dev.restgate.spi;

/**
 * {@code requestContext.identity} / {@code $context.identity}: who is calling. Every field but {@code sourceIp} and
 * {@code userAgent} is null until an authorizer or the API key check fills it.
 */
public record RequestIdentity(
    String sourceIp,
    String userAgent,
    String accessKey,
    String accountId,
    String caller,
    String user,
    String userArn,
    String principalOrgId,
    String cognitoAuthenticationProvider,
    String cognitoAuthenticationType,
    String cognitoIdentityId,
    String cognitoIdentityPoolId,
    String apiKey,
    String apiKeyId) {

  /** An anonymous caller. */
  public static RequestIdentity anonymous(String sourceIp, String userAgent) {
    return new RequestIdentity(sourceIp, userAgent, null, null, null, null, null, null, null, null, null, null, null,
        null);
  }

  /** The same identity with the API key that authorized the request. */
  public RequestIdentity withApiKey(String key, String keyId) {
    return new RequestIdentity(sourceIp, userAgent, accessKey, accountId, caller, user, userArn, principalOrgId,
        cognitoAuthenticationProvider, cognitoAuthenticationType, cognitoIdentityId, cognitoIdentityPoolId, key,
        keyId);
  }

  /** The same identity with the IAM principal a SigV4 signature proved. */
  public RequestIdentity withIamPrincipal(String newAccessKey, String newAccountId, String newCaller, String newUser,
      String newUserArn) {
    return new RequestIdentity(sourceIp, userAgent, newAccessKey, newAccountId, newCaller, newUser, newUserArn,
        principalOrgId, cognitoAuthenticationProvider, cognitoAuthenticationType, cognitoIdentityId,
        cognitoIdentityPoolId, apiKey, apiKeyId);
  }
}
