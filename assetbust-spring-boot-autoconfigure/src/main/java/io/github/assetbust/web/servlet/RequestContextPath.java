package io.github.assetbust.web.servlet;

import java.util.function.Supplier;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The servlet context path of the request being handled, or a fixed one (normally
 * {@code server.servlet.context-path}) outside a request, such as in a mail template.
 */
public class RequestContextPath implements Supplier<String> {

	private final String outsideRequest;

	public RequestContextPath(String outsideRequest) {
		this.outsideRequest = (outsideRequest != null) ? outsideRequest : "";
	}

	@Override
	public String get() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes instanceof ServletRequestAttributes servlet) ? servlet.getRequest().getContextPath()
				: this.outsideRequest;
	}

}
