package dev.cairn;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.cairn.testing.SideLane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(SideLane.NAME)
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(CairnApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
		this.modules.verify();
	}

	@Test
	void writesADiagramOfEveryModule() throws Exception {
		Path output = Files.createTempDirectory("modulith-docs");
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder(output.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
		String components = Files.readString(output.resolve("components.puml"));
		this.modules.forEach((module) -> {
			assertThat(components).contains("\"" + module.getDisplayName() + "\"");
			assertThat(output.resolve("module-" + module.getIdentifier() + ".puml")).exists();
		});
	}

}
