package dev.cairn.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import dev.cairn.platform.SecretBox;
import dev.cairn.platform.StartupFailure;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the key of the {@link SecretBox} comes from: {@code CAIRN_ENCRYPTION_KEY} (32
 * bytes, base64); or, with the embedded database only, {@code <data dir>/encryption.key},
 * made on first start. With an external database the key must be configured: keeping it
 * next to the data would defeat it, and every node needs the same one.
 */
@Configuration(proxyBeanMethods = false)
class EncryptionKeyConfiguration {

	@Bean
	SecretBox secretBox(DatabaseSettings settings, @Value("${cairn.encryption-key:}") String configured) {
		if (!configured.isBlank()) {
			return new SecretBox(decode(configured));
		}
		if (!settings.isEmbedded()) {
			throw new StartupFailure("CAIRN_ENCRYPTION_KEY is not set, and an external database is in use.",
					"Set CAIRN_ENCRYPTION_KEY to 32 random bytes in base64 (openssl rand -base64 32), the same on "
							+ "every node, and keep it out of the database and its backups.");
		}
		return new SecretBox(keyFile(settings.dataDir().toAbsolutePath().normalize().resolve("encryption.key")));
	}

	private static byte[] decode(String base64) {
		try {
			byte[] key = Base64.getDecoder().decode(base64.strip());
			if (key.length == 32) {
				return key;
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw new StartupFailure("CAIRN_ENCRYPTION_KEY is not 32 bytes in base64.",
				"Generate one with: openssl rand -base64 32");
	}

	private static byte[] keyFile(Path file) {
		try {
			if (!Files.exists(file)) {
				byte[] key = new byte[32];
				new SecureRandom().nextBytes(key);
				Files.createDirectories(file.getParent());
				Files.createFile(file,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
				Files.writeString(file, Base64.getEncoder().encodeToString(key));
			}
			return decode(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create " + file, ex);
		}
	}

}
