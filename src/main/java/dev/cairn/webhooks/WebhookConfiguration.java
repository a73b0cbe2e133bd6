package dev.cairn.webhooks;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookSettings.class)
class WebhookConfiguration {

	@Bean
	AddressPolicy webhookAddressPolicy(WebhookSettings settings) {
		return new AddressPolicy(settings.allowedHosts());
	}

}
