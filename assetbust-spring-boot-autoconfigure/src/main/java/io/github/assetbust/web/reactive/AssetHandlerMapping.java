package io.github.assetbust.web.reactive;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import reactor.core.publisher.Mono;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.context.ApplicationContext;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.resource.ResourceWebHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;

/**
 * Routes the requests whose decoded, root-relative path passes a predicate (a file under the build
 * root, say) to one resource handler, and leaves every other request to the mappings after it.
 * Ordered before Spring Boot's own static resource mapping, so that assets get their own cache
 * headers while other URLs keep Boot's.
 */
public class AssetHandlerMapping extends SimpleUrlHandlerMapping {

	private final Predicate<String> servesPath;

	private final ResourceWebHandler handler;

	public AssetHandlerMapping(Predicate<String> servesPath, ResourceWebHandler handler, int order) {
		super(Map.of("/**", handler), order);
		this.servesPath = servesPath;
		this.handler = handler;
	}

	@Override
	protected void initApplicationContext(ApplicationContext context) throws BeansException {
		// the handlers are not beans of their own, so they get their callback here, as Spring's
		// ResourceHandlerRegistry does for the handlers it creates
		for (ResourceWebHandler each : handlers()) {
			try {
				each.afterPropertiesSet();
			}
			catch (Exception ex) {
				throw new BeanInitializationException("Cannot initialise the asset resource handler", ex);
			}
		}
		super.initApplicationContext(context);
	}

	/** Every handler this mapping may pick. */
	protected List<ResourceWebHandler> handlers() {
		return List.of(this.handler);
	}

	/**
	 * The handler for {@code path}, the decoded root-relative path of {@code exchange}, or
	 * {@code null} to leave the request to the mappings after this one.
	 */
	protected ResourceWebHandler handlerFor(ServerWebExchange exchange, String path) {
		return this.servesPath.test(path) ? this.handler : null;
	}

	@Override
	public Mono<Object> getHandlerInternal(ServerWebExchange exchange) {
		String lookupPath = exchange.getRequest().getPath().pathWithinApplication().value();
		String path = UriUtils.decode(lookupPath.startsWith("/") ? lookupPath.substring(1) : lookupPath,
				StandardCharsets.UTF_8);
		ResourceWebHandler chosen = handlerFor(exchange, path);
		if (chosen == null) {
			return Mono.empty();
		}
		// the lookup puts the path within the mapping on the exchange, for whichever handler answers
		return super.getHandlerInternal(exchange).map((found) -> chosen);
	}

}
