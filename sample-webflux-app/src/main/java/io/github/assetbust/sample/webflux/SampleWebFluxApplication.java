package io.github.assetbust.sample.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small reactive site on Spring WebFlux and Netty whose stylesheet, script and images are
 * hashed while it starts (no Maven goal, no property) and whose Bootstrap and Font Awesome come
 * from WebJars under their versioned URLs. Run it with
 * {@code java -jar sample-webflux-app/target/assetbust-sample-webflux-app.jar}.
 */
@SpringBootApplication
public class SampleWebFluxApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleWebFluxApplication.class, args);
	}

}
