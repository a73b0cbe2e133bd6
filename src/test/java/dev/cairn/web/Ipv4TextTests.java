package dev.cairn.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Ipv4TextTests {

	@Test
	void onlyFourDecimalNumbersWithoutLeadingZerosAreCanonical() {
		assertThat(List.of("127.0.0.1", "0.0.0.0", "255.255.255.255", "93.184.216.34", "10.0.0.10"))
			.allMatch(Ipv4Text::isCanonical);
		assertThat(List.of("0177.0.0.1", "127.000.000.001", "127.1", "2130706433", "0x7f.0.0.1", "256.1.1.1",
				"1.2.3.4.5", "1.2.3.", "01.2.3.4", " 1.2.3.4"))
			.noneMatch(Ipv4Text::isCanonical);
	}

	@Test
	void aHostWhoseLastLabelIsANumberMustBeACanonicalAddress() {
		assertThat(List.of("0177.0.0.1", "0x7f.1", "127.1", "2130706433", "127.000.000.001", "example.0x1",
				"hooks.example.123", "0X7F.0.0.1", "1.2.3.4.5", "0177.0.0.1."))
			.allMatch(Ipv4Text::isAmbiguousHost);
		assertThat(List.of("127.0.0.1", "93.184.216.34", "hooks.example.com", "example.com.", "::1", "fd00::1",
				"1password.com", "api.v2.example", "0x.example.com"))
			.noneMatch(Ipv4Text::isAmbiguousHost);
	}

}
