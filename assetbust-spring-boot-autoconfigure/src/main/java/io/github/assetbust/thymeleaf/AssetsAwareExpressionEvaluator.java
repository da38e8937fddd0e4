package io.github.assetbust.thymeleaf;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.standard.expression.IStandardVariableExpression;
import org.thymeleaf.standard.expression.IStandardVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.StandardExpressionExecutionContext;

/**
 * Thymeleaf's own SpEL evaluator, except that in restricted positions an {@code @assets} bean
 * reference is first written as the {@code #assets} expression object (see
 * {@link AssetsBeanReference}). The rewritten expression goes through the same evaluator in the
 * same restricted context, so every other restriction (other beans, {@code T(...)}, {@code new},
 * request parameters, {@code #request}...) applies exactly as before.
 */
final class AssetsAwareExpressionEvaluator implements IStandardVariableExpressionEvaluator {

	private final IStandardVariableExpressionEvaluator delegate;

	AssetsAwareExpressionEvaluator(IStandardVariableExpressionEvaluator delegate) {
		this.delegate = delegate;
	}

	@Override
	public Object evaluate(IExpressionContext context, IStandardVariableExpression expression,
			StandardExpressionExecutionContext expContext) {
		// every restricted context Thymeleaf makes restricts variables and bean access together; this
		// flag has one name on 3.1.3 and 3.1.5, the other was renamed in between
		if (expContext.getRestrictVariableAccess()) {
			String source = expression.getExpression();
			String rewritten = (source != null) ? AssetsBeanReference.toExpressionObject(source) : null;
			if (rewritten != source) {
				return this.delegate.evaluate(context, new Rewritten(rewritten, expression.getUseSelectionAsRoot()),
						expContext);
			}
		}
		return this.delegate.evaluate(context, expression, expContext);
	}

	@Override
	public String toString() {
		return this.delegate + " (with @assets in restricted positions)";
	}

	private record Rewritten(String expression, boolean useSelectionAsRoot) implements IStandardVariableExpression {

		@Override
		public String getExpression() {
			return this.expression;
		}

		@Override
		public boolean getUseSelectionAsRoot() {
			return this.useSelectionAsRoot;
		}

	}

}
