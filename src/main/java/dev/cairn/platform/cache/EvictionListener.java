package dev.cairn.platform.cache;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BiConsumer;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cairn.platform.CacheRegion;

/**
 * Listens on a PostgreSQL channel for other nodes' evictions, on a connection of its own
 * (not one of the pool's). It proves the connection alive every heartbeat; a node that
 * has not heard from PostgreSQL for three heartbeats stops trusting its caches, and one
 * that (re)connects empties them, since it may have missed evictions meanwhile.
 */
final class EvictionListener implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(EvictionListener.class);

	private final Connector connector;

	private final String channel;

	private final Duration heartbeat;

	private final BiConsumer<CacheRegion, String> evict;

	private final Runnable clear;

	private volatile boolean running;

	private volatile long trustedUntil;

	private Thread thread;

	EvictionListener(Connector connector, String channel, Duration heartbeat, BiConsumer<CacheRegion, String> evict,
			Runnable clear) {
		this.connector = connector;
		this.channel = channel;
		this.heartbeat = heartbeat;
		this.evict = evict;
		this.clear = clear;
	}

	/** Whether every eviction committed until a moment ago has reached this node. */
	boolean listening() {
		return this.running && System.nanoTime() - this.trustedUntil < 0;
	}

	synchronized void start() {
		this.running = true;
		this.thread = Thread.ofPlatform().daemon().name("cache-evictions").start(this);
	}

	synchronized void stop() {
		this.running = false;
		this.trustedUntil = System.nanoTime();
		if (this.thread != null) {
			try {
				this.thread.join(this.heartbeat.multipliedBy(2));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.thread = null;
		}
	}

	boolean isRunning() {
		return this.running;
	}

	@Override
	public void run() {
		boolean failing = false;
		while (this.running) {
			try (Connection connection = this.connector.connect()) {
				listen(connection, failing);
				failing = false;
			}
			catch (SQLException | RuntimeException ex) {
				this.trustedUntil = System.nanoTime();
				if (this.running && !failing) {
					log.warn("Lost the cache eviction channel to PostgreSQL ({}); caches are bypassed until it is back",
							ex.getMessage());
				}
				failing = true;
				pause();
			}
		}
	}

	private void listen(Connection connection, boolean recovering) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("LISTEN " + this.channel);
			// What changed before LISTEN took effect never reaches us: start empty.
			this.clear.run();
			alive();
			if (recovering) {
				log.info("The cache eviction channel to PostgreSQL is back; caches were emptied");
			}
			PGConnection postgres = connection.unwrap(PGConnection.class);
			int wait = (int) this.heartbeat.toMillis();
			while (this.running) {
				PGNotification[] notifications = postgres.getNotifications(wait);
				if (notifications != null) {
					for (PGNotification notification : notifications) {
						apply(notification.getParameter());
					}
				}
				// A dead peer can leave the wait above silent: ask for an answer.
				statement.execute("SELECT 1");
				alive();
			}
		}
	}

	private void apply(String payload) {
		int space = payload.indexOf(' ');
		try {
			this.evict.accept(CacheRegion.named(payload.substring(0, space)), payload.substring(space + 1));
		}
		catch (RuntimeException ex) {
			// A node of another version may name a region this one does not have.
			log.warn("Ignored a cache eviction this node does not understand: {}", payload);
		}
	}

	private void alive() {
		this.trustedUntil = System.nanoTime() + this.heartbeat.multipliedBy(3).toNanos();
	}

	private void pause() {
		try {
			Thread.sleep(this.heartbeat);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	/** Opens a connection for the listener alone. */
	@FunctionalInterface
	interface Connector {

		Connection connect() throws SQLException;

	}

}
