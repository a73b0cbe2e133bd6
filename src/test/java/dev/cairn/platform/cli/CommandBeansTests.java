package dev.cairn.platform.cli;

import java.util.List;

import dev.cairn.platform.CairnCommand;
import dev.cairn.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class CommandBeansTests {

	@Autowired
	private List<CairnCommand> commands;

	@Test
	void everyCommandInTheHelpHasABeanAndEveryBeanIsInTheHelp() {
		assertThat(this.commands.stream().map(CairnCommand::name))
			.containsExactlyInAnyOrderElementsOf(CommandSpec.ALL.stream().map(CommandSpec::name).toList());
	}

}
