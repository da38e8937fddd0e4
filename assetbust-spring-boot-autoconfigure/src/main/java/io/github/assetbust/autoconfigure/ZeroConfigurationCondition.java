package io.github.assetbust.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when the application brings no manifest of its own and no build of one: nothing at
 * {@code classpath:/META-INF/assetbust/manifest.json} (where the Maven goal writes it), no
 * {@code assetbust.manifest}, no {@code assetbust.build.root} and no
 * {@code assetbust.build.on-startup=true}.
 */
class ZeroConfigurationCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("assetbust zero configuration");
		// bound as AssetbustProperties binds them, so ASSETBUST_MANIFEST counts and a blank value does not
		Binder binder = Binder.get(context.getEnvironment());
		for (String property : new String[] { "assetbust.manifest", "assetbust.build.root" }) {
			if (StringUtils.hasText(binder.bind(property, String.class).orElse(null))) {
				return ConditionOutcome.noMatch(message.found("property").items(property));
			}
		}
		if (binder.bind("assetbust.build.on-startup", Boolean.class).orElse(false)) {
			return ConditionOutcome.noMatch(message.found("property").items("assetbust.build.on-startup=true"));
		}
		if (context.getResourceLoader().getResource(AssetbustProperties.DEFAULT_MANIFEST).exists()) {
			return ConditionOutcome.noMatch(message.found("manifest").items(AssetbustProperties.DEFAULT_MANIFEST));
		}
		return ConditionOutcome.match(message.didNotFind("manifest").items(AssetbustProperties.DEFAULT_MANIFEST));
	}

}
