package dev.cairn.web;

import java.net.InetAddress;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The trusted proxies as the expression Tomcat matches peers against: exactly the
 * addresses in the ranges, as Java prints them, checked against Spring Security's CIDR
 * matcher on random addresses near and inside each range.
 */
class TrustedProxiesTests {

	private final Random random = new Random(16);

	@Test
	void nobodyIsTrustedByDefault() {
		assertThat(TrustedProxies.regex(List.of())).isNull();
		assertThat(TrustedProxies.regex(List.of("", " "))).isNull();
	}

	@Test
	void ipv4RangesMatchExactlyTheirAddresses() throws Exception {
		for (String range : List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.1.0/24", "203.0.113.7", "127.0.0.1/32",
				"100.64.0.0/10", "198.51.100.128/25", "0.0.0.0/0", "192.0.2.3/31")) {
			String regex = TrustedProxies.regex(List.of(range));
			IpAddressMatcher reference = new IpAddressMatcher(range);
			byte[] base = InetAddress.getByName(range.split("/")[0]).getAddress();
			for (int i = 0; i < 2000; i++) {
				byte[] address = base.clone();
				// Mostly near the range (its last two octets random), sometimes anywhere.
				int from = (i % 10 == 0) ? 0 : 2;
				for (int b = from; b < 4; b++) {
					address[b] = (byte) this.random.nextInt(256);
				}
				String text = InetAddress.getByAddress(address).getHostAddress();
				assertThat(TrustedProxies.matches(regex, text)).as("%s in %s", text, range)
					.isEqualTo(reference.matches(text));
			}
		}
	}

	@Test
	void ipv6RangesMatchExactlyTheirAddresses() throws Exception {
		for (String range : List.of("fd00::/64", "2001:db8::/32", "fd12:3456:789a::/48", "fd00:ab::/56", "::1",
				"2001:db8:0:ff00::/60")) {
			String regex = TrustedProxies.regex(List.of(range));
			IpAddressMatcher reference = new IpAddressMatcher(range);
			byte[] base = InetAddress.getByName(range.split("/")[0]).getAddress();
			for (int i = 0; i < 2000; i++) {
				byte[] address = base.clone();
				int from = (i % 10 == 0) ? 0 : 6 + this.random.nextInt(4);
				for (int b = from; b < 16; b++) {
					address[b] = (byte) this.random.nextInt(256);
				}
				String text = InetAddress.getByAddress(address).getHostAddress();
				assertThat(TrustedProxies.matches(regex, text)).as("%s in %s", text, range)
					.isEqualTo(reference.matches(text));
			}
		}
	}

	@Test
	void aListTrustsAnyOfItsEntries() {
		String regex = TrustedProxies.regex(List.of("10.1.2.3", " 192.168.0.0/16 ", "fd00::/64"));
		assertThat(TrustedProxies.matches(regex, "10.1.2.3")).isTrue();
		assertThat(TrustedProxies.matches(regex, "10.1.2.33")).isFalse();
		assertThat(TrustedProxies.matches(regex, "110.1.2.3")).isFalse();
		assertThat(TrustedProxies.matches(regex, "192.168.77.1")).isTrue();
		assertThat(TrustedProxies.matches(regex, "fd00:0:0:0:1:2:3:4")).isTrue();
		assertThat(TrustedProxies.matches(regex, "fd01:0:0:0:1:2:3:4")).isFalse();
	}

	@Test
	void whatIsNoAddressOrRangeIsRefusedNamingIt() {
		for (String bad : List.of("proxy.internal", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/x", "0177.0.0.1", "10.1",
				"300.1.1.1", "fd00::/129", "fd00::/50", "10.0.0.1/8/8")) {
			assertThatIllegalArgumentException().as(bad)
				.isThrownBy(() -> TrustedProxies.regex(List.of(bad)))
				.withMessageContaining("'" + bad + "'");
		}
	}

}
