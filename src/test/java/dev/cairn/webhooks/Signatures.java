package dev.cairn.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check, written from the Standard Webhooks specification rather than from
 * Cairn's signer: some {@code v1,} signature in the header must equal the HMAC-SHA256 of
 * {@code id.timestamp.body} under the secret's base64 key.
 */
final class Signatures {

	private Signatures() {
	}

	static boolean verify(String secret, Receiver.Request request) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
			String signed = request.id() + "." + request.headers().get("webhook-timestamp") + "." + request.body();
			byte[] expected = mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
			for (String signature : request.headers().get("webhook-signature").split(" ")) {
				if (signature.startsWith("v1,")
						&& MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
					return true;
				}
			}
			return false;
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
