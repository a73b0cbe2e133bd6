package dev.cairn.web;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import dev.cairn.platform.SecretBox;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CursorProperties {

	private static final Cursor.ListKey TASKS = Cursor.ListKey.of("tasks", "project-1");

	private final Cursor cursors = new Cursor(new SecretBox(new byte[32]));

	private final Cursor otherServer = new Cursor(new SecretBox(filled((byte) 7)));

	@Property
	void whatIsEncodedDecodesToTheSameValues(@ForAll("values") List<String> values,
			@ForAll @StringLength(min = 1, max = 20) String kind) {
		Cursor.ListKey list = Cursor.ListKey.of(kind, "scope");
		String cursor = this.cursors.encode(list, values);
		assertThat(this.cursors.decode(list, cursor, values.size())).isEqualTo(values);
		assertThat(cursor).matches("[A-Za-z0-9_\\-]*\\.[A-Za-z0-9_\\-]+");
	}

	@Property
	void anyAlteredByteIsRefused(@ForAll("values") List<String> values, @ForAll @IntRange(min = 0, max = 10_000) int at,
			@ForAll @IntRange(min = 1, max = 255) int flip) {
		String cursor = this.cursors.encode(TASKS, values);
		String[] parts = cursor.split("\\.");
		byte[] payload = Base64.getUrlDecoder().decode(parts[0]);
		byte[] signature = Base64.getUrlDecoder().decode(parts[1]);
		byte[] all = concat(payload, signature);
		all[at % all.length] ^= (byte) flip;
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String altered = base64.encodeToString(Arrays.copyOf(all, payload.length)) + "."
				+ base64.encodeToString(Arrays.copyOfRange(all, payload.length, all.length));
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> this.cursors.decode(TASKS, altered, values.size()));
	}

	@Property
	void aCursorIsGoodOnlyForItsOwnListAndServer(@ForAll("values") List<String> values) {
		String cursor = this.cursors.encode(TASKS, values);
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> this.cursors.decode(Cursor.ListKey.of("comments", "project-1"), cursor, values.size()));
		// The same kind of list, of another project.
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> this.cursors.decode(Cursor.ListKey.of("tasks", "project-2"), cursor, values.size()));
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> this.otherServer.decode(TASKS, cursor, values.size()));
	}

	@Property
	void garbageIsRefusedNeverThrownAsSomethingElse(@ForAll @StringLength(max = 1100) String garbage,
			@ForAll @IntRange(min = 1, max = 3) int expected) {
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> this.cursors.decode(TASKS, garbage, expected));
	}

	// Whole characters: a lone surrogate cannot be written as UTF-8, and cursor values
	// are ids, numbers and dates anyway.
	@Provide
	Arbitrary<List<String>> values() {
		return Arbitraries.strings()
			.withCharRange('\u0020', '\ud7ff')
			.excludeChars('\u001f')
			.ofMaxLength(40)
			.list()
			.ofMinSize(1)
			.ofMaxSize(3);
	}

	private static byte[] filled(byte value) {
		byte[] key = new byte[32];
		Arrays.fill(key, value);
		return key;
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

}
