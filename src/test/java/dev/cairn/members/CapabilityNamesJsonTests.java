package dev.cairn.members;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CapabilityNamesJsonTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void writesWhatAPlainListWouldWrite() {
		for (Role role : Role.values()) {
			assertThat(this.json.writeValueAsString(new Shown(role.capabilityNames())))
				.isEqualTo(this.json.writeValueAsString(Map.of("capabilities", role.capabilityNames())));
		}
		List<String> other = List.of("project.read", "say \"hi\"");
		assertThat(this.json.writeValueAsString(new Shown(other)))
			.isEqualTo(this.json.writeValueAsString(Map.of("capabilities", other)));
	}

	record Shown(@JsonSerialize(using = CapabilityNamesJson.class) List<String> capabilities) {
	}

}
