package dev.cairn.members;

import java.util.Arrays;
import java.util.List;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes a role's capability names ({@link Role#capabilityNames()}) as JSON rendered once
 * per role. Every task of a page carries them: written string by string they were a
 * twentieth of a task list's CPU; this way they are one copy of a few bytes. Any other
 * list is written as usual.
 */
public final class CapabilityNamesJson extends ValueSerializer<List<String>> {

	private static final Role[] ROLES = Role.values();

	/** Each role's names, encoded once: writing one is a copy of bytes. */
	private static final SerializedString[] RENDERED = Arrays.stream(ROLES)
		.map((role) -> new SerializedString(role.capabilityNamesJson()))
		.toArray(SerializedString[]::new);

	@Override
	public void serialize(List<String> names, JsonGenerator generator, SerializationContext context) {
		for (int i = 0; i < ROLES.length; i++) {
			if (ROLES[i].capabilityNames() == names) {
				generator.writeRawValue(RENDERED[i]);
				return;
			}
		}
		generator.writeStartArray();
		for (String name : names) {
			generator.writeString(name);
		}
		generator.writeEndArray();
	}

}
