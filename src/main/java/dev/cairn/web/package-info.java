/**
 * HTTP conventions shared by every feature: problem details (RFC 9457) with stable error
 * codes, request ids, security headers. No feature logic.
 */
package dev.cairn.web;
