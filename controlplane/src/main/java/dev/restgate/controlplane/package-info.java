/**
 * The Amazon API Gateway management API (service {@code apigateway}, version 2015-07-09, REST-JSON) served beside the
 * invoke URLs, so the AWS CLI, the AWS SDKs and infrastructure-as-code tools manage the gateway with an endpoint
 * override. Every call is SigV4-signed by a configured identity whose policies allow {@code apigateway:{VERB}} on
 * the resource's ARN. So far the API reads what the configuration declares (REST APIs, resources, methods,
 * integrations, deployments, stages) and flushes stage caches.
 */
package dev.restgate.controlplane;
