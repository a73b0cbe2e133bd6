package dev.cairn.platform.observability;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Takes OpenTelemetry's own environment variables for where traces go, so that Cairn is
 * configured like every other OpenTelemetry service: {@code OTEL_EXPORTER_OTLP_ENDPOINT}
 * (the collector's base URL; traces go to its {@code /v1/traces}), or
 * {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} (the full URL), and
 * {@code OTEL_EXPORTER_OTLP_HEADERS} ({@code key=value,...}). Spring Boot exports spans
 * over OTLP only when its endpoint property is set, so with none of these set nothing is
 * exported. Boot's own {@code MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_*} settings,
 * when given, win.
 */
public class OtlpEnvironment implements EnvironmentPostProcessor {

	static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

	static final String HEADERS = "management.opentelemetry.tracing.export.otlp.headers";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty(ENDPOINT)) {
			return;
		}
		String endpoint = tracesEndpoint(environment.getProperty("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"),
				environment.getProperty("OTEL_EXPORTER_OTLP_ENDPOINT"));
		if (endpoint == null) {
			return;
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put(ENDPOINT, endpoint);
		String headers = environment.getProperty("OTEL_EXPORTER_OTLP_HEADERS", "");
		for (String header : headers.split(",")) {
			int equals = header.indexOf('=');
			if (equals > 0) {
				properties.put(HEADERS + "." + header.substring(0, equals).trim(), header.substring(equals + 1).trim());
			}
		}
		environment.getPropertySources().addLast(new MapPropertySource("otel-environment", properties));
	}

	/**
	 * The OTLP specification's rule: a signal's own endpoint as given, else base + path.
	 */
	static String tracesEndpoint(String traces, String base) {
		if (traces != null && !traces.isBlank()) {
			return traces.trim();
		}
		if (base == null || base.isBlank()) {
			return null;
		}
		String trimmed = base.trim();
		return (trimmed.endsWith("/") ? trimmed : trimmed + "/") + "v1/traces";
	}

}
