package dev.cairn.demo;

import dev.cairn.platform.CairnCommand;
import dev.cairn.platform.CommandOptions;

import org.springframework.stereotype.Component;

/**
 * {@code seed-demo}: loads the demo data once; a second run finds it and changes nothing.
 */
@Component
class SeedDemoCommand implements CairnCommand {

	private final DemoSeeder seeder;

	SeedDemoCommand(DemoSeeder seeder) {
		this.seeder = seeder;
	}

	@Override
	public String name() {
		return "seed-demo";
	}

	@Override
	public int run(CommandOptions options) {
		DemoSeeder.Result result = this.seeder.seed();
		if (!result.seeded()) {
			System.out.println("The demo data is already loaded; nothing changed.");
			return 0;
		}
		System.out.printf("Loaded %d projects, %d tasks, %d comments.%n", result.projects(), result.tasks(),
				result.comments());
		System.out.println("Demo accounts (these passwords are public; use them only for a demo):");
		DemoUser.ALL
			.forEach((user) -> System.out.printf("  %-20s %-20s %s%n", user.email(), user.password(), user.role()));
		return 0;
	}

}
