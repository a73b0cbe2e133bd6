package dev.cairn.auth;

/**
 * What a sign-in or a refresh returns: a short-lived access token and the refresh token
 * that gets the next one.
 */
record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn) {

	TokenPair(String accessToken, String refreshToken, long expiresIn) {
		this(accessToken, refreshToken, "Bearer", expiresIn);
	}

	// Response bodies are logged at DEBUG by Spring MVC: never with the tokens.
	@Override
	public String toString() {
		return "TokenPair[tokenType=" + this.tokenType + ", expiresIn=" + this.expiresIn + ", tokens=(redacted)]";
	}

}
