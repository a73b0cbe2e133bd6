package dev.cairn.auth;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * EC keys to and from PEM text (PKCS#8 private, X.509 public).
 */
final class Pem {

	private Pem() {
	}

	static String privateKey(ECPrivateKey key) {
		return wrap("PRIVATE KEY", key.getEncoded());
	}

	static String publicKey(ECPublicKey key) {
		return wrap("PUBLIC KEY", key.getEncoded());
	}

	static ECPrivateKey readPrivateKey(String pem) {
		try {
			return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(unwrap(pem)));
		}
		catch (GeneralSecurityException | IllegalArgumentException | ClassCastException ex) {
			throw new IllegalArgumentException("not an EC private key in PKCS#8 PEM", ex);
		}
	}

	static ECPublicKey readPublicKey(String pem) {
		try {
			return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(unwrap(pem)));
		}
		catch (GeneralSecurityException | IllegalArgumentException | ClassCastException ex) {
			throw new IllegalArgumentException("not an EC public key in X.509 PEM", ex);
		}
	}

	private static String wrap(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

	private static byte[] unwrap(String pem) {
		String base64 = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
		return Base64.getDecoder().decode(base64);
	}

}
