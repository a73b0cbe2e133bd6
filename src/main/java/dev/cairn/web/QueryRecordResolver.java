package dev.cairn.web;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;

import org.springframework.beans.BeanInstantiationException;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Conventions;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Binds a query record ({@code @ParameterObject} on a record, as the task list's
 * {@code TaskListQuery}): each component from the query parameter of its name, through
 * the converters Spring MVC has (so {@code ParameterConverter}s apply), then the record's
 * constraints when the parameter says {@code @Valid}. Failures are what Spring's own
 * binding reports ({@link MethodArgumentNotValidException}, binding failures first and
 * alone), so {@code ProblemDetailsAdvice} words them the same.
 *
 * <p>
 * Why not Spring's {@code @ModelAttribute} constructor binding, which does the same: it
 * reads the constructor's parameter annotations again through reflection on every request
 * (a new {@code MethodParameter} per component, twice), which took a fifth of the CPU of
 * a task list page under load and its throughput from about 1,550 to 1,090 requests a
 * second (JFR, {@code bench/run.sh 100k list}). Here each record's components are read
 * once. It also binds query parameters only: Spring's binder would fill a component from
 * a request header or a path variable of the same name.
 */
final class QueryRecordResolver implements HandlerMethodArgumentResolver {

	private final Map<Class<?>, QueryType> types = new ConcurrentHashMap<>();

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType().isRecord() && parameter.hasParameterAnnotation(ParameterObject.class);
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
			NativeWebRequest webRequest, WebDataBinderFactory binders) throws Exception {
		QueryType type = this.types.computeIfAbsent(parameter.getParameterType(), QueryType::new);
		String name = Conventions.getVariableNameForParameter(parameter);
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		WebDataBinder converter = binders.createBinder(webRequest, null, name);
		BindingResult failures = new MapBindingResult(new HashMap<>(), name);
		Object[] values = new Object[type.components.length];
		for (int i = 0; i < values.length; i++) {
			String component = type.components[i];
			String[] given = request.getParameterValues(component);
			if (given == null) {
				continue;
			}
			Object text = (given.length == 1) ? given[0] : given;
			try {
				values[i] = converter.convertIfNecessary(text, type.parameters[i].getParameterType(),
						type.descriptors[i]);
			}
			catch (TypeMismatchException ex) {
				FieldError error = new FieldError(name, component, text, true,
						failures.resolveMessageCodes("typeMismatch", component), null, ex.getLocalizedMessage());
				error.wrap(ex);
				failures.addError(error);
			}
		}
		if (failures.hasErrors()) {
			throw new MethodArgumentNotValidException(parameter, failures);
		}
		Object query = type.create(values);
		if (parameter.hasParameterAnnotation(Valid.class)) {
			WebDataBinder validator = binders.createBinder(webRequest, query, name);
			validator.validate();
			if (validator.getBindingResult().hasErrors()) {
				throw new MethodArgumentNotValidException(parameter, validator.getBindingResult());
			}
		}
		return query;
	}

	/** A record's canonical constructor and its components, read once. */
	private static final class QueryType {

		private final Constructor<?> constructor;

		private final String[] components;

		private final MethodParameter[] parameters;

		private final TypeDescriptor[] descriptors;

		QueryType(Class<?> record) {
			RecordComponent[] recordComponents = record.getRecordComponents();
			Class<?>[] types = new Class<?>[recordComponents.length];
			this.components = new String[recordComponents.length];
			for (int i = 0; i < recordComponents.length; i++) {
				types[i] = recordComponents[i].getType();
				this.components[i] = recordComponents[i].getName();
			}
			try {
				this.constructor = record.getDeclaredConstructor(types);
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalStateException("A record has its canonical constructor", ex);
			}
			this.constructor.setAccessible(true);
			this.parameters = new MethodParameter[types.length];
			this.descriptors = new TypeDescriptor[types.length];
			for (int i = 0; i < types.length; i++) {
				this.parameters[i] = new MethodParameter(this.constructor, i);
				this.descriptors[i] = new TypeDescriptor(this.parameters[i]);
			}
		}

		// BeanUtils gives a primitive component its default when its parameter is
		// absent, where the constructor alone would refuse the null (a 500).
		Object create(Object[] values) throws Exception {
			try {
				return BeanUtils.instantiateClass(this.constructor, values);
			}
			catch (BeanInstantiationException ex) {
				// The record's own checks (an InvalidInput) reach the client as they are.
				if (ex.getCause() instanceof Exception cause && !(cause instanceof ReflectiveOperationException)) {
					throw cause;
				}
				throw ex;
			}
		}

	}

}
