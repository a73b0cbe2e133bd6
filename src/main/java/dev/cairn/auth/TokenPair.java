package dev.cairn.auth;

/**
 * What a sign-in or a refresh returns: a short-lived access token and the refresh token
 * that gets the next one.
 */
record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn) {

	TokenPair(String accessToken, String refreshToken, long expiresIn) {
		this(accessToken, refreshToken, "Bearer", expiresIn);
	}

}
