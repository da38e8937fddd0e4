package io.github.assetbust.actuate;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/** The endpoint and the health indicator of a Spring MVC application on Tomcat. */
@SpringBootTest(classes = AssetsActuatorHttpTests.TestApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { AssetsActuatorHttpTests.EXPOSED, AssetsActuatorHttpTests.DETAILS })
class AssetsActuatorWebMvcHttpTests extends AssetsActuatorHttpTests {

	private static final Path ROOT = createRoot("assetbust-actuator");

	AssetsActuatorWebMvcHttpTests() {
		super(ROOT, "css/missing-in-http-test.css", "css/main-000000000000000000000000005e7f1e.css");
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
