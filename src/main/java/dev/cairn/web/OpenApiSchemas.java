package dev.cairn.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Says in the description what Bean Validation's {@code @Pattern} means. Java matches a
 * pattern against the whole value, JSON Schema finds it anywhere in it: as springdoc
 * copies it, {@code #[0-9a-fA-F]{6}} would admit {@code x#2563ebx}. So every pattern is
 * anchored, and one that lists words ({@code owner|admin|member|viewer}) becomes the
 * {@code enum} it is, which generated clients turn into a type.
 */
final class OpenApiSchemas {

	private static final Pattern WORDS = Pattern.compile("\\^?\\(?([a-z][a-z0-9_]*(?:\\|[a-z][a-z0-9_]*)+)\\)?\\$?");

	private OpenApiSchemas() {
	}

	static void tighten(OpenAPI api) {
		Optional.ofNullable(api.getComponents().getSchemas())
			.ifPresent((schemas) -> schemas.values().forEach(OpenApiSchemas::tighten));
		api.getPaths()
			.values()
			.stream()
			.flatMap((item) -> item.readOperations().stream())
			.flatMap((operation) -> Optional.ofNullable(operation.getParameters()).stream().flatMap(List::stream))
			.forEach((parameter) -> tighten(parameter.getSchema()));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void tighten(Schema schema) {
		if (schema == null) {
			return;
		}
		String pattern = schema.getPattern();
		if (pattern != null) {
			var words = WORDS.matcher(pattern);
			if (words.matches()) {
				schema.setPattern(null);
				schema.setEnum(new ArrayList<>(Arrays.asList(words.group(1).split("\\|"))));
			}
			else if (!pattern.startsWith("^") || !pattern.endsWith("$")) {
				schema.setPattern("^(?:" + pattern + ")$");
			}
		}
		Stream
			.concat(Optional.ofNullable(schema.getProperties()).stream().flatMap((p) -> p.values().stream()),
					Stream.of(schema.getItems(),
							(schema.getAdditionalProperties() instanceof Schema extra) ? extra : null))
			.filter(Objects::nonNull)
			.forEach((nested) -> tighten((Schema) nested));
	}

}
