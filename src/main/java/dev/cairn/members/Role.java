package dev.cairn.members;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A member's role in a project, and what each may do (API.md, Roles).
 */
public enum Role {

	OWNER(EnumSet.allOf(Capability.class)),
	ADMIN(EnumSet.complementOf(EnumSet.of(Capability.PROJECT_DELETE, Capability.OWNERS_MANAGE))), MEMBER(EnumSet
		.of(Capability.PROJECT_READ, Capability.TASKS_WRITE, Capability.COMMENTS_WRITE, Capability.TASK_LABELS_WRITE)),
	VIEWER(EnumSet.of(Capability.PROJECT_READ));

	private final Set<Capability> capabilities;

	// Every task in a page shows them: worked out once, not per response.
	private final List<String> capabilityNames;

	private final String capabilityNamesJson;

	Role(Set<Capability> capabilities) {
		this.capabilities = Set.copyOf(capabilities);
		this.capabilityNames = capabilities.stream().map(Capability::value).sorted().toList();
		// The names are lower-case words and dots: nothing to escape.
		this.capabilityNamesJson = this.capabilityNames.stream()
			.map((name) -> '"' + name + '"')
			.collect(Collectors.joining(",", "[", "]"));
	}

	public Set<Capability> capabilities() {
		return this.capabilities;
	}

	/** As responses show them, sorted: {@code ["project.read", ...]}. */
	public List<String> capabilityNames() {
		return this.capabilityNames;
	}

	/** {@link #capabilityNames()} as a JSON array ({@link CapabilityNamesJson}). */
	String capabilityNamesJson() {
		return this.capabilityNamesJson;
	}

	public boolean may(Capability capability) {
		return this.capabilities.contains(capability);
	}

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Role of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
