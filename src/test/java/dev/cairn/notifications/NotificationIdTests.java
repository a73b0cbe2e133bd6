package dev.cairn.notifications;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationIdTests {

	@Test
	void aNotificationSortsWithItsEventNotWithWhenItWasMade() {
		UUID earlier = v7(1_790_000_000_000L);
		UUID later = v7(1_790_000_000_005L);
		// Handled in the other order: the notification of the later event is made first.
		UUID ofLater = NotificationRepository.idAt(later);
		UUID ofEarlier = NotificationRepository.idAt(earlier);

		assertThat(ofEarlier.toString().compareTo(ofLater.toString())).isNegative();
		assertThat(ofEarlier.getMostSignificantBits() >>> 16).isEqualTo(1_790_000_000_000L);
		assertThat(ofEarlier.version()).isEqualTo(7);
		assertThat(ofEarlier.variant()).isEqualTo(2);
		assertThat(ofEarlier).isNotEqualTo(NotificationRepository.idAt(earlier)).isNotEqualTo(earlier);
	}

	private static UUID v7(long millis) {
		return new UUID((millis << 16) | 0x7abcL, 0x8000_0000_0000_0001L);
	}

}
