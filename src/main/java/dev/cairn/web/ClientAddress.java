package dev.cairn.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client's address as a throttling key. Behind a proxy this is the forwarded client
 * address, believed only from the proxies in {@code CAIRN_TRUSTED_PROXIES}. An IPv6
 * client is keyed by its /64 network, since one host commonly holds a whole /64.
 */
public final class ClientAddress {

	private ClientAddress() {
	}

	public static String key(HttpServletRequest request) {
		String address = request.getRemoteAddr();
		if (address == null || !address.contains(":")) {
			return address;
		}
		try {
			InetAddress parsed = InetAddress.getByName(address);
			if (!(parsed instanceof Inet6Address)) {
				return address;
			}
			byte[] bytes = parsed.getAddress();
			StringBuilder prefix = new StringBuilder();
			for (int i = 0; i < 8; i += 2) {
				prefix.append(String.format("%02x%02x:", bytes[i], bytes[i + 1]));
			}
			return prefix.append(":/64").toString();
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

}
