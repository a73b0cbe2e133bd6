package dev.cairn.platform;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the few secrets Cairn must be able to read back (TOTP seeds), with AES-256-GCM
 * under a key kept outside the database ({@code CAIRN_ENCRYPTION_KEY}, or a key file in
 * the embedded database's data dir), so a copy of the database alone does not reveal
 * them. Sealed values are {@code version (1 byte) | nonce (12) | ciphertext+tag}.
 */
public final class SecretBox {

	private static final byte VERSION = 1;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	public SecretBox(byte[] key) {
		if (key.length != 32) {
			throw new IllegalArgumentException("the encryption key must be 32 bytes");
		}
		this.key = new SecretKeySpec(key, "AES");
	}

	/**
	 * An HMAC-SHA256 of {@code data} under a key derived for {@code purpose}, so values
	 * signed for one purpose (a page cursor) are never valid for another.
	 */
	public byte[] mac(String purpose, byte[] data) {
		try {
			Mac derive = Mac.getInstance("HmacSHA256");
			derive.init(new SecretKeySpec(this.key.getEncoded(), "HmacSHA256"));
			byte[] purposeKey = derive.doFinal(purpose.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(purposeKey, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public byte[] seal(byte[] plaintext) {
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] ciphertext = cipher.doFinal(plaintext);
			return ByteBuffer.allocate(1 + NONCE_BYTES + ciphertext.length)
				.put(VERSION)
				.put(nonce)
				.put(ciphertext)
				.array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed", ex);
		}
	}

	/**
	 * @throws IllegalStateException when the value was not sealed with this key or was
	 * altered
	 */
	public byte[] open(byte[] sealed) {
		if (sealed.length < 1 + NONCE_BYTES || sealed[0] != VERSION) {
			throw new IllegalStateException("Not a sealed value of a known version");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
			return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Decryption failed: wrong CAIRN_ENCRYPTION_KEY, or altered data", ex);
		}
	}

}
