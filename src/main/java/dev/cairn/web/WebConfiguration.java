package dev.cairn.web;

import java.util.List;

import jakarta.servlet.MultipartConfigElement;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.module.blackbird.BlackbirdModule;

import dev.cairn.platform.StartupFailure;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.RemoteIpValve;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// The API's routes: the public ones outside it need no scope.
		registry.addInterceptor(new ScopeInterceptor()).addPathPatterns("/api/**");
		registry.addInterceptor(new QueryParameterCheck()).addPathPatterns("/api/**");
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CallerArgumentResolver());
		resolvers.add(new QueryRecordResolver());
	}

	@Bean
	TomcatCustomizer tomcat(WebSettings settings, Environment environment) {
		// Spring's filter for "framework" believes X-Forwarded-* from every client: the
		// trusted proxies would mean nothing.
		String strategy = environment.getProperty("server.forward-headers-strategy", "native");
		if (!strategy.equalsIgnoreCase("native") && !strategy.equalsIgnoreCase("none")) {
			throw new StartupFailure("CAIRN_FORWARD_HEADERS is '" + strategy + "'.",
					"Set it to native (believe CAIRN_TRUSTED_PROXIES) or none (ignore X-Forwarded-* altogether).");
		}
		return new TomcatCustomizer(settings);
	}

	/**
	 * The API takes no uploads; should a multipart body reach Tomcat, it gets the limit
	 * of any other body (in place of Spring Boot's {@code spring.servlet.multipart.*}).
	 */
	@Bean
	MultipartConfigElement multipartConfig(WebSettings settings) {
		long limit = settings.maxBodySize().toBytes();
		return new MultipartConfigElement(null, limit, limit, 0);
	}

	/**
	 * Tomcat believes forwarded headers only from the trusted proxies; it lets TRACE
	 * through to the filters, which answer it 405 like any method Cairn does not take
	 * ({@link UnknownMethodFilter}); and what it refuses on its own gets a problem+json
	 * body ({@link ContainerErrorReport}); a form body has the limit of any other. Runs
	 * after Spring Boot's customizer, whose forwarded-header and error report valves and
	 * form size it adjusts and replaces.
	 */
	static final class TomcatCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		private final WebSettings settings;

		TomcatCustomizer(WebSettings settings) {
			this.settings = settings;
		}

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			// The valve would otherwise believe any private or loopback address.
			for (Valve valve : factory.getEngineValves()) {
				if (valve instanceof RemoteIpValve forwarded) {
					String proxies = this.settings.trustedProxiesRegex();
					forwarded.setInternalProxies((proxies != null) ? proxies : "");
					forwarded.setTrustedProxies("");
				}
			}
			factory.addConnectorCustomizers((connector) -> {
				connector.setAllowTrace(true);
				// Form bodies are parsed by Tomcat itself, past the body limit filter.
				connector.setMaxPostSize(this.settings.maxBodySizeAsInt());
			});
			factory.addContextCustomizers((context) -> {
				Pipeline host = context.getParent().getPipeline();
				for (Valve valve : host.getValves()) {
					if (ContainerErrorReport.isTomcats(valve)) {
						host.removeValve(valve);
					}
				}
				host.addValve(new ContainerErrorReport());
				if (context.getParent() instanceof StandardHost standardHost) {
					standardHost.setErrorReportValveClass(ContainerErrorReport.class.getName());
				}
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

	/**
	 * Jackson reads a record's components through generated lambdas instead of reflective
	 * calls: reflection was a tenth of a task list's serialization.
	 */
	@Bean
	BlackbirdModule blackbird() {
		return new BlackbirdModule();
	}

	/**
	 * A body's JSON types are taken as sent: by default Jackson turns {@code 5} or
	 * {@code true} into the text "5" or "true", {@code "5"} into a number, {@code 1.5}
	 * into the integer 1 and {@code 20261201} into a date 55,000 years away, so a wrong
	 * type would pass silently on create while a merge patch refuses it (400).
	 */
	@Bean
	JsonMapperBuilderCustomizer strictJsonTypes() {
		return (builder) -> builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			// {"title":"ok","title":"<script>"}: one reader checks the first value and
			// another keeps the last; a member given twice is refused instead.
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			// Decimals as sent: a custom field's 123456789.0123456789 is not rounded to a
			// double on the way in.
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.defaultLeniency(false)
			.withCoercionConfig(LogicalType.Textual,
					(text) -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

}
