package dev.cairn.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Resolves the host of every delivery attempt and refuses it when an address is not
 * allowed. Checking here, on the very addresses the connection will use, closes the gap a
 * check at registration leaves open (DNS rebinding: a name that resolved to a public
 * address then resolves to 127.0.0.1).
 */
final class GuardedDnsResolver implements DnsResolver {

	private final AddressPolicy policy;

	GuardedDnsResolver(AddressPolicy policy) {
		this.policy = policy;
	}

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
		if (!this.policy.permits(host, addresses)) {
			throw new ForbiddenAddress(host);
		}
		return addresses;
	}

	@Override
	public String resolveCanonicalHostname(String host) throws UnknownHostException {
		return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
	}

	/** The host resolves to an address webhooks may not reach. */
	static final class ForbiddenAddress extends UnknownHostException {

		ForbiddenAddress(String host) {
			super(host + " resolves to an address webhooks may not reach (private, loopback, link-local or reserved)");
		}

	}

}
