/**
 * HTTP conventions shared by every feature: problem details (RFC 9457) with stable error
 * codes, request ids, the request body limit, {@code Idempotency-Key} replay. No feature
 * logic.
 */
package dev.cairn.web;
