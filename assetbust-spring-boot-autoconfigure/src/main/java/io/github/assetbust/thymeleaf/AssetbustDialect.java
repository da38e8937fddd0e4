package io.github.assetbust.thymeleaf;

import java.util.Set;

import io.github.assetbust.spring.AssetResolver;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.standard.StandardDialect;

/**
 * The {@code assets} dialect: the {@code #assets} expression object and the {@code assets:href}
 * and {@code assets:src} attributes, which write the hashed URL and, when integrity is enabled,
 * {@code integrity} and {@code crossorigin}.
 */
public class AssetbustDialect extends AbstractProcessorDialect implements IExpressionObjectDialect {

	public static final String NAME = "assetbust";

	public static final String PREFIX = "assets";

	private final AssetResolver resolver;

	private final boolean integrity;

	public AssetbustDialect(AssetResolver resolver, boolean integrity) {
		super(NAME, PREFIX, StandardDialect.PROCESSOR_PRECEDENCE);
		this.resolver = resolver;
		this.integrity = integrity;
	}

	@Override
	public Set<IProcessor> getProcessors(String dialectPrefix) {
		return Set.of(new AssetAttributeProcessor(dialectPrefix, "href", this.resolver, this.integrity),
				new AssetAttributeProcessor(dialectPrefix, "src", this.resolver, this.integrity));
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
