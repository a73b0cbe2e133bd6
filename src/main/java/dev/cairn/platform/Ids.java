package dev.cairn.platform;

import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Primary keys for every table: UUIDv7 (RFC 9562), made by the application.
 *
 * <p>
 * Version 7 keys start with a millisecond timestamp, so new rows land at the right edge
 * of a B-tree index instead of on random pages, and ordering by id is ordering by
 * creation time, which keyset pagination relies on.
 */
public final class Ids {

	// Monotonic within the same millisecond, so ids made in a burst still sort in order.
	private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

	private Ids() {
	}

	public static UUID newId() {
		return GENERATOR.generate();
	}

}
