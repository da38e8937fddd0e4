package io.github.assetbust.sample.webflux;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The page of the sample site, rendered by Thymeleaf's reactive view resolver from {@code templates/}. */
@Controller
class PageController {

	@GetMapping("/")
	String home() {
		return "home";
	}

}
