package io.github.assetbust.sample;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The two pages of the sample site, rendered by Thymeleaf from {@code templates/}.
 */
@Controller
class PageController {

	@GetMapping("/")
	String home() {
		return "home";
	}

	@GetMapping("/about")
	String about() {
		return "about";
	}

}
