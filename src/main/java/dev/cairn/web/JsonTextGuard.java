package dev.cairn.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractJacksonHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses a JSON body with a string (or a member name) that Cairn cannot store
 * ({@link TextInput}), with 400 {@code validation_failed} naming the field, whatever type
 * the body is read into (a command record, a map of custom fields, a merge patch's tree).
 * Such text can only arrive as a JSON escape of U+0000 or of a surrogate (U+D800 to
 * U+DFFF): Jackson refuses raw control characters, and UTF-8 cannot carry a lone
 * surrogate. So a body without such an escape is passed on after one scan of its bytes,
 * and only one with it is parsed a second time to find the field.
 */
@ControllerAdvice
class JsonTextGuard extends RequestBodyAdviceAdapter {

	private static final String NOT_UTF8 = "JSON bodies are UTF-8 text (RFC 8259): send charset=utf-8, or no charset.";

	private final JsonMapper json;

	JsonTextGuard(JsonMapper json) {
		this.json = json;
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return AbstractJacksonHttpMessageConverter.class.isAssignableFrom(converterType);
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		requireUtf8(message.getHeaders().getContentType());
		// Within the body limit: BodyLimitFilter's stream fails the read that crosses it.
		byte[] body = message.getBody().readAllBytes();
		for (byte b : body) {
			if (b == 0) {
				// A raw NUL byte: UTF-16 or UTF-32 text (every ASCII character of it has
				// one), which Jackson would decode past the scan below.
				throw new ApiProblem(ErrorCode.UNSUPPORTED_MEDIA_TYPE, NOT_UTF8);
			}
		}
		if (hasSuspectEscape(body)) {
			check(body);
		}
		return new HttpInputMessage() {

			@Override
			public InputStream getBody() {
				return new ByteArrayInputStream(body);
			}

			@Override
			public HttpHeaders getHeaders() {
				return message.getHeaders();
			}

		};
	}

	/**
	 * JSON between systems is UTF-8 (RFC 8259, 8.1). Any other charset is refused rather
	 * than decoded: the scan for escapes reads bytes, and a body in UTF-16, UTF-32 or
	 * EBCDIC would carry its NUL past it.
	 */
	private static void requireUtf8(MediaType type) {
		if (type == null || type.getParameter("charset") == null) {
			return;
		}
		try {
			if (StandardCharsets.UTF_8.equals(type.getCharset())) {
				return;
			}
		}
		catch (IllegalArgumentException ex) {
			// an unknown or malformed charset name: refused below
		}
		throw new ApiProblem(ErrorCode.UNSUPPORTED_MEDIA_TYPE, NOT_UTF8);
	}

	static boolean hasSuspectEscape(byte[] body) {
		for (int i = 0; i + 5 < body.length; i++) {
			if (body[i] == '\\' && (body[i + 1] == 'u' || body[i + 1] == 'U')) {
				byte first = body[i + 2];
				boolean nul = first == '0' && body[i + 3] == '0' && body[i + 4] == '0' && body[i + 5] == '0';
				boolean surrogate = (first == 'd' || first == 'D') && isSurrogateNibble(body[i + 3]);
				if (nul || surrogate) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean isSurrogateNibble(byte b) {
		return (b >= '8' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
	}

	private void check(byte[] body) {
		try (JsonParser parser = this.json.createParser(body)) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				String text = (token == JsonToken.VALUE_STRING) ? parser.getString()
						: (token == JsonToken.PROPERTY_NAME) ? parser.currentName() : null;
				String problem = (text != null) ? TextInput.problem(text) : null;
				if (problem != null) {
					throw new InvalidInput(JsonPaths.of(parser.streamReadContext()), problem);
				}
			}
		}
		catch (JacksonException ex) {
			// Not valid JSON: the converter's own read reports it as a malformed body.
		}
	}

}
