package dev.cairn.web;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Reads one type of query parameter from its text, for Spring MVC's binding of a query
 * record. Declared once as a bean, it serves every route (Spring Boot registers converter
 * beans with Spring MVC). Text the type does not take is refused with the type's rule,
 * which {@link ProblemDetailsAdvice} gives the client as the parameter's field error; a
 * value that fails any other conversion (a bad id or date) "has the wrong format".
 *
 * @param <T> the type read
 */
public final class ParameterConverter<T> implements GenericConverter {

	private final Class<T> type;

	private final Function<String, Optional<T>> parser;

	private final String rule;

	private ParameterConverter(Class<T> type, Function<String, Optional<T>> parser, String rule) {
		this.type = type;
		this.parser = parser;
		this.rule = rule;
	}

	/**
	 * A converter to {@code type}.
	 * @param parser the value a text names, empty for a text that names none
	 * @param rule what a text must be, as a field error says it ({@code must be ...})
	 */
	public static <T> ParameterConverter<T> of(Class<T> type, Function<String, Optional<T>> parser, String rule) {
		return new ParameterConverter<>(type, parser, rule);
	}

	@Override
	public Set<ConvertiblePair> getConvertibleTypes() {
		return Set.of(new ConvertiblePair(String.class, this.type), new ConvertiblePair(String[].class, this.type));
	}

	// A parameter given twice is one text, its values joined by commas, as Spring MVC
	// gives it to a String parameter: ?priority=low&priority=urgent names no priority,
	// where Spring's own array converter would quietly take the first.
	@Override
	public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
		if (source == null) {
			return null;
		}
		String text = (source instanceof String[] values) ? String.join(",", values) : (String) source;
		return this.parser.apply(text).orElseThrow(() -> new Refused(this.rule));
	}

	/**
	 * The rule of the converter that refused a value, found among the causes of a
	 * conversion failure; empty when no {@link ParameterConverter} refused it.
	 */
	static Optional<String> rule(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof Refused refused) {
				return Optional.of(refused.getMessage());
			}
		}
		return Optional.empty();
	}

	// Spring wraps whatever a converter throws: this type tells a rule from a
	// failure that merely carries a message (UUID.fromString's names the text).
	private static final class Refused extends IllegalArgumentException {

		Refused(String rule) {
			super(rule);
		}

	}

}
