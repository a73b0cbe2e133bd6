package dev.cairn.members;

import java.util.List;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes a role's capability names ({@link Role#capabilityNames()}) as JSON rendered once
 * per role. Every task of a page carries them: written string by string they were a
 * twentieth of a task list's CPU; this way they are one copy of a few bytes. Any other
 * list is written as usual.
 */
public final class CapabilityNamesJson extends ValueSerializer<List<String>> {

	@Override
	public void serialize(List<String> names, JsonGenerator generator, SerializationContext context) {
		for (Role role : Role.values()) {
			if (role.capabilityNames() == names) {
				generator.writeRawValue(role.capabilityNamesJson());
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
