package dev.restgate.model;

/**
 * A data model: a JSON Schema (draft 4) describing a request or response body.
 *
 * @param schema the schema as JSON text
 */
public record Model(String id, String name, String description, String schema, String contentType) {}
