package dev.cairn.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.cairn.web.FieldError;

import org.springframework.stereotype.Component;

/**
 * What a password must be, after NIST SP 800-63B: long enough (12 to 128 characters,
 * counted after Unicode normalization), not one of the commonly used or breached
 * passwords bundled with Cairn, not easy to guess by the usual tricks (a strength
 * estimate, {@link PasswordStrength}), and not built from the account's own email
 * address. No composition rules and no expiry: they push people to weaker, predictable
 * passwords; each refusal says why, so that the next try is a better one.
 */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	private final Set<String> common;

	private final PasswordStrength strength;

	PasswordPolicy(PasswordStrength strength) {
		this.common = loadCommonPasswords();
		this.strength = strength;
	}

	/**
	 * @param field the request field the password came in, named in the errors
	 * @return the rules the password breaks, empty when it is acceptable
	 */
	List<FieldError> check(String field, String password, String email) {
		List<FieldError> errors = new ArrayList<>();
		String normalized = Normalizer.normalize(password, Normalizer.Form.NFKC);
		int length = normalized.codePointCount(0, normalized.length());
		if (length < MIN_LENGTH) {
			errors.add(new FieldError(field, "must be at least " + MIN_LENGTH + " characters"));
		}
		else if (length > MAX_LENGTH) {
			errors.add(new FieldError(field, "must be at most " + MAX_LENGTH + " characters"));
		}
		else if (this.common.contains(normalized.toLowerCase(Locale.ROOT))) {
			errors.add(new FieldError(field, "is too common: it appears in lists of breached passwords"));
		}
		else {
			this.strength.weakness(normalized).ifPresent((weakness) -> errors.add(new FieldError(field, weakness)));
		}
		String localPart = (email != null && email.indexOf('@') > 0) ? email.substring(0, email.indexOf('@')) : "";
		if (localPart.length() >= 3
				&& normalized.toLowerCase(Locale.ROOT).contains(localPart.toLowerCase(Locale.ROOT))) {
			errors.add(new FieldError(field, "must not contain your email address"));
		}
		return errors;
	}

	private static Set<String> loadCommonPasswords() {
		Set<String> passwords = new HashSet<>(64_000);
		try (var in = PasswordPolicy.class.getResourceAsStream("/accounts/common-passwords.txt");
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			reader.lines().filter((line) -> !line.startsWith("#") && !line.isBlank()).forEach(passwords::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(passwords);
	}

}
