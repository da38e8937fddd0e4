package io.github.assetbust.thymeleaf;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * {@code <script assets:importmap></script>} becomes {@code <script type="importmap">} holding the
 * import map of the manifest's JavaScript modules; {@code assets:importmap="js/modules/**"} maps
 * only the modules the glob selects.
 */
class ImportMapProcessor extends AbstractAttributeTagProcessor {

	private static final int PRECEDENCE = 1000;

	/** What an import map without a manifest says: nothing to map. */
	private static final String EMPTY = "{\n  \"imports\" : { }\n}";

	private final ImportMap importMap;

	private final boolean integrity;

	ImportMapProcessor(String dialectPrefix, ImportMap importMap, boolean integrity) {
		super(TemplateMode.HTML, dialectPrefix, "script", false, "importmap", true, PRECEDENCE, true);
		this.importMap = importMap;
		this.integrity = integrity;
	}

	@Override
	protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
			String attributeValue, IElementTagStructureHandler structureHandler) {
		structureHandler.setAttribute("type", "importmap");
		String json = (this.importMap != null)
				? this.importMap.json((attributeValue != null) ? attributeValue : "", this.integrity) : EMPTY;
		structureHandler.setBody(json, false);
	}

}
