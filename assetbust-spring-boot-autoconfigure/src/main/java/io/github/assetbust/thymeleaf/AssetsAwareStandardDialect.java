package io.github.assetbust.thymeleaf;

import org.thymeleaf.spring6.dialect.SpringStandardDialect;
import org.thymeleaf.standard.expression.IStandardVariableExpressionEvaluator;

/**
 * Thymeleaf's Spring standard dialect ({@code th:*}) whose expressions may name the
 * {@code assets} bean in restricted positions too. SpringStandardDialect does not let its
 * evaluator be set, and two dialects may not both supply one, so this subclass takes its place.
 */
public class AssetsAwareStandardDialect extends SpringStandardDialect {

	private final IStandardVariableExpressionEvaluator evaluator = new AssetsAwareExpressionEvaluator(
			super.getVariableExpressionEvaluator());

	/** A dialect configured as {@code original} is. */
	public AssetsAwareStandardDialect(SpringStandardDialect original) {
		setEnableSpringELCompiler(original.getEnableSpringELCompiler());
		setRenderHiddenMarkersBeforeCheckboxes(original.getRenderHiddenMarkersBeforeCheckboxes());
	}

	@Override
	public IStandardVariableExpressionEvaluator getVariableExpressionEvaluator() {
		return this.evaluator;
	}

}
