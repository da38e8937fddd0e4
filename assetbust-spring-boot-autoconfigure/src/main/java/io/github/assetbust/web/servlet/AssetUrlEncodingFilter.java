package io.github.assetbust.web.servlet;

import java.io.IOException;

import io.github.assetbust.web.AssetLinkRewriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes links that templates build through {@link HttpServletResponse#encodeURL} (Thymeleaf's
 * {@code @{/css/main.css}}, JSP's {@code <c:url>}) come out hashed, the way Spring's
 * {@code ResourceUrlEncodingFilter} does for its resource chain, so existing templates need no
 * change. A link that is not an asset is left as it is.
 */
public class AssetUrlEncodingFilter extends OncePerRequestFilter {

	private final AssetLinkRewriter rewriter;

	public AssetUrlEncodingFilter(AssetLinkRewriter rewriter) {
		this.rewriter = rewriter;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, new LinkRewritingResponse(response, request.getContextPath(), this.rewriter));
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		// error pages link stylesheets too
		return false;
	}

	private static final class LinkRewritingResponse extends HttpServletResponseWrapper {

		private final String contextPath;

		private final AssetLinkRewriter rewriter;

		LinkRewritingResponse(HttpServletResponse response, String contextPath, AssetLinkRewriter rewriter) {
			super(response);
			this.contextPath = contextPath;
			this.rewriter = rewriter;
		}

		@Override
		public String encodeURL(String url) {
			return super.encodeURL(this.rewriter.rewrite(url, this.contextPath));
		}

	}

}
