package dev.cairn.web;

import java.util.ArrayDeque;
import java.util.Deque;

import tools.jackson.core.TokenStreamContext;

/**
 * A position in a JSON body as validation errors name it: {@code customFields.abc},
 * {@code options[2]}. A member name that is itself unprintable text is not repeated back.
 */
final class JsonPaths {

	private JsonPaths() {
	}

	static String of(TokenStreamContext context) {
		Deque<TokenStreamContext> chain = new ArrayDeque<>();
		for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
			chain.push(at);
		}
		StringBuilder path = new StringBuilder();
		for (TokenStreamContext at : chain) {
			if (at.inArray()) {
				path.append('[').append(Math.max(at.getCurrentIndex(), 0)).append(']');
			}
			else if (at.currentName() != null) {
				String name = at.currentName();
				path.append(path.isEmpty() ? "" : ".").append((TextInput.problem(name) == null) ? name : "(name)");
			}
		}
		return path.toString();
	}

}
