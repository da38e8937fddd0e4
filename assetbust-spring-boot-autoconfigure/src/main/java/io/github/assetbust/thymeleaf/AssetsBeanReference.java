package io.github.assetbust.thymeleaf;

/**
 * The one bean reference that stays allowed where Thymeleaf 3.1.4+ refuses bean references
 * ({@code th:href}, {@code th:src}, unescaped text and the other restricted positions):
 * {@code @assets}, which is rewritten to {@code #assets}, the dialect's expression object holding
 * the very same resolver. Restricted mode already allows {@code #assets}, so the rewrite grants
 * nothing new; the rest of the expression is left as written, for Thymeleaf to check as before.
 */
final class AssetsBeanReference {

	private static final String BEAN = "@" + AssetbustDialect.PREFIX;

	private AssetsBeanReference() {
	}

	/**
	 * {@code expression} (SpEL source) with every {@code @assets} bean reference outside string
	 * literals written as {@code #assets}; the same instance when there is none. {@code @assetsX},
	 * {@code x@assets} and {@code '@assets'} are left alone.
	 */
	static String toExpressionObject(String expression) {
		int candidate = expression.indexOf(BEAN);
		if (candidate < 0) {
			return expression;
		}
		char[] rewritten = null;
		char quote = 0;
		for (int i = 0; i < expression.length(); i++) {
			char c = expression.charAt(i);
			if (quote != 0) {
				// SpEL escapes a quote by doubling it, which this toggle handles as two literals
				if (c == quote) {
					quote = 0;
				}
			}
			else if (c == '\'' || c == '"') {
				quote = c;
			}
			else if (c == '@' && isBeanReferenceAt(expression, i)) {
				if (rewritten == null) {
					rewritten = expression.toCharArray();
				}
				rewritten[i] = '#';
			}
		}
		return (rewritten != null) ? new String(rewritten) : expression;
	}

	private static boolean isBeanReferenceAt(String expression, int at) {
		int end = at + BEAN.length();
		return expression.startsWith(BEAN, at) && (at == 0 || !isIdentifierPart(expression.charAt(at - 1)))
				&& (end == expression.length() || !isIdentifierPart(expression.charAt(end)));
	}

	private static boolean isIdentifierPart(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '$';
	}

}
