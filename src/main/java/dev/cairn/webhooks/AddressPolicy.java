package dev.cairn.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.cairn.web.Ipv4Text;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Which addresses a webhook may reach. Public unicast addresses only, unless
 * allow-listed: never loopback, private, shared (carrier-grade NAT), link-local (where
 * cloud metadata services live, 169.254.169.254), multicast, reserved or documentation
 * ranges, in IPv4 or IPv6, including IPv4 addresses wrapped in IPv6 (mapped, NAT64,
 * 6to4).
 */
final class AddressPolicy {

	private static final List<IpAddressMatcher> NOT_PUBLIC = matchers(
			List.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
					"192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15",
					"198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4", "::/128", "::1/128", "::/96",
					"100::/64", "2001::/32", "2001:db8::/32", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8"));

	private final Set<String> allowedHosts;

	private final List<IpAddressMatcher> allowedRanges;

	/**
	 * @param allowList host names, addresses and CIDR ranges that are allowed although
	 * not public
	 */
	AddressPolicy(List<String> allowList) {
		this.allowedHosts = allowList.stream()
			.filter((entry) -> !looksLikeAddress(entry))
			.map((entry) -> entry.toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
		this.allowedRanges = matchers(allowList.stream().filter(AddressPolicy::looksLikeAddress).toList());
	}

	/** Whether every address of the host may be reached. */
	boolean permits(String host, InetAddress[] addresses) {
		if (Ipv4Text.isAmbiguousHost(host)) {
			return false; // a URL stored before such hosts were refused at registration
		}
		if (this.allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
			return true;
		}
		for (InetAddress address : addresses) {
			if (!permits(address)) {
				return false;
			}
		}
		return addresses.length > 0;
	}

	private boolean permits(InetAddress address) {
		String literal = address.getHostAddress();
		return isPublic(address) || this.allowedRanges.stream().anyMatch((range) -> range.matches(literal));
	}

	static boolean isPublic(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		InetAddress embedded = embeddedIpv4(address);
		if (embedded != null) {
			return isPublic(embedded);
		}
		String literal = address.getHostAddress();
		return NOT_PUBLIC.stream().noneMatch((range) -> range.matches(literal));
	}

	// IPv4 carried inside IPv6 reaches the IPv4 host: judge that one.
	private static InetAddress embeddedIpv4(InetAddress address) {
		if (!(address instanceof Inet6Address)) {
			return null;
		}
		byte[] bytes = address.getAddress();
		int from = -1;
		if (startsWith(bytes, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff)) {
			from = 12; // ::ffff:a.b.c.d
		}
		else if (startsWith(bytes, 0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0)) {
			from = 12; // 64:ff9b::a.b.c.d (NAT64)
		}
		else if (startsWith(bytes, 0x20, 0x02)) {
			from = 2; // 2002:abcd:... (6to4)
		}
		if (from < 0) {
			return null;
		}
		try {
			return Inet4Address
				.getByAddress(new byte[] { bytes[from], bytes[from + 1], bytes[from + 2], bytes[from + 3] });
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("four bytes are an IPv4 address", ex);
		}
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xff) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	/** The host of a URL as a resolver takes it: {@code [::1]} is {@code ::1}. */
	static String hostOf(URI url) {
		String host = url.getHost();
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

	/** Whether a host is an address written out (IPv4 or IPv6), not a name. */
	static boolean isAddressLiteral(String host) {
		return host.contains(":") || host.matches("[0-9.]+");
	}

	private static boolean looksLikeAddress(String entry) {
		return entry.contains("/") || isAddressLiteral(entry);
	}

	private static List<IpAddressMatcher> matchers(List<String> ranges) {
		return ranges.stream().map(IpAddressMatcher::new).toList();
	}

}
