package io.github.assetbust.sample;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;

/**
 * A small site whose stylesheets, scripts and images are served under content-hashed names by the
 * assetbust starter. Run it with {@code ./mvnw -pl sample-app spring-boot:run} or
 * {@code java -jar sample-app/target/assetbust-sample-app.jar}.
 */
@SpringBootApplication
public class SampleApplication {

	private static final Log logger = LogFactory.getLog(SampleApplication.class);

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

	/** Says where to point a browser, with the port the server actually bound. */
	@EventListener
	void announce(ApplicationReadyEvent event) {
		ApplicationContext context = event.getApplicationContext();
		// the port the server bound, published by Spring Boot 3.5 and 4 alike (whose web server
		// types live in different packages)
		Integer port = context.getEnvironment().getProperty("local.server.port", Integer.class);
		if (port != null) {
			String contextPath = context.getEnvironment().getProperty("server.servlet.context-path", "");
			logger.info(startupMessage(port, contextPath));
		}
	}

	static String startupMessage(int port, String contextPath) {
		String path = (contextPath == null || contextPath.isEmpty() || "/".equals(contextPath)) ? "/"
				: (contextPath.endsWith("/") ? contextPath : contextPath + "/");
		return "assetbust sample running: open http://localhost:" + port + path;
	}

}
