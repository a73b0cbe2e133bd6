package dev.cairn.platform.database;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where Cairn keeps its data.
 *
 * @param url An external PostgreSQL 15+, as jdbc:postgresql://host:port/db or
 * postgres://user:password@host:port/db; empty for the embedded database.
 * @param username User for the external database.
 * @param password Password for the external database.
 * @param dataDir Where the embedded database keeps its files. Set by CAIRN_DATA_DIR.
 * @param embeddedUser The account the embedded PostgreSQL runs as when Cairn runs as root
 * (PostgreSQL refuses root).
 * @param migrateOnStart Whether pending migrations are applied when the server starts.
 */
@Validated
@ConfigurationProperties("cairn.database")
public record DatabaseSettings(
		@Pattern(regexp = "^$|^(jdbc:postgresql|postgres|postgresql)://.+",
				message = "must be a PostgreSQL URL such as jdbc:postgresql://db.example.com:5432/cairn") String url,
		String username, String password, @NotNull @DefaultValue("./data") Path dataDir,
		@NotBlank @DefaultValue("nobody") String embeddedUser, @DefaultValue("true") boolean migrateOnStart) {

	boolean isEmbedded() {
		return this.url == null || this.url.isBlank();
	}

	/** The external database's JDBC URL, with any user and password moved out of it. */
	String jdbcUrl() {
		if (this.url.startsWith("jdbc:")) {
			return this.url;
		}
		URI uri = URI.create(this.url);
		String port = (uri.getPort() != -1) ? ":" + uri.getPort() : "";
		String query = (uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "";
		return "jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query;
	}

	String effectiveUsername() {
		return blankToNull(this.username, userInfo(0));
	}

	String effectivePassword() {
		return blankToNull(this.password, userInfo(1));
	}

	private String userInfo(int part) {
		if (this.url.startsWith("jdbc:")) {
			return null;
		}
		String userInfo = URI.create(this.url).getRawUserInfo();
		if (userInfo == null) {
			return null;
		}
		String[] parts = userInfo.split(":", 2);
		return (parts.length > part) ? URLDecoder.decode(parts[part], StandardCharsets.UTF_8) : null;
	}

	private static String blankToNull(String value, String fallback) {
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
