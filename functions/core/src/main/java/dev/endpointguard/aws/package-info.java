/**
 * The SDK clients for one account and Region ({@link dev.endpointguard.aws.AwsClients}) and the one classification of
 * AWS errors ({@link dev.endpointguard.aws.AwsErrors}).
 *
 * <p>See docs/architecture.md.
 */
package dev.endpointguard.aws;
