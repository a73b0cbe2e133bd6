package dev.cairn.accounts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Feedback;
import me.gosimple.nbvcxz.scoring.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * How guessable a password is, estimated the way zxcvbn does it (nbvcxz, its Java port):
 * dictionary words, names, keyboard walks, repeats, sequences, years and l33t
 * substitutions, each priced by how an attacker would try it. A list of breached
 * passwords only knows the exact strings on it; this also refuses {@code Password1234!}
 * or {@code trustno1trustno1}, which are variations of them.
 *
 * <p>
 * nbvcxz keeps its dictionaries in static fields (about 20 MB of heap) and takes about
 * two seconds to load them, so they are loaded once, in the background after start-up,
 * rather than during start-up or in the first registration.
 */
@Component
class PasswordStrength {

	/** nbvcxz's default: about 3 x 10^10 guesses, hours for an offline attacker. */
	static final double MINIMUM_ENTROPY = 35;

	private static final Logger log = LoggerFactory.getLogger(PasswordStrength.class);

	private volatile Nbvcxz estimator;

	/**
	 * Characters estimated: the estimate's cost grows fast with length (a crafted
	 * 128-character password took about 1.6 s, 64 characters at most about 0.5 s, on a
	 * loaded 2-core machine), and 64 characters that are hard to guess are not made easy
	 * by more.
	 */
	static final int ESTIMATED_LENGTH = 64;

	/** Why the password is too easy to guess, or empty when it is not. */
	Optional<String> weakness(String password) {
		String estimated = (password.codePointCount(0, password.length()) > ESTIMATED_LENGTH)
				? password.substring(0, password.offsetByCodePoints(0, ESTIMATED_LENGTH)) : password;
		Result result = estimator().estimate(estimated);
		if (result.getEntropy() >= MINIMUM_ENTROPY) {
			return Optional.empty();
		}
		Feedback feedback = result.getFeedback();
		String why = (feedback.getWarning() != null) ? " (" + trimmed(feedback.getWarning()) + ")" : "";
		List<String> suggestions = (feedback.getSuggestion() != null) ? feedback.getSuggestion() : List.of();
		String advice = suggestions.isEmpty() ? "add a few uncommon words"
				: trimmed(suggestions.get(0)).toLowerCase(Locale.ROOT);
		return Optional.of("is too easy to guess" + why + ": " + advice);
	}

	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		Thread.ofVirtual().name("password-strength-warm-up").start(() -> {
			try {
				estimator().estimate("warm up the dictionaries");
			}
			catch (RuntimeException ex) {
				log.warn("Could not load the password dictionaries in the background; the first check will", ex);
			}
		});
	}

	private Nbvcxz estimator() {
		Nbvcxz loaded = this.estimator;
		if (loaded == null) {
			synchronized (this) {
				if (this.estimator == null) {
					this.estimator = new Nbvcxz(
							new ConfigurationBuilder().setMinimumEntropy(MINIMUM_ENTROPY).createConfiguration());
				}
				loaded = this.estimator;
			}
		}
		return loaded;
	}

	private static String trimmed(String sentence) {
		String text = sentence.strip();
		return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
	}

}
