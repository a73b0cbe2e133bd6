package dev.cairn.web;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import dev.cairn.platform.StartupFailure;
import dev.cairn.testing.Node;
import dev.cairn.testing.SideLane;
import dev.cairn.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TLS both ways Cairn is deployed: serving HTTPS itself from a PEM certificate and key,
 * and behind a TLS-terminating proxy, whose forwarded headers count only when it is
 * trusted.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(SideLane.NAME)
class TlsTests {

	@Test
	void aConfiguredCertificateAndKeyServeHttpsWithHsts(@TempDir Path dir) throws Exception {
		KeyPair keys = keyPair();
		X509Certificate certificate = selfSigned(keys);
		Path certificateFile = dir.resolve("cairn.crt");
		Path keyFile = dir.resolve("cairn.key");
		writePem(certificateFile, certificate);
		// PKCS#8: "PRIVATE KEY".
		writePem(keyFile, new JcaPKCS8Generator(keys.getPrivate(), null));

		try (Node node = Node.start(TestDatabase.migrated(), null, "CAIRN_TLS_CERTIFICATE=" + certificateFile,
				"CAIRN_TLS_PRIVATE_KEY=" + keyFile)) {
			URI health = URI.create("https://127.0.0.1:" + node.port() + "/actuator/health");
			HttpResponse<String> response = trusting(certificate).send(HttpRequest.newBuilder(health).build(),
					HttpResponse.BodyHandlers.ofString());

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("\"status\":\"UP\"");
			// Secure, so browsers are told to stay on HTTPS.
			assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();
			// A client that does not trust the certificate gets no answer.
			assertThatThrownBy(() -> HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString()))
				.isInstanceOf(SSLHandshakeException.class);
		}
	}

	@Test
	void forwardedHeadersCountOnlyFromATrustedProxy() throws Exception {
		TestDatabase.Database database = TestDatabase.migrated();
		// The test client is 127.0.0.1: trusted only once the operator names it (or its
		// range) as a proxy.
		try (Node trusting = Node.start(database, null, "CAIRN_TRUSTED_PROXIES=127.0.0.0/8")) {
			assertThat(hstsBehindProxy(trusting)).isTrue();
		}
		// By default, and when only some other address is a proxy, 127.0.0.1's claims
		// are ignored although it is a loopback address.
		try (Node strict = Node.start(database, null)) {
			assertThat(hstsBehindProxy(strict)).isFalse();
		}
		try (Node strict = Node.start(database, null, "CAIRN_TRUSTED_PROXIES=10.9.9.9,fd00::/64")) {
			assertThat(hstsBehindProxy(strict)).isFalse();
		}
		// Spring's own strategy believes every client: refused rather than taken.
		assertThatThrownBy(() -> Node.start(database, null, "CAIRN_FORWARD_HEADERS=framework"))
			.hasRootCauseInstanceOf(StartupFailure.class)
			.rootCause()
			.hasMessageContaining("CAIRN_FORWARD_HEADERS is 'framework'");
		assertThatThrownBy(() -> Node.start(database, null, "CAIRN_TRUSTED_PROXIES=proxy.internal")).rootCause()
			.hasMessageContaining("'proxy.internal' is not an IP address or a CIDR range");
	}

	/**
	 * Whether a request claiming to have come over HTTPS through a proxy is taken as
	 * such.
	 */
	private static boolean hstsBehindProxy(Node node) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/actuator/health"))
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-For", "203.0.113.9")
			.build();
		return HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.discarding())
			.headers()
			.firstValue("Strict-Transport-Security")
			.isPresent();
	}

	@Test
	void aCertificateWithoutItsKeyStopsStartUpSayingWhatToSet() {
		assertThatThrownBy(() -> Node.start(TestDatabase.migrated(), null, "CAIRN_TLS_CERTIFICATE=/etc/cairn/tls.crt"))
			.isInstanceOf(StartupFailure.class)
			.hasMessageContaining("CAIRN_TLS_CERTIFICATE and CAIRN_TLS_PRIVATE_KEY");
	}

	@Test
	void aPathIsReadAsAFileAndPemTextIsTakenAsItIs() {
		assertThat(TlsEnvironment.location("/etc/cairn/tls.crt")).isEqualTo("file:/etc/cairn/tls.crt");
		assertThat(TlsEnvironment.location("file:/etc/cairn/tls.crt")).isEqualTo("file:/etc/cairn/tls.crt");
		assertThat(TlsEnvironment.location("-----BEGIN CERTIFICATE-----\nMIIB")).startsWith("-----BEGIN");
	}

	private static KeyPair keyPair() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		return generator.generateKeyPair();
	}

	private static X509Certificate selfSigned(KeyPair keys) throws Exception {
		X500Name name = new X500Name("CN=127.0.0.1");
		Instant now = Instant.now();
		JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
				BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofMinutes(1))),
				Date.from(now.plus(Duration.ofDays(1))), name, keys.getPublic());
		builder.addExtension(Extension.subjectAlternativeName, false,
				new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
	}

	private static void writePem(Path file, Object object) throws Exception {
		try (JcaPEMWriter writer = new JcaPEMWriter(Files.newBufferedWriter(file))) {
			writer.writeObject(object);
		}
	}

	private static HttpClient trusting(X509Certificate certificate) throws Exception {
		KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
		trusted.load(null, null);
		trusted.setCertificateEntry("cairn", certificate);
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(trusted);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return HttpClient.newBuilder().sslContext(context).build();
	}

}
