package dev.cairn.web;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits every request shares.
 *
 * @param maxBodySize {@code CAIRN_WEB_MAX_BODY_SIZE}: the largest request body accepted;
 * a larger one is 413, whether it declares its length or is sent in chunks
 */
@Validated
@ConfigurationProperties("cairn.web")
record WebSettings(@NotNull @DefaultValue("1MB") DataSize maxBodySize) {

	WebSettings {
		if (maxBodySize != null && maxBodySize.toBytes() <= 0) {
			throw new IllegalArgumentException("cairn.web.max-body-size must be positive");
		}
	}

}
