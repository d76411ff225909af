package dev.restgate.model;

/**
 * Maps a base path of a custom domain to an API stage.
 *
 * @param basePath {@code (none)} or empty for the catch-all mapping
 * @param stage the stage, or {@code (none)}/null when clients put the stage after the base path
 */
public record BasePathMapping(String basePath, String restApiId, String stage) {}
