package dev.cairn.web;

import java.util.List;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.module.blackbird.BlackbirdModule;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ScopeInterceptor());
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CallerArgumentResolver());
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
