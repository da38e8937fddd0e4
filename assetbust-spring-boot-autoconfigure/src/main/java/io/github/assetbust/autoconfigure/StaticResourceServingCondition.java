package io.github.assetbust.autoconfigure;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.ConfigurationCondition;

/**
 * Matches a web application whose framework serves Spring Boot's static locations, and so the
 * hashed copies of the zero-configuration build: Spring MVC in a servlet application, Spring
 * WebFlux in a reactive one.
 */
class StaticResourceServingCondition extends AnyNestedCondition {

	StaticResourceServingCondition() {
		super(ConfigurationCondition.ConfigurationPhase.PARSE_CONFIGURATION);
	}

	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
	static class WebMvc {

	}

	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(name = "org.springframework.web.reactive.DispatcherHandler")
	static class WebFlux {

	}

}
