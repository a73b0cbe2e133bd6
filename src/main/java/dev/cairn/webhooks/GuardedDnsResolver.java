package dev.cairn.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import okhttp3.Dns;

/**
 * Resolves the host of every delivery attempt and refuses it when an address is not
 * allowed. Checking here, on the very addresses the connection will use, closes the gap a
 * check at registration leaves open (DNS rebinding: a name that resolved to a public
 * address then resolves to 127.0.0.1).
 */
final class GuardedDnsResolver implements Dns {

	private final AddressPolicy policy;

	GuardedDnsResolver(AddressPolicy policy) {
		this.policy = policy;
	}

	@Override
	public List<InetAddress> lookup(String host) throws UnknownHostException {
		List<InetAddress> addresses = Dns.SYSTEM.lookup(host);
		if (!this.policy.permits(host, addresses.toArray(InetAddress[]::new))) {
			throw new ForbiddenAddress(host);
		}
		return addresses;
	}

	/** The host resolves to an address webhooks may not reach. */
	static final class ForbiddenAddress extends UnknownHostException {

		ForbiddenAddress(String host) {
			super(host + " resolves to an address webhooks may not reach (private, loopback, link-local or reserved)");
		}

	}

}
