package io.github.assetbust.actuate;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/** The endpoint and the health indicator of a reactive application on Netty. */
@SpringBootTest(classes = AssetsActuatorHttpTests.TestApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", AssetsActuatorHttpTests.EXPOSED, AssetsActuatorHttpTests.DETAILS })
class AssetsActuatorWebFluxHttpTests extends AssetsActuatorHttpTests {

	private static final Path ROOT = createRoot("assetbust-reactive-actuator");

	AssetsActuatorWebFluxHttpTests() {
		super(ROOT, "css/missing-in-webflux-test.css", "css/main-000000000000000000000000005e7f1f.css");
	}

	@DynamicPropertySource
	static void assetRoot(DynamicPropertyRegistry registry) {
		assetRoot(registry, ROOT);
	}

	@AfterAll
	static void removeRoot() throws IOException {
		FileSystemUtils.deleteRecursively(ROOT);
	}

}
