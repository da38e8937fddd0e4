package io.github.assetbust.thymeleaf;

import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.thymeleaf.dialect.IDialect;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.dialect.SpringStandardDialect;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Puts {@link AssetsAwareStandardDialect} in place of the Spring standard dialect of every
 * {@link SpringTemplateEngine} bean that has the {@link AssetbustDialect} (Spring Boot's engine,
 * or one of the application's own that adds it) before the engine is first used, so that
 * {@code th:href="${@assets.url('main.css')}"} works on every Thymeleaf 3.1 release. Nothing else
 * about the engine changes.
 */
public class AssetsAwareTemplateEngines implements BeanPostProcessor {

	private static final Log logger = LogFactory.getLog(AssetsAwareTemplateEngines.class);

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof SpringTemplateEngine engine) {
			enableAssetsBean(engine, beanName);
		}
		return bean;
	}

	static void enableAssetsBean(SpringTemplateEngine engine, String name) {
		Set<IDialect> dialects = engine.getDialects();
		// '@assets' becomes '#assets', which only an engine with the assets dialect knows
		if (dialects.stream().noneMatch(AssetbustDialect.class::isInstance)
				|| dialects.stream().noneMatch((dialect) -> dialect.getClass() == SpringStandardDialect.class)) {
			return;
		}
		if (engine.isInitialized()) {
			logger.warn("Template engine '" + name + "' was used before assetbust could configure it: "
					+ "write ${#assets.url(...)} instead of ${@assets.url(...)} in th:href and th:src");
			return;
		}
		Map<String, Set<IDialect>> dialectsByPrefix = engine.getDialectsByPrefix();
		// the engine has no way to replace one dialect: add them all again, each with its prefix
		engine.setDialects(Set.of());
		dialectsByPrefix.forEach((prefix, withPrefix) -> withPrefix.forEach((dialect) -> {
			IDialect replacement = (dialect.getClass() == SpringStandardDialect.class)
					? new AssetsAwareStandardDialect((SpringStandardDialect) dialect) : dialect;
			if (prefix != null) {
				engine.addDialect(prefix, replacement);
			}
			else {
				engine.addDialect(replacement);
			}
		}));
	}

}
