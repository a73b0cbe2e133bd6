package dev.cairn.platform.cache;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.cairn.platform.CacheRegion;
import dev.cairn.platform.Caches;
import dev.cairn.testing.LocalRedis;
import dev.cairn.testing.Node;
import dev.cairn.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The race an eviction in a shared Redis must win (the real Redis): a lookup reads the
 * database, the change commits and evicts, and only then does the lookup come to store
 * what it read. The old value must not be what the next lookup, on any node, gets.
 */
class RedisCachesTests {

	@Test
	void aLookupThatReadTheOldValueBeforeAnEvictionCannotStoreItAfter() throws Exception {
		LocalRedis.require();
		try (Node node = Node.start(TestDatabase.migrated(), null,
				LocalRedis.settings(LocalRedis.PORT, LocalRedis.freshPrefix()))) {
			Caches caches = node.bean(Caches.class);
			String key = UUID.randomUUID().toString();
			CountDownLatch reading = new CountDownLatch(1);
			CountDownLatch evicted = new CountDownLatch(1);

			Thread lookup = Thread.ofVirtual().start(() -> caches.get(CacheRegion.PROJECT_ROLES, key, () -> {
				// It has read "member" from the database, and the removal commits and
				// evicts before it stores it.
				reading.countDown();
				await(evicted);
				return "member";
			}));
			assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
			// No transaction here: it evicts at once.
			caches.evict(CacheRegion.PROJECT_ROLES, key);
			evicted.countDown();
			lookup.join();

			assertThat(caches.get(CacheRegion.PROJECT_ROLES, key, () -> "none")).isEqualTo("none");
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
