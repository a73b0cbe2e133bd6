package dev.cairn.auth;

/**
 * Where a sign-in came from, kept with its refresh tokens for the user's session list.
 */
record Client(String userAgent, String ipAddress) {

	Client {
		if (userAgent != null && userAgent.length() > 512) {
			userAgent = userAgent.substring(0, 512);
		}
	}

}
