package dev.cairn.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AddressPolicyTests {

	private final AddressPolicy strict = new AddressPolicy(List.of());

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.255.0.9", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
			"169.254.169.254", "100.64.0.1", "100.100.100.200", "0.0.0.0", "224.0.0.1", "255.255.255.255", "240.0.0.1",
			"192.0.2.10", "198.18.0.1", "::1", "::", "fe80::1", "fc00::1", "fd00:ec2::254", "ff02::1",
			"::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "2002:7f00:1::", "2001:db8::1" })
	void refusesEveryAddressThatIsNotPublic(String address) throws UnknownHostException {
		assertThat(AddressPolicy.isPublic(InetAddress.getByName(address))).as(address).isFalse();
		assertThat(this.strict.permits(address, new InetAddress[] { InetAddress.getByName(address) })).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
			"64:ff9b::808:808" })
	void permitsPublicAddresses(String address) throws UnknownHostException {
		assertThat(AddressPolicy.isPublic(InetAddress.getByName(address))).as(address).isTrue();
	}

	@Test
	void aHostIsRefusedWhenAnyOfItsAddressesIs() throws UnknownHostException {
		InetAddress[] mixed = { InetAddress.getByName("8.8.8.8"), InetAddress.getByName("10.0.0.1") };
		assertThat(this.strict.permits("mixed.example", mixed)).isFalse();
		assertThat(this.strict.permits("nothing.example", new InetAddress[0])).isFalse();
	}

	@Test
	void theAllowListOpensExactlyWhatItNames() throws UnknownHostException {
		AddressPolicy policy = new AddressPolicy(List.of("127.0.0.1", "10.20.0.0/16", "Hooks.Internal"));
		assertThat(policy.permits("127.0.0.1", new InetAddress[] { InetAddress.getByName("127.0.0.1") })).isTrue();
		assertThat(policy.permits("127.0.0.2", new InetAddress[] { InetAddress.getByName("127.0.0.2") })).isFalse();
		assertThat(policy.permits("x", new InetAddress[] { InetAddress.getByName("10.20.3.4") })).isTrue();
		assertThat(policy.permits("x", new InetAddress[] { InetAddress.getByName("10.21.3.4") })).isFalse();
		assertThat(policy.permits("hooks.internal", new InetAddress[] { InetAddress.getByName("192.168.9.9") }))
			.isTrue();
	}

	@Test
	void theResolverRefusesAForbiddenHostAtConnectTime() {
		GuardedDnsResolver resolver = new GuardedDnsResolver(this.strict);
		assertThatExceptionOfType(GuardedDnsResolver.ForbiddenAddress.class)
			.isThrownBy(() -> resolver.lookup("127.0.0.1"));
		assertThatExceptionOfType(GuardedDnsResolver.ForbiddenAddress.class)
			.isThrownBy(() -> resolver.lookup("localhost"));
	}

}
