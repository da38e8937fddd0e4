package io.github.assetbust.web.reactive;

import io.github.assetbust.web.WebJarsServing;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** WebJars on Spring WebFlux and Netty, as {@link WebJarsServing} checks them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=reactive")
class ReactiveWebJarsServingTests extends WebJarsServing {

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(WebJarsServing.Page.class)
	static class TestApplication {

	}

}
