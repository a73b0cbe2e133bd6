/**
 * What operators see of a running Cairn beyond the API: tracing set up from
 * OpenTelemetry's environment variables.
 */
package dev.cairn.platform.observability;
