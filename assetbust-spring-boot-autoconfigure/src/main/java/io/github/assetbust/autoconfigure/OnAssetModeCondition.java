package io.github.assetbust.autoconfigure;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The condition behind {@link ConditionalOnAssetMode}. */
class OnAssetModeCondition extends SpringBootCondition {

	static final String PROPERTY = "assetbust.mode";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnAssetMode.class.getName());
		AssetMode required = (AssetMode) attributes.get("value");
		// bound as AssetbustProperties binds it, so 'Dynamic' and 'DYNAMIC' match and 'dynmic' fails
		AssetMode mode = Binder.get(context.getEnvironment()).bind(PROPERTY, AssetMode.class).orElse(AssetMode.MANIFEST);
		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnAssetMode.class, required);
		return (mode == required) ? ConditionOutcome.match(message.because(PROPERTY + " is " + mode))
				: ConditionOutcome.noMatch(message.because(PROPERTY + " is " + mode));
	}

}
