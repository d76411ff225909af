package dev.restgate.lambda;

/** Static AWS credentials. */
public record CredentialsConfig(String accessKeyId, String secretAccessKey, String sessionToken) {
  @Override
  public String toString() {
    return "CredentialsConfig[accessKeyId=" + accessKeyId + ", secretAccessKey=****]";
  }
}
