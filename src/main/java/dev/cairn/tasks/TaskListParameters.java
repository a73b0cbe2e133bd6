package dev.cairn.tasks;

import java.util.stream.Stream;

import io.swagger.v3.oas.models.media.StringSchema;

import dev.cairn.web.ParameterConverter;

import org.springdoc.core.customizers.ParameterCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * The typed parameters of a task list ({@link TaskListQuery}): how each is read from its
 * text, and how the API description shows it, which is as that text.
 */
@Configuration(proxyBeanMethods = false)
class TaskListParameters {

	// Without this, springdoc would describe a priority by its constant names
	// (URGENT), and each filter by the components of its records.
	static {
		SpringDocUtils.getConfig()
			.addSimpleTypesForParameterObject(AssigneeFilter.class, ParentFilter.class)
			.replaceWithSchema(Priority.class,
					new StringSchema()._enum(Stream.of(Priority.values()).map(Priority::value).toList()));
	}

	@Bean
	GenericConverter priorityParameter() {
		return ParameterConverter.of(Priority.class, Priority::of, Priority.RULE);
	}

	@Bean
	GenericConverter assigneeParameter() {
		return ParameterConverter.of(AssigneeFilter.class, AssigneeFilter::of, AssigneeFilter.RULE);
	}

	@Bean
	GenericConverter parentParameter() {
		return ParameterConverter.of(ParentFilter.class, ParentFilter::of, ParentFilter.RULE);
	}

	// A filter is given as a word or a UUID, so as text of at most 36 characters.
	// (springdoc keeps no replaced schema for a parameter of a type of its own.)
	@Bean
	ParameterCustomizer filterParameters() {
		return (parameter, method) -> {
			Class<?> type = method.getParameterType();
			if (type == AssigneeFilter.class || type == ParentFilter.class) {
				parameter.setSchema(new StringSchema().maxLength(36).minLength(0));
			}
			return parameter;
		};
	}

}
