package dev.cairn.comments;

import org.junit.jupiter.api.Test;

import dev.cairn.web.FieldError;
import dev.cairn.web.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CommentTextTests {

	@Test
	void aCommentIsStrippedAndNeitherBlankNorTooLong() {
		assertThat(new CommentText("  Looks good  ").body()).isEqualTo("Looks good");
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> new CommentText(" \n "))
			.satisfies((ex) -> assertThat(ex.errors()).containsExactly(new FieldError("body", "must not be blank")));
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> new CommentText("x".repeat(CommentText.MAX_BODY + 1)))
			.satisfies((ex) -> assertThat(ex.errors())
				.containsExactly(new FieldError("body", "must be at most 20000 characters")));
	}

}
