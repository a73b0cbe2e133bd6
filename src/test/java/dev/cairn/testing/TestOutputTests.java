package dev.cairn.testing;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test run's output is Maven's report: the application logs text lines, and only
 * warnings and errors (src/test/resources/config). Before, every context logged its
 * start-up and every request as JSON, tens of thousands of lines that buried the report.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@Isolated
class TestOutputTests {

	private static final Logger log = LoggerFactory.getLogger("dev.cairn.output");

	@Test
	void applicationLogsAreTextAtWarn(CapturedOutput output) {
		String marker = UUID.randomUUID().toString();

		log.info("info {}", marker);
		log.warn("warning {}", marker);

		assertThat(output.getOut()).doesNotContain("info " + marker);
		assertThat(output.getOut().lines().filter((line) -> line.contains("warning " + marker))).singleElement()
			.satisfies((line) -> assertThat(line).doesNotStartWith("{").contains("WARN"));
	}

}
