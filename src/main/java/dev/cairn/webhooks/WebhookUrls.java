package dev.cairn.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import dev.cairn.web.Ipv4Text;

import org.springframework.stereotype.Component;

/**
 * Checks a URL when it is registered, so an admin learns at once that it cannot work.
 * Passing here is no licence: every attempt checks the address again (DNS can change).
 */
@Component
class WebhookUrls {

	private final AddressPolicy policy;

	WebhookUrls(AddressPolicy policy) {
		this.policy = policy;
	}

	/**
	 * @return the URL as stored: its scheme in lower case
	 * @throws WebhookUrlRefused saying why
	 */
	String check(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw refused("The URL is not valid: " + ex.getReason() + ".");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw refused("Only http and https URLs can receive webhooks.");
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			throw refused("The URL has no host.");
		}
		if (uri.getRawUserInfo() != null) {
			throw refused("Credentials in the URL are not accepted; verify the signature instead.");
		}
		if (uri.getRawFragment() != null) {
			throw refused("A URL with a fragment (#...) cannot receive webhooks.");
		}
		String host = AddressPolicy.hostOf(uri);
		if (Ipv4Text.isAmbiguousHost(host)) {
			throw refused("The host " + host + " is an IPv4 address in a form other software reads as another"
					+ " address (octal, hexadecimal, shortened or with leading zeros); write it as four decimal"
					+ " numbers, such as 93.184.216.34.");
		}
		// One answer whether the name does not resolve or resolves to a private address,
		// so that registering URLs cannot map which internal names exist.
		try {
			if (!this.policy.permits(host, InetAddress.getAllByName(host))) {
				throw unreachable(host);
			}
		}
		catch (UnknownHostException ex) {
			throw unreachable(host);
		}
		return scheme + url.substring(scheme.length());
	}

	private static WebhookUrlRefused unreachable(String host) {
		return refused("The host " + host
				+ " does not resolve to a public address; webhooks may not reach private, loopback, link-local or reserved ones.");
	}

	private static WebhookUrlRefused refused(String detail) {
		return new WebhookUrlRefused(detail);
	}

}
