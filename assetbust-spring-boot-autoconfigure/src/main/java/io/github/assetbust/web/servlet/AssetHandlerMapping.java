package io.github.assetbust.web.servlet;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.util.UriUtils;

/**
 * Routes the requests whose decoded, root-relative path passes a predicate (a file under the build
 * root, say) to one resource handler, and leaves every other request to the mappings after it.
 * Ordered before Spring Boot's own static resource mapping, so that assets get their own cache
 * headers while other URLs keep Boot's.
 */
public class AssetHandlerMapping extends SimpleUrlHandlerMapping {

	private final Predicate<String> servesPath;

	private final ResourceHttpRequestHandler handler;

	public AssetHandlerMapping(Predicate<String> servesPath, ResourceHttpRequestHandler handler, int order) {
		super(Map.of("/**", handler), order);
		this.servesPath = servesPath;
		this.handler = handler;
	}

	@Override
	protected void initApplicationContext(ApplicationContext context) throws BeansException {
		// the handlers are not beans of their own, so they get their callbacks here, as Spring's
		// ResourceHandlerRegistry does for the handlers it creates
		for (ResourceHttpRequestHandler each : handlers()) {
			each.setApplicationContext(context);
			if (getServletContext() != null) {
				each.setServletContext(getServletContext());
			}
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
	protected List<ResourceHttpRequestHandler> handlers() {
		return List.of(this.handler);
	}

	/**
	 * The handler for {@code path}, the decoded root-relative path of {@code request}, or
	 * {@code null} to leave the request to the mappings after this one.
	 */
	protected ResourceHttpRequestHandler handlerFor(HttpServletRequest request, String path) {
		return this.servesPath.test(path) ? this.handler : null;
	}

	@Override
	protected Object getHandlerInternal(HttpServletRequest request) throws Exception {
		String lookupPath = initLookupPath(request);
		String path = UriUtils.decode(lookupPath.startsWith("/") ? lookupPath.substring(1) : lookupPath,
				StandardCharsets.UTF_8);
		ResourceHttpRequestHandler chosen = handlerFor(request, path);
		if (chosen == null) {
			return null;
		}
		Object found = super.getHandlerInternal(request);
		if (chosen == this.handler || !(found instanceof HandlerExecutionChain chain)) {
			return found;
		}
		// the same path-exposing interceptors, in front of the other handler
		return new HandlerExecutionChain(chosen, chain.getInterceptorList().toArray(new HandlerInterceptor[0]));
	}

}
