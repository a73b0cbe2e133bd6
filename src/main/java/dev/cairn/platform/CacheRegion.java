package dev.cairn.platform;

import java.time.Duration;

/**
 * Everything Cairn caches, in one list: what is read on nearly every request and changes
 * rarely. Every write that changes an entry evicts it on every node ({@link Caches}); the
 * time to live only bounds what a lost eviction could cost. Values are strings, so that
 * nothing but text is ever read back from a shared cache.
 */
public enum CacheRegion {

	/**
	 * A user's role in a project ({@code projectId:userId}), or none; evicted by every
	 * membership write.
	 */
	PROJECT_ROLES("project-roles", Duration.ofMinutes(10), 200_000),

	/**
	 * Whether a project exists and is out of the trash (by project id); evicted when a
	 * project is trashed or restored.
	 */
	LIVE_PROJECTS("live-projects", Duration.ofMinutes(10), 50_000),

	/**
	 * A project's workflow states in board order, with their categories (by project id);
	 * evicted by every status write.
	 */
	PROJECT_STATUSES("project-statuses", Duration.ofMinutes(10), 50_000),

	/**
	 * What a project's enabled webhooks subscribe to (by project id), so that an event no
	 * webhook wants costs no outbox row; evicted by every webhook write.
	 */
	PROJECT_WEBHOOKS("project-webhooks", Duration.ofMinutes(10), 50_000),

	/**
	 * What a personal access token grants (by the SHA-256 of the token), or nothing;
	 * evicted when the token is revoked.
	 */
	PERSONAL_TOKENS("personal-tokens", Duration.ofMinutes(10), 100_000);

	private final String cacheName;

	private final Duration timeToLive;

	private final long maximumSize;

	CacheRegion(String cacheName, Duration timeToLive, long maximumSize) {
		this.cacheName = cacheName;
		this.timeToLive = timeToLive;
		this.maximumSize = maximumSize;
	}

	public String cacheName() {
		return this.cacheName;
	}

	public Duration timeToLive() {
		return this.timeToLive;
	}

	/** Entries held per node, for the in-memory cache. */
	public long maximumSize() {
		return this.maximumSize;
	}

	/** The region of a cache name, for eviction messages from other nodes. */
	public static CacheRegion named(String cacheName) {
		for (CacheRegion region : values()) {
			if (region.cacheName.equals(cacheName)) {
				return region;
			}
		}
		throw new IllegalArgumentException("No cache region " + cacheName);
	}

}
