/**
 * Client SDKs of a stage, as AWS's {@code GetSdk} makes them: the control plane hands over the stage's Swagger
 * definition (its base URL that of the stage on this gateway), and OpenAPI Generator, run in this process on a
 * small pool of its own, makes a Java, Android, JavaScript, TypeScript, Python or Ruby client project of it,
 * returned as a zip and cached.
 */
package dev.restgate.sdkgen;
