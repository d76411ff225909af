package dev.restgate.authorizers.iam;

/**
 * An authenticated IAM principal, as policies see it.
 *
 * @param principalArn {@code aws:PrincipalArn}
 * @param accountId {@code aws:PrincipalAccount}
 * @param userId {@code aws:userid}
 * @param username {@code aws:username}, for IAM users only; null otherwise
 */
public record Caller(String principalArn, String accountId, String userId, String username) {}
