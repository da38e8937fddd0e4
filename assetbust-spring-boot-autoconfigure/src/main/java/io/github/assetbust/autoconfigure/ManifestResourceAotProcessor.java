package io.github.assetbust.autoconfigure;

import io.github.assetbust.resolve.AssetManifest;

import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.util.ResourceUtils;

/**
 * Includes in a native image a manifest configured elsewhere on the classpath
 * ({@code assetbust.manifest=classpath:/site/manifest.json}), as the build-time environment
 * names it; {@link AssetbustRuntimeHints} covers the default location.
 */
class ManifestResourceAotProcessor implements BeanFactoryInitializationAotProcessor {

	@Override
	public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
		if (beanFactory.getBeanNamesForType(AssetManifest.class, true, false).length == 0
				|| !beanFactory.containsBean("environment")) {
			return null;
		}
		String location = beanFactory.getBean("environment", Environment.class).getProperty("assetbust.manifest");
		if (location == null || !location.startsWith(ResourceUtils.CLASSPATH_URL_PREFIX)) {
			return null;
		}
		String resource = location.substring(ResourceUtils.CLASSPATH_URL_PREFIX.length()).replaceFirst("^/+", "");
		return (generationContext, code) -> generationContext.getRuntimeHints().resources().registerPattern(resource);
	}

}
