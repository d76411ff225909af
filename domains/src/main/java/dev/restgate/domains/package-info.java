/**
 * Custom domain names, base path mappings and routing rules. So far the module reads its part of the configuration
 * ({@code domainNames}); its route resolver comes with the stage-features issue.
 */
package dev.restgate.domains;
