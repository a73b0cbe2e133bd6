package dev.cairn.auth;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The same answers as Spring's resolver, header by header. */
class BearerTokensTests {

	private final BearerTokens tokens = new BearerTokens();

	private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

	@Test
	void readsWhatSpringsResolverReads() {
		for (String header : new String[] { "Bearer abc.DEF-123_~+/", "bearer abc==", "BEARER x", "Basic dXNlcg==",
				"Digest realm" }) {
			assertThat(this.tokens.resolve(request(header))).as(header).isEqualTo(this.spring.resolve(request(header)));
		}
		assertThat(this.tokens.resolve(new MockHttpServletRequest())).isNull();
	}

	@Test
	void refusesMalformedTokensAsSpringsResolverDoes() {
		for (String header : new String[] { "Bearer ", "Bearer  abc", "Bearer abc def", "Bearer ab!c", "Bearer ===",
				"Bearer a=b", "Bearerabc" }) {
			assertThatThrownBy(() -> this.spring.resolve(request(header))).as("Spring, " + header)
				.isInstanceOf(OAuth2AuthenticationException.class);
			assertThatThrownBy(() -> this.tokens.resolve(request(header))).as(header)
				.isInstanceOf(OAuth2AuthenticationException.class);
		}
	}

	private static MockHttpServletRequest request(String authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Authorization", authorization);
		return request;
	}

}
