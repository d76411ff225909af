/**
 * What the gateway tells its operators: so far the access logs of stages ({@code accessLogSettings}), one line per
 * request in the stage's format, written by a background thread to files under the data directory or to SLF4J.
 */
package dev.restgate.observability;
