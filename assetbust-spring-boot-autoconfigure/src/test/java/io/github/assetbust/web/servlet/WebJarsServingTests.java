package io.github.assetbust.web.servlet;

import io.github.assetbust.web.WebJarsServing;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** WebJars on Spring MVC and Tomcat, as {@link WebJarsServing} checks them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebJarsServingTests extends WebJarsServing {

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(WebJarsServing.Page.class)
	static class TestApplication {

	}

}
