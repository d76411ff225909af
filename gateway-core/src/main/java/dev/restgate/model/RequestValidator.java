package dev.restgate.model;

/** A request validator: which parts of a request a method checks before its integration runs. */
public record RequestValidator(String id, String name, Boolean validateRequestBody, Boolean validateRequestParameters) {}
