package dev.cairn.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import dev.cairn.platform.StartupFailure;

/**
 * HTTPS served by Cairn itself, for a deployment without a TLS-terminating proxy in
 * front: {@code CAIRN_TLS_CERTIFICATE} and {@code CAIRN_TLS_PRIVATE_KEY} name PEM files
 * (or hold the PEM text itself, handy for a Kubernetes secret), with
 * {@code CAIRN_TLS_PRIVATE_KEY_PASSWORD} for an encrypted key. They become a Spring Boot
 * SSL bundle that the server uses; set, the server port speaks HTTPS only. Unset, nothing
 * changes: behind a proxy, TLS is the proxy's.
 */
public class TlsEnvironment implements EnvironmentPostProcessor {

	static final String BUNDLE = "spring.ssl.bundle.pem.cairn-server.keystore.";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String certificate = environment.getProperty("CAIRN_TLS_CERTIFICATE", "");
		String privateKey = environment.getProperty("CAIRN_TLS_PRIVATE_KEY", "");
		if (certificate.isBlank() && privateKey.isBlank()) {
			return;
		}
		if (certificate.isBlank() || privateKey.isBlank()) {
			throw new StartupFailure("Only one of CAIRN_TLS_CERTIFICATE and CAIRN_TLS_PRIVATE_KEY is set.",
					"Set both to serve HTTPS, or neither to serve plain HTTP behind a TLS-terminating proxy.");
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put(BUNDLE + "certificate", location(certificate));
		properties.put(BUNDLE + "private-key", location(privateKey));
		String password = environment.getProperty("CAIRN_TLS_PRIVATE_KEY_PASSWORD", "");
		if (!password.isBlank()) {
			properties.put(BUNDLE + "private-key-password", password);
		}
		properties.put("server.ssl.bundle", "cairn-server");
		environment.getPropertySources().addFirst(new MapPropertySource("cairn-tls", properties));
	}

	/** PEM text as it is; a path as a file, unless it already says where it is. */
	static String location(String value) {
		String trimmed = value.trim();
		if (trimmed.startsWith("-----BEGIN") || trimmed.startsWith("file:") || trimmed.startsWith("classpath:")) {
			return trimmed;
		}
		return "file:" + trimmed;
	}

}
