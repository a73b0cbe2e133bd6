package dev.cairn.notifications;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MentionsTests {

	@Test
	void aMentionIsAnAtSignAndAnAddressInAnyCase() {
		assertThat(Mentions.in("Hi @Ana@Example.com, see @bob.smith+cairn@mail.example.org."))
			.containsExactly("ana@example.com", "bob.smith+cairn@mail.example.org");
	}

	@Test
	void punctuationAroundAMentionIsNotPartOfIt() {
		assertThat(Mentions.in("(@ana@example.com) **@bob@example.com**: @cleo@example.com!"))
			.containsExactly("ana@example.com", "bob@example.com", "cleo@example.com");
	}

	@Test
	void aBareAddressOrAnAtSignInsideAWordMentionsNobody() {
		assertThat(Mentions.in("write to ana@example.com or x@ana@example.com, not @ana or @ or @@")).isEmpty();
	}

	@Test
	void eachPersonCountsOnceAndThereIsACap() {
		assertThat(Mentions.in("@a@example.com @A@EXAMPLE.COM @a@example.com")).containsExactly("a@example.com");
		StringBuilder many = new StringBuilder();
		for (int i = 0; i < 80; i++) {
			many.append("@user").append(i).append("@example.com ");
		}
		assertThat(Mentions.in(many.toString())).hasSize(Mentions.MAX);
	}

	@Test
	void onlyNewMentionsCountOnAnEdit() {
		assertThat(Mentions.added("@ana@example.com", "@ANA@example.com and @bob@example.com"))
			.containsExactly("bob@example.com");
		assertThat(Mentions.added(null, "@ana@example.com")).containsExactly("ana@example.com");
		assertThat(Mentions.added("@ana@example.com", null)).isEmpty();
	}

}
