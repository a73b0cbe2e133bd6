package dev.cairn.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

class JsonValuesTests {

	@Test
	void jsonValuesBecomePlainJava() {
		Object plain = JsonValues.plain(json("""
				{"s": "text", "n": 1.50, "i": 7, "b": true, "z": null, "a": ["x", null, 2], "o": {"k": false}}
				"""));

		assertThat(plain).isInstanceOf(Map.class);
		@SuppressWarnings("unchecked")
		Map<String, Object> members = (Map<String, Object>) plain;
		assertThat(members.keySet()).containsExactly("s", "n", "i", "b", "z", "a", "o");
		assertThat(members.get("s")).isEqualTo("text");
		assertThat((BigDecimal) members.get("n")).isEqualByComparingTo("1.5");
		assertThat(members.get("i")).isEqualTo(BigDecimal.valueOf(7));
		assertThat(members.get("b")).isEqualTo(Boolean.TRUE);
		assertThat(members.containsKey("z")).isTrue();
		assertThat(members.get("z")).isNull();
		assertThat(members.get("a")).isEqualTo(Arrays.asList("x", null, BigDecimal.valueOf(2)));
		assertThat(members.get("o")).isEqualTo(Map.of("k", false));
		assertThat(JsonValues.plain(null)).isNull();
		assertThat(JsonValues.plain(JsonMapper.shared().nullNode())).isNull();
	}

	@Test
	void anObjectIsAMapAndAnythingElseBreaksTheRule() {
		assertThat(JsonValues.object(json("{\"a\": 1}"), "customFields", "must be an object"))
			.containsExactly(entry("a", BigDecimal.ONE));
		assertThat(JsonValues.object(JsonMapper.shared().nullNode(), "customFields", "must be an object")).isNull();
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> JsonValues.object(json("[]"), "customFields", "must be an object"))
			.satisfies((ex) -> assertThat(ex.errors())
				.containsExactly(new FieldError("customFields", "must be an object")));
	}

	@Test
	void aMergePatchMemberOfValuesIsAbsentClearedSetOrRefused() {
		MergePatch patch = MergePatch.of(json("{\"cleared\": null, \"set\": {\"a\": \"b\"}, \"wrong\": 3}"),
				Set.of("cleared", "set", "wrong"));

		assertThat(patch.values("absent", "must be an object")).isEmpty();
		assertThat(patch.values("cleared", "must be an object")).contains(new MergePatch.Change<>(null));
		assertThat(patch.values("set", "must be an object")).map(MergePatch.Change::value)
			.isEqualTo(Optional.of(Map.of("a", "b")));
		assertThat(patch.values("wrong", "must be an object")).isEmpty();
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(patch::validate)
			.satisfies((ex) -> assertThat(ex.errors()).containsExactly(new FieldError("wrong", "must be an object")));
	}

	private static JsonNode json(String text) {
		return JsonMapper.shared().readTree(text);
	}

}
