/**
 * Authentication: sign-in, access tokens (JWT) and their signing keys, rotating refresh
 * tokens, and the HTTP security configuration.
 */
package dev.cairn.auth;
