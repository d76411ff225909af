package dev.restgate.model;

/** Access log format of a stage and where the lines go. */
public record AccessLogSettings(String format, String destinationArn) {}
