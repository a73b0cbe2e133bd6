package dev.cairn.web;

import java.util.regex.Pattern;

/**
 * IPv4 addresses as text. Only one spelling of an address is accepted where Cairn takes
 * one from a user: four decimal numbers without leading zeros. The others (octal
 * {@code 0177.0.0.1}, hexadecimal {@code 0x7f.1}, shortened {@code 127.1}, a single
 * number {@code 2130706433}, leading zeros {@code 127.000.000.001}) are read as different
 * addresses by different software (Java takes {@code 0177} as 177, curl and browsers as
 * 127), so a check made by one reader would not hold for another.
 */
public final class Ipv4Text {

	private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";

	private static final Pattern CANONICAL = Pattern.compile(OCTET + "(?:\\." + OCTET + "){3}");

	// The WHATWG URL standard reads a host as IPv4 when its last label is a number.
	private static final Pattern NUMERIC_LABEL = Pattern.compile("(?i)[0-9]+|0x[0-9a-f]*");

	private Ipv4Text() {
	}

	public static boolean isCanonical(String text) {
		return CANONICAL.matcher(text).matches();
	}

	/**
	 * Whether a URL's host would be read as an IPv4 address by some software but is not
	 * one in the canonical form: refused, since its meaning depends on the reader.
	 */
	public static boolean isAmbiguousHost(String host) {
		String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
		if (name.contains(":") || isCanonical(name)) {
			return false;
		}
		String last = name.substring(name.lastIndexOf('.') + 1);
		return NUMERIC_LABEL.matcher(last).matches();
	}

}
