package dev.cairn;

import dev.cairn.platform.cli.CairnLauncher;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Cairn: a self-hostable project and task tracker server.
 *
 * <p>
 * {@code main} starts the HTTP server, or runs one of the maintenance commands
 * ({@code migrate}, {@code rollback}, {@code seed-demo}, {@code create-admin}); see
 * {@code --help}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CairnApplication {

	public static void main(String[] args) {
		CairnLauncher.launch(CairnApplication.class, args);
	}

}
