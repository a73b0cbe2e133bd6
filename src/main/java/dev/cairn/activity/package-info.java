/**
 * The activity log: one append-only event row per change, written in the change's own
 * transaction; the feeds, the audit trail and the source of webhooks and notifications.
 */
package dev.cairn.activity;
