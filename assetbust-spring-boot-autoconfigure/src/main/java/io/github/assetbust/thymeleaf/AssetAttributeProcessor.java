package io.github.assetbust.thymeleaf;

import io.github.assetbust.resolve.AssetResolver;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.util.EscapedAttributeUtils;

/**
 * {@code assets:href="css/main.css"} (or {@code assets:src}) becomes {@code href="<hashed URL>"}.
 * The value is a literal path, or a Thymeleaf expression such as {@code ${page.stylesheet}}.
 */
class AssetAttributeProcessor extends AbstractAttributeTagProcessor {

	private static final int PRECEDENCE = 1000;

	private final String targetAttribute;

	private final AssetResolver resolver;

	private final boolean integrity;

	AssetAttributeProcessor(String dialectPrefix, String targetAttribute, AssetResolver resolver, boolean integrity) {
		super(TemplateMode.HTML, dialectPrefix, null, false, targetAttribute, true, PRECEDENCE, true);
		this.targetAttribute = targetAttribute;
		this.resolver = resolver;
		this.integrity = integrity;
	}

	@Override
	protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
			String attributeValue, IElementTagStructureHandler structureHandler) {
		String path = evaluate(context, attributeValue.trim());
		// escaped as Thymeleaf's own th:href does: the path may come from an expression over user input
		structureHandler.setAttribute(this.targetAttribute,
				EscapedAttributeUtils.escapeAttribute(getTemplateMode(), this.resolver.url(path)));
		if (this.integrity) {
			String integrity = this.resolver.integrity(path);
			if (integrity != null) {
				structureHandler.setAttribute("integrity", integrity);
				if (!tag.hasAttribute("crossorigin")) {
					structureHandler.setAttribute("crossorigin", "anonymous");
				}
			}
		}
	}

	private static String evaluate(ITemplateContext context, String value) {
		if (value.isEmpty() || "$*#@|'".indexOf(value.charAt(0)) < 0) {
			return value;
		}
		Object result = StandardExpressions.getExpressionParser(context.getConfiguration())
			.parseExpression(context, value)
			.execute(context);
		return String.valueOf(result);
	}

}
