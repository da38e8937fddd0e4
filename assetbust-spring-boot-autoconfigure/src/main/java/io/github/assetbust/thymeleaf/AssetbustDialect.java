package io.github.assetbust.thymeleaf;

import java.util.HashSet;
import java.util.Set;

import io.github.assetbust.resolve.AssetResolver;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.standard.StandardDialect;

/**
 * The {@code assets} dialect: the {@code #assets} expression object, the {@code assets:href}
 * and {@code assets:src} attributes, which write the hashed URL and, when integrity is enabled,
 * {@code integrity} and {@code crossorigin}, and {@code <script assets:importmap>}, the import map
 * of the JavaScript modules.
 */
public class AssetbustDialect extends AbstractProcessorDialect implements IExpressionObjectDialect {

	public static final String NAME = "assetbust";

	public static final String PREFIX = "assets";

	private final AssetResolver resolver;

	private final boolean integrity;

	private final ImportMap importMap;

	public AssetbustDialect(AssetResolver resolver, boolean integrity) {
		this(resolver, integrity, null);
	}

	/**
	 * @param importMap the import map {@code assets:importmap} writes, or {@code null} when there is
	 * no manifest to make one from (in dynamic mode modules import the live files by their own URLs,
	 * so the map is empty)
	 */
	public AssetbustDialect(AssetResolver resolver, boolean integrity, ImportMap importMap) {
		super(NAME, PREFIX, StandardDialect.PROCESSOR_PRECEDENCE);
		this.resolver = resolver;
		this.integrity = integrity;
		this.importMap = importMap;
	}

	@Override
	public Set<IProcessor> getProcessors(String dialectPrefix) {
		Set<IProcessor> processors = new HashSet<>();
		processors.add(new AssetAttributeProcessor(dialectPrefix, "href", this.resolver, this.integrity));
		processors.add(new AssetAttributeProcessor(dialectPrefix, "src", this.resolver, this.integrity));
		processors.add(new ImportMapProcessor(dialectPrefix, this.importMap, this.integrity));
		return processors;
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of(PREFIX);
			}

			@Override
			public Object buildObject(IExpressionContext context, String expressionObjectName) {
				return PREFIX.equals(expressionObjectName) ? AssetbustDialect.this.resolver : null;
			}

			@Override
			public boolean isCacheable(String expressionObjectName) {
				return true;
			}

		};
	}

}
