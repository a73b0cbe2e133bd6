package dev.cairn.web;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose {@code X-Forwarded-*} headers Cairn believes
 * ({@code CAIRN_TRUSTED_PROXIES}): addresses and CIDR ranges, IPv4 or IPv6. Nobody by
 * default, since any client could otherwise name its own address and escape the
 * per-address throttles and rate limits. Tomcat's {@code RemoteIpValve} does the
 * forwarding and takes the proxies as a regular expression over the peer's address as
 * Java prints it (dotted decimal; eight groups of lower-case hex without leading zeros),
 * so the ranges are turned into one here, matched exactly, never by prefix.
 */
final class TrustedProxies {

	/** Values a partial IPv6 group may take before the range is refused as unusual. */
	private static final int MAX_GROUP_VALUES = 4096;

	private TrustedProxies() {
	}

	/**
	 * The expression matching exactly the given addresses and ranges, or null for none.
	 * @throws IllegalArgumentException naming an entry that is not an address or range
	 */
	static String regex(List<String> entries) {
		List<String> alternatives = new ArrayList<>();
		for (String raw : entries) {
			String entry = raw.strip();
			if (!entry.isEmpty()) {
				alternatives.add(regex(entry));
			}
		}
		return alternatives.isEmpty() ? null : String.join("|", alternatives);
	}

	private static String regex(String entry) {
		int slash = entry.indexOf('/');
		String address = (slash < 0) ? entry : entry.substring(0, slash);
		if (!address.matches("[0-9A-Fa-f:.]+")) {
			throw invalid(entry); // never a host name: that would be looked up
		}
		InetAddress parsed;
		try {
			parsed = InetAddress.getByName(address);
		}
		catch (UnknownHostException ex) {
			throw invalid(entry);
		}
		if (parsed instanceof Inet4Address && !Ipv4Text.isCanonical(address)) {
			throw invalid(entry);
		}
		int bits = parsed.getAddress().length * 8;
		int prefix;
		try {
			prefix = (slash < 0) ? bits : Integer.parseInt(entry.substring(slash + 1));
		}
		catch (NumberFormatException ex) {
			throw invalid(entry);
		}
		if (prefix < 0 || prefix > bits) {
			throw invalid(entry);
		}
		byte[] network = parsed.getAddress();
		for (int bit = prefix; bit < bits; bit++) {
			network[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
		}
		return (parsed instanceof Inet6Address) ? ipv6(entry, network, prefix) : ipv4(network, prefix);
	}

	private static String ipv4(byte[] network, int prefix) {
		List<String> octets = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			int fixedBits = Math.max(0, Math.min(8, prefix - 8 * i));
			octets.add(values(network[i] & 0xff, 8 - fixedBits, 10));
		}
		return String.join("\\.", octets);
	}

	private static String ipv6(String entry, byte[] network, int prefix) {
		List<String> groups = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			int fixedBits = Math.max(0, Math.min(16, prefix - 16 * i));
			if (fixedBits > 0 && fixedBits < 16 && (1 << (16 - fixedBits)) > MAX_GROUP_VALUES) {
				throw new IllegalArgumentException("'" + entry
						+ "' is not a range Cairn can trust: give IPv6 prefixes in steps of 4 bits from /4 (/48, /56, /64 ...)");
			}
			int group = ((network[2 * i] & 0xff) << 8) | (network[2 * i + 1] & 0xff);
			groups.add(values(group, 16 - fixedBits, 16));
		}
		return String.join(":", groups) + "(?:%.*)?";
	}

	// The values from `start` over `freeBits` free low bits, as Java prints them.
	private static String values(int start, int freeBits, int radix) {
		if (freeBits == 0) {
			return Integer.toString(start, radix);
		}
		if (freeBits >= ((radix == 10) ? 8 : 16)) {
			return (radix == 10) ? "\\d{1,3}" : "[0-9a-f]{1,4}";
		}
		List<String> all = new ArrayList<>();
		for (int value = start; value < start + (1 << freeBits); value++) {
			all.add(Integer.toString(value, radix));
		}
		return "(?:" + String.join("|", all) + ")";
	}

	private static IllegalArgumentException invalid(String entry) {
		return new IllegalArgumentException(
				"'" + entry + "' is not an IP address or a CIDR range such as 10.0.0.0/8 or fd00::/64");
	}

	/** Whether {@code address} (as Tomcat gives it) is one of the trusted proxies. */
	static boolean matches(String regex, String address) {
		return regex != null && Pattern.matches(regex, address);
	}

}
