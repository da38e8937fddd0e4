package io.github.assetbust.autoconfigure;

import java.nio.file.Path;

import io.github.assetbust.web.servlet.AssetUrlEncodingFilter;
import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** When the link-rewriting filter is registered, and that a user's own one wins. */
class RewriteLinksAutoConfigurationTests {

	/** Where the zero-configuration build of the test class path's static files goes. */
	@TempDir
	static Path output;

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(AssetbustAutoConfiguration.class, AssetbustWebMvcAutoConfiguration.class))
		.withPropertyValues("assetbust.build.output=" + output);

	@Test
	void isOffByDefault() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean("assetUrlEncodingFilter"));
	}

	@Test
	void registersTheFilterForRequestsAndErrorPages() {
		this.runner.withPropertyValues("assetbust.rewrite-links=true").run((context) -> {
			FilterRegistrationBean<?> registration = context.getBean("assetUrlEncodingFilter",
					FilterRegistrationBean.class);
			assertThat(registration.getFilter()).isInstanceOf(AssetUrlEncodingFilter.class);
			assertThat(registration).extracting("dispatcherTypes")
				.asString()
				.contains(DispatcherType.REQUEST.name(), DispatcherType.ERROR.name());
		});
	}

	@Test
	void leavesLinksAloneWhenTheManifestDoesNotListThem() throws Exception {
		this.runner.withPropertyValues("assetbust.rewrite-links=true").run((context) -> {
			AssetUrlEncodingFilter filter = (AssetUrlEncodingFilter) context
				.getBean("assetUrlEncodingFilter", FilterRegistrationBean.class)
				.getFilter();
			MockHttpServletResponse response = new MockHttpServletResponse();
			String[] encoded = new String[1];
			filter.doFilter(new MockHttpServletRequest("GET", "/"), response,
					new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
						@Override
						protected void service(jakarta.servlet.http.HttpServletRequest req,
								jakarta.servlet.http.HttpServletResponse res) {
							encoded[0] = res.encodeURL("/css/main.css");
						}
					}));
			assertThat(encoded[0]).isEqualTo("/css/main.css");
		});
	}

	@Test
	void aUserFilterOfTheSameNameWins() {
		this.runner.withPropertyValues("assetbust.rewrite-links=true")
			.withUserConfiguration(UserFilter.class)
			.run((context) -> assertThat(context.getBean("assetUrlEncodingFilter")).isEqualTo("user's"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserFilter {

		@Bean
		String assetUrlEncodingFilter() {
			return "user's";
		}

	}

}
