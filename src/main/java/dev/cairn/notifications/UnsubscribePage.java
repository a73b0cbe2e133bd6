package dev.cairn.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The page a notification mail's footer links to ({@code /unsubscribe#token=...}): it
 * asks before it posts the token to the one-click route, and says what to do when the
 * link has expired. A static page and one script until Cairn has a web app; its CSP, the
 * only one that lets a script run, is in SecurityConfiguration.
 */
@Hidden // a page, not an operation of the API
@Controller
class UnsubscribePage {

	private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	private static final MediaType SCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");

	private final byte[] page = read("unsubscribe.html");

	private final byte[] script = read("unsubscribe.js");

	@GetMapping("/unsubscribe")
	ResponseEntity<byte[]> page() {
		return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noCache()).body(this.page);
	}

	@GetMapping("/unsubscribe.js")
	ResponseEntity<byte[]> script() {
		return ResponseEntity.ok().contentType(SCRIPT).cacheControl(CacheControl.noCache()).body(this.script);
	}

	private static byte[] read(String name) {
		try {
			return new ClassPathResource("notifications/" + name).getContentAsByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
