package dev.cairn.platform.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connects Cairn to its database: the external one named by {@code CAIRN_DATABASE_URL},
 * or else an embedded PostgreSQL on {@code CAIRN_DATA_DIR}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	@Bean
	DatabaseServer databaseServer(DatabaseSettings settings) {
		DatabaseServer server = settings.isEmbedded()
				? new DatabaseServer.Embedded(EmbeddedPostgres.start(settings.dataDir(), settings.embeddedUser()))
				: new DatabaseServer.External(settings.jdbcUrl(), settings.effectiveUsername(),
						settings.effectivePassword());
		log.info("Using the {}", server.description());
		return server;
	}

	// Pool settings bind from spring.datasource.hikari.* as they would for
	// Boot's own pool.
	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(DatabaseServer server) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setPoolName("cairn");
		dataSource.setJdbcUrl(server.jdbcUrl());
		dataSource.setUsername(server.username());
		dataSource.setPassword(server.password());
		return dataSource;
	}

	@Bean
	FlywayMigrationStrategy migrationStrategy(DatabaseSettings settings, DataSource dataSource) {
		return (flyway) -> {
			DatabaseVersion.requireSupported(dataSource);
			if (settings.migrateOnStart()) {
				flyway.migrate();
			}
		};
	}

}
