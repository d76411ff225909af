package dev.restgate.spi;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Client SDKs generated from a stage's OpenAPI definition, as AWS's {@code GetSdk} makes them, and the SDK types
 * behind {@code GetSdkTypes}. A module registers one ({@link ModuleContext#registerService}); the control plane
 * serves it. Thread-safe.
 */
public interface ClientSdks {

  /** The SDK types this gateway generates, in a stable order. */
  List<SdkType> types();

  /**
   * Generates the SDK of one type, off the caller's thread and within a time limit.
   *
   * @param sdkType an {@link SdkType#id()}
   * @param parameters the call's parameters, by AWS's names ({@code serviceName}, {@code javaPackageName}, ...)
   * @param definitionKey identifies {@code definition}: equal keys promise equal definitions, so a result may be
   *     reused for the same key, type and parameters
   * @param definition the stage's OpenAPI 2.0 definition as JSON, its host and base path those of the stage's
   *     invoke URL on this gateway
   * @return the zip's bytes; completes exceptionally with an {@link IllegalArgumentException} whose message is
   *     meant for the caller when the type or a parameter is wrong, with a
   *     {@link java.util.concurrent.TimeoutException} when generation took too long, with a
   *     {@link java.util.concurrent.RejectedExecutionException} when too many generations are under way, or with
   *     another exception when the generator failed
   */
  CompletableFuture<byte[]> generate(String sdkType, Map<String, String> parameters, String definitionKey,
      byte[] definition);

  /**
   * One SDK type, in AWS's {@code SdkType} shape.
   *
   * @param id the {@code sdkType} of {@code GetSdk} ({@code java}, {@code javascript}, ...)
   */
  record SdkType(String id, String friendlyName, String description, List<Property> configurationProperties) {
    public SdkType {
      configurationProperties = List.copyOf(configurationProperties);
    }
  }

  /**
   * A parameter of an SDK type, in AWS's {@code SdkConfigurationProperty} shape.
   *
   * @param defaultValue the value used when the call gives none, or null
   */
  record Property(String name, String friendlyName, String description, boolean required, String defaultValue) {}
}
