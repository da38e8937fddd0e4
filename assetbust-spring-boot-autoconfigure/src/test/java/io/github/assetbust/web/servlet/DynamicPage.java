package io.github.assetbust.web.servlet;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page the dynamic-mode tests render ({@code templates/dynamic.html}: the stylesheet named by
 * {@code ?css=} through {@code #assets}, {@code assets:href} and the {@code assets} bean), and an
 * HTTP client for it. Spring MVC and Spring WebFlux run the same controller.
 */
@Controller
public class DynamicPage {

	@GetMapping("/page")
	String page(@RequestParam("css") String css, Model model) {
		model.addAttribute("css", css);
		return "dynamic";
	}

	public static HttpResponse<String> get(int port, String path, String... headers) throws IOException, InterruptedException {
		return LocalHttp.get(port, path, headers);
	}

	/** Renders the page for {@code css} and returns the one URL all three ways of writing it gave. */
	public static String stylesheetUrl(int port, String css) throws IOException, InterruptedException {
		String html = render(port, css);
		String object = attribute(html, "object", "href");
		assertThat(attribute(html, "attribute", "href")).as("assets:href").isEqualTo(object);
		assertThat(attribute(html, "bean", "href")).as("@assets.url").isEqualTo(object);
		return object;
	}

	public static String render(int port, String css) throws IOException, InterruptedException {
		HttpResponse<String> page = get(port, "/page?css=" + UriUtils.encodeQueryParam(css, StandardCharsets.UTF_8));
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		return page.body();
	}

	public static String attribute(String html, String id, String name) {
		Matcher tag = Pattern.compile("<[a-z]+ id=\"" + id + "\"[^>]*>").matcher(html);
		assertThat(tag.find()).as("element #%s in %s", id, html).isTrue();
		Matcher attribute = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(tag.group());
		return attribute.find() ? attribute.group(1) : null;
	}

}
