/**
 * Webhooks: project admins subscribe URLs to event types; every committed event becomes
 * one signed delivery per matching webhook, retried for about a day, guarded against
 * server-side request forgery, logged, and replayable.
 */
package dev.cairn.webhooks;
