package dev.cairn.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * The Redis this machine runs on 127.0.0.1:6379, for tests of what goes through Redis.
 * Without it such a test is skipped with a message, except in CI ({@code CI=true}), where
 * it fails: there, a missing Redis is a broken build, not a reason to test less.
 */
public final class LocalRedis {

	public static final String HOST = "127.0.0.1";

	public static final int PORT = 6379;

	private LocalRedis() {
	}

	/** Skips (or in CI fails) the calling test when Redis is not running. */
	public static void require() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, PORT), 1000);
		}
		catch (IOException ex) {
			String message = "This test needs the Redis on " + HOST + ":" + PORT + " (" + ex.getMessage() + ")";
			if ("true".equals(System.getenv("CI"))) {
				throw new IllegalStateException(message, ex);
			}
			Assumptions.abort(message);
		}
	}

	/**
	 * Settings for a Cairn on this Redis, under a key prefix of its own so that tests
	 * never see each other's keys.
	 */
	public static String[] settings(int port, String prefix) {
		return new String[] { "cairn.redis.url=redis://" + HOST + ":" + port, "cairn.redis.key-prefix=" + prefix };
	}

	public static String freshPrefix() {
		return "cairn-test-" + UUID.randomUUID() + ":";
	}

}
