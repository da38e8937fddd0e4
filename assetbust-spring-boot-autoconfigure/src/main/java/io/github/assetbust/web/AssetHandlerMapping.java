package io.github.assetbust.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.util.UriUtils;

/**
 * Routes the requests whose decoded, root-relative path passes a predicate (a hashed copy the
 * manifest lists, say) to one resource handler, and leaves every other request to the mappings
 * after it. Ordered before Spring Boot's own static resource mapping, so that hashed copies get
 * their own cache headers while original URLs keep Boot's.
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
		// the handler is not a bean of its own, so it gets its callbacks here, as Spring's
		// ResourceHandlerRegistry does for the handlers it creates
		this.handler.setApplicationContext(context);
		if (getServletContext() != null) {
			this.handler.setServletContext(getServletContext());
		}
		try {
			this.handler.afterPropertiesSet();
		}
		catch (Exception ex) {
			throw new BeanInitializationException("Cannot initialise the asset resource handler", ex);
		}
		super.initApplicationContext(context);
	}

	@Override
	protected Object getHandlerInternal(HttpServletRequest request) throws Exception {
		String lookupPath = initLookupPath(request);
		String path = UriUtils.decode(lookupPath.startsWith("/") ? lookupPath.substring(1) : lookupPath,
				StandardCharsets.UTF_8);
		return this.servesPath.test(path) ? super.getHandlerInternal(request) : null;
	}

}
