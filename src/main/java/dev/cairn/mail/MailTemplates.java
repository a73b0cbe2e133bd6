package dev.cairn.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import org.springframework.core.io.ClassPathResource;

/**
 * The text and HTML parts of a mail from {@code templates/mail/<name>.txt.mustache} and
 * {@code .html.mustache}: text as written, HTML escaped; a missing value is empty and a
 * zero is false, so a template can say {@code {{#more}}} of a count.
 */
public final class MailTemplates {

	private MailTemplates() {
	}

	/** The plain-text part: nothing escaped. */
	public static Template text(String name) {
		return compile(Mustache.compiler().escapeHTML(false), name + ".txt");
	}

	/** The HTML part: every value escaped. */
	public static Template html(String name) {
		return compile(Mustache.compiler().escapeHTML(true), name + ".html");
	}

	/**
	 * Text a user chose (a name, a title) on one line: a line break in a subject would
	 * start a header of its own, and in a body would let it lay out a message of its own.
	 */
	public static String oneLine(String text) {
		return text.replaceAll("\\p{Cntrl}+", " ").strip();
	}

	private static Template compile(Mustache.Compiler compiler, String name) {
		try {
			return compiler.nullValue("")
				.zeroIsFalse(true)
				.compile(new ClassPathResource("templates/mail/" + name + ".mustache")
					.getContentAsString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
