package dev.restgate.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A custom domain name and the API stages mapped under it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DomainName(
    String domainName,
    String certificateArn,
    String regionalCertificateArn,
    EndpointConfiguration endpointConfiguration,
    String securityPolicy,
    List<BasePathMapping> basePathMappings) {
  public DomainName {
    basePathMappings = Copies.list(basePathMappings);
  }
}
