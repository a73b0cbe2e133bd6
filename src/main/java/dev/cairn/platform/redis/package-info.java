/**
 * The Redis that nodes share caches and rate limits through, when one is configured, and
 * whether it may be used right now.
 */
package dev.cairn.platform.redis;
