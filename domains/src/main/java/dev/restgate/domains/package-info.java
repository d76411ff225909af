/**
 * Custom domain names: the {@code domainNames} section, and a route resolver that picks an API stage by the
 * request's {@code Host}, its base path mappings and its routing rules before the invoke-URL forms are tried.
 */
package dev.restgate.domains;
