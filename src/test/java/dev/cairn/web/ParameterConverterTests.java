package dev.cairn.web;

import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.support.DefaultConversionService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class ParameterConverterTests {

	private final DefaultConversionService conversions = new DefaultConversionService();

	ParameterConverterTests() {
		this.conversions.addConverter(ParameterConverter.of(Colour.class, Colour::of, "must be red or blue"));
	}

	@Test
	void readsWhatTheTypeNames() {
		assertThat(this.conversions.convert("red", Colour.class)).isEqualTo(Colour.RED);
		assertThat(this.conversions.convert(new String[] { "blue" }, Colour.class)).isEqualTo(Colour.BLUE);
		assertThat(this.conversions.convert(null, Colour.class)).isNull();
	}

	// The advice finds the rule among the causes Spring wraps around it.
	@Test
	void refusesTheRestWithTheTypesRule() {
		Throwable failure = catchThrowable(() -> this.conversions.convert("green", Colour.class));
		assertThat(failure).isInstanceOf(ConversionFailedException.class);
		assertThat(ParameterConverter.rule(new RuntimeException(failure))).hasValue("must be red or blue");
		assertThat(ParameterConverter
			.rule(catchThrowable(() -> this.conversions.convert(new String[] { "red", "blue" }, Colour.class))))
			.hasValue("must be red or blue");
	}

	// Any other conversion failure carries a message of its own, which is no rule to
	// show a client (UUID.fromString's repeats the text).
	@Test
	void anotherFailureHasNoRule() {
		Throwable failure = catchThrowable(() -> this.conversions.convert("nope", UUID.class));
		assertThat(failure).hasRootCauseInstanceOf(IllegalArgumentException.class);
		assertThat(ParameterConverter.rule(failure)).isEmpty();
	}

	enum Colour {

		RED, BLUE;

		static Optional<Colour> of(String text) {
			return switch (text) {
				case "red" -> Optional.of(RED);
				case "blue" -> Optional.of(BLUE);
				default -> Optional.empty();
			};
		}

	}

}
