package dev.restgate.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Endpoint types ({@code EDGE}, {@code REGIONAL}, {@code PRIVATE}) and VPC endpoint ids of an API or domain. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record EndpointConfiguration(List<String> types, String ipAddressType, List<String> vpcEndpointIds) {
  public EndpointConfiguration {
    types = Copies.list(types);
    vpcEndpointIds = Copies.list(vpcEndpointIds);
  }
}
