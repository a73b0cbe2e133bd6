package dev.cairn.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTests {

	@Test
	void idsAreVersion7() {
		assertThat(Ids.newId().version()).isEqualTo(7);
	}

	@Test
	void idsMadeInABurstSortInTheOrderTheyWereMade() {
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			ids.add(Ids.newId());
		}
		// PostgreSQL compares uuids as unsigned bytes, which is the order
		// of their strings.
		assertThat(ids.stream().map(UUID::toString).toList()).isSorted().doesNotHaveDuplicates();
	}

}
