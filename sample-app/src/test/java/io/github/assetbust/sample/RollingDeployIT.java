package io.github.assetbust.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.assetbust.core.build.AssetBuilder;
import io.github.assetbust.core.build.BuildOptions;
import io.github.assetbust.core.build.BuildResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rolling deploys as a load-balanced site sees them: two {@code java -jar} processes of the
 * packaged sample, configured only as a user would configure them, behind a round-robin client
 * that loads pages from one instance and their assets from either. Not one asset request may
 * fail, and a hashed URL is either the exact file its name promises, cached for a year, or (when
 * one instance never had that generation) the current copy, never cached.
 * <ul>
 * <li>A shared file root: both instances serve {@code assetbust.build.root}, and a deploy script
 * builds version 2 into it while they run.</li>
 * <li>Two jars: one instance runs the packaged jar, the other a jar of version 2 built as the
 * Maven goal builds one; they share nothing.</li>
 * </ul>
 * Run by failsafe after {@code package}. Each scenario prints its figures on stdout.
 */
class RollingDeployIT {

	private static final String IMMUTABLE = "max-age=31536000, public, immutable";

	private static final String NO_STORE = "no-store";

	/** {@code url(...)} references inside a stylesheet. */
	private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)");

	/** The warning an instance logs the first time it answers a hashed path with the current copy. */
	private static final Pattern STALE_WARNING = Pattern.compile("Hashed copy '([^']+)' is in no generation this "
			+ "server keeps; answering with the current (\\S+), not to be cached");

	/** How many requests the client makes before the deploy, and again once both instances reloaded. */
	private static final int PHASE_REQUESTS = 750;

	/** How many requests the client makes against the instances of two jars. */
	private static final int TWO_JARS_REQUESTS = 1500;

	/**
	 * How long a phase may take at most. Far above what it takes (a second or two), so that a busy
	 * machine makes the test slower, not red; the counts asserted come from the requests made.
	 */
	private static final Duration PHASE_TIME_LIMIT = Duration.ofSeconds(30);

	/** How long an instance may take to pick up version 2's manifest; it checks once a second. */
	private static final Duration RELOAD_TIME_LIMIT = Duration.ofSeconds(20);

	private static final Path STATIC_SOURCES = Path.of("src/main/resources/static");

	@TempDir
	Path temp;

	private final List<SampleJarProcess> processes = new ArrayList<>();

	private RoundRobinClient client;

	private Thread clientThread;

	@AfterEach
	void stopEverything() throws InterruptedException {
		if (this.client != null) {
			this.client.stop();
			this.clientThread.join(10_000);
		}
		for (SampleJarProcess process : this.processes) {
			process.close();
		}
	}

	@Test
	@Timeout(180)
	void versionTwoBuiltIntoTheSharedRootOfTwoRunningJarsFailsNoRequestAndEveryHashedAnswerIsImmutable()
			throws Exception {
		long scenarioStart = System.nanoTime();
		Path root = this.temp.resolve("www");
		VersionTwo.copy(STATIC_SOURCES, root);

		// the "single server, assets on disk" recipe, on two servers: each builds the root before it
		// reports ready (the two builds meet on one root, which the build lock serialises), then
		// serves it and reloads its manifest when it changes
		SampleJarProcess a = start("instance-a", SampleJarProcess.PACKAGED_JAR, "--assetbust.build.root=file:" + root,
				"--assetbust.build.on-startup=true");
		SampleJarProcess b = start("instance-b", SampleJarProcess.PACKAGED_JAR, "--assetbust.build.root=file:" + root,
				"--assetbust.build.on-startup=true");
		SampleJarProcess[] both = { a.awaitReady(), b.awaitReady() };
		Map<String, String> v1 = VersionTwo.manifest(root.resolve(BuildOptions.DEFAULT_MANIFEST_NAME));
		int[] startupWritten = new int[2];
		for (int i = 0; i < 2; i++) {
			SampleJarProcess instance = both[i];
			Matcher built = Pattern
				.compile("Hashed assets in .*: " + v1.size() + " assets hashed \\((\\d+) cop(?:y|ies) written")
				.matcher(instance.log());
			assertThat(built.find()).as("%s's startup build:%n%s", instance, instance.log()).isTrue();
			assertThat(instance.log()).doesNotContain("Asset build failed");
			startupWritten[i] = Integer.parseInt(built.group(1));
			assertThat(mainCssLink(instance)).as("main.css on %s before the deploy", instance)
				.isEqualTo("/" + v1.get("css/main.css"));
		}

		startClient(a, b, "/" + v1.get("css/main.css"));
		awaitRequests(PHASE_REQUESTS);

		// the deploy script: version 2 of the sources, then a build of the root, while the client runs
		long deployStart = System.nanoTime();
		VersionTwo.changeMainCss(root);
		VersionTwo.changeStripesImage(root);
		Files.writeString(root.resolve("js/banner.js"),
				"/* assetbust sample v2: a new script */\nconsole.log(\"version 2\");\n", StandardCharsets.UTF_8);
		BuildResult v2Build = new AssetBuilder(BuildOptions.forRoot(root)).build();
		Map<String, String> v2 = VersionTwo.manifest(root.resolve(BuildOptions.DEFAULT_MANIFEST_NAME));
		assertThat(v2.get("css/main.css")).isNotEqualTo(v1.get("css/main.css"));
		assertThat(v2.get("img/stripes.png")).isNotEqualTo(v1.get("img/stripes.png"));
		assertThat(v2).containsKey("js/banner.js");
		assertThat(v2Build.removed()).as("hashed copies removed by the version 2 build").isEmpty();

		// at once, before the instances' watchers (once a second) are likely to have seen the new
		// manifest: the new hashed copies, as a browser asks for them with a page from whichever
		// instance reloads first, or a deploy script warming a CDN
		List<String> rightAfterBuild = new ArrayList<>();
		Set<String> newUrls = difference(urls(v2), urls(v1));
		for (String url : newUrls) {
			for (SampleJarProcess instance : both) {
				String problem = exactImmutableCopyProblem(Answer.of(-1, -1, url, instance.get(url), 0, 0));
				if (problem != null) {
					rightAfterBuild.add("GET " + instance + url + ": " + problem);
				}
			}
		}

		// both instances pick up the new manifest by themselves
		long[] reloadedAfter = new long[2];
		for (int i = 0; i < 2; i++) {
			awaitMainCss(both[i], "/" + v2.get("css/main.css"));
			reloadedAfter[i] = Duration.ofNanos(System.nanoTime() - deployStart).toMillis();
		}
		awaitRequests(this.client.requests + PHASE_REQUESTS);
		RoundRobinClient run = stopClient();

		List<String> failures = new ArrayList<>(run.pageFailures);
		List<String> notImmutable = new ArrayList<>();
		for (Answer answer : run.answers) {
			String problem = exactCopyProblem(answer);
			if (problem != null) {
				failures.add(answer.describe(both) + ": " + problem);
			}
			else if (!IMMUTABLE.equals(answer.cacheControl())) {
				notImmutable.add(answer.describe(both) + ": Cache-Control '" + answer.cacheControl() + "'");
			}
		}

		// every URL ever seen, and the new script no page links yet, from both instances
		Set<String> everySeen = run.answers.stream().map(Answer::url).collect(Collectors.toCollection(TreeSet::new));
		Set<String> finalCheck = new TreeSet<>(everySeen);
		finalCheck.add("/" + v2.get("js/banner.js"));
		List<String> finalProblems = new ArrayList<>();
		for (String url : finalCheck) {
			for (SampleJarProcess instance : both) {
				String problem = exactImmutableCopyProblem(Answer.of(-1, -1, url, instance.get(url), 0, 0));
				if (problem != null) {
					finalProblems.add("GET " + instance + url + ": " + problem);
				}
			}
		}
		List<String> fallbacks = new ArrayList<>();
		for (SampleJarProcess instance : both) {
			Matcher warning = STALE_WARNING.matcher(instance.log());
			while (warning.find()) {
				fallbacks.add(instance + ": " + warning.group());
			}
		}

		Set<String> v1Only = difference(urls(v1), urls(v2));
		Set<String> v2Only = difference(urls(v2), urls(v1));
		CrossVersion cross = run.crossVersion(v1Only, v2Only);
		System.out.printf("""
				Rolling deploy, shared file root, two java -jar instances: %d client requests (%d pages, %d assets: \
				%d from the other instance), %d failed, %d hashed answers without the immutable header, \
				%d stale-hashed fallbacks logged; version 2's new URLs asked of both instances right after the \
				build: %d requests, %d problems; %d distinct asset URLs seen (%d of version 1 only, \
				%d of version 2 only); pages rendered: %d version 1, %d version 2; old-page assets served by \
				reloaded instances: %d; version 2 assets asked of an instance before it rendered a version 2 \
				page: %d; startup %d ms and %d ms, their builds of the root writing %d and %d hashed copies; \
				deploy build %d ms; instances on version 2 %d ms and %d ms after the deploy started; \
				final check: %d requests, %d problems; scenario %d ms%n""",
				run.requests, run.pages.size(), run.answers.size(), run.crossInstanceRequests(), failures.size(),
				notImmutable.size(), fallbacks.size(), newUrls.size() * 2, rightAfterBuild.size(), everySeen.size(),
				intersection(everySeen, v1Only).size(), intersection(everySeen, v2Only).size(), run.pagesOfVersion(1), run.pagesOfVersion(2),
				cross.oldPageOnNewServer(), cross.newPageOnOldServer(), a.readyAfterMillis(), b.readyAfterMillis(),
				startupWritten[0], startupWritten[1], v2Build.duration().toMillis(), reloadedAfter[0],
				reloadedAfter[1], finalCheck.size() * 2, finalProblems.size(), millisSince(scenarioStart));

		assertThat(failures).as("failed requests during the rolling deploy").isEmpty();
		assertThat(notImmutable).as("hashed answers without the immutable header").isEmpty();
		assertThat(rightAfterBuild).as("version 2's new hashed copies asked of both instances right after the build")
			.isEmpty();
		assertThat(fallbacks).as("hashed URLs answered with another copy: every generation is on the shared disk")
			.isEmpty();
		assertThat(run.requests).as("requests the client made").isGreaterThanOrEqualTo(2 * PHASE_REQUESTS);
		assertThat(run.pagesOfVersion(1)).as("pages rendered with version 1").isPositive();
		assertThat(run.pagesOfVersion(2)).as("pages rendered with version 2").isPositive();
		assertThat(everySeen).as("asset URLs seen").containsAll(urls(v1)).containsAll(difference(urls(v2),
				Set.of("/" + v2.get("js/banner.js"))));
		assertThat(cross.oldPageOnNewServer()).as("version 1 assets served by instances already on version 2")
			.isPositive();
		assertThat(finalProblems).as("every asset URL seen, and the new script, from both instances after the deploy")
			.isEmpty();
		for (String url : urls(v1)) {
			assertThat(root.resolve(url.substring(1))).as("version 1 copy kept in the root").isRegularFile();
		}
	}

	@Test
	@Timeout(180)
	void instancesOfTwoJarVersionsAnswerEachOthersHashedUrlsWithTheirCurrentCopyNeverCached() throws Exception {
		long scenarioStart = System.nanoTime();
		Path v2Jar = VersionTwo.jar(SampleJarProcess.PACKAGED_JAR, this.temp.resolve("v2-build"));
		long jarBuildMillis = millisSince(scenarioStart);
		Map<String, String> v1 = VersionTwo.packagedManifest(SampleJarProcess.PACKAGED_JAR);
		Map<String, String> v2 = VersionTwo.packagedManifest(v2Jar);
		assertThat(v2.keySet()).isEqualTo(v1.keySet());
		assertThat(difference(Set.copyOf(v2.values()), Set.copyOf(v1.values())))
			.as("hashed copies that version 2 changed")
			.containsExactlyInAnyOrder(v2.get("css/main.css"), v2.get("img/stripes.png"));

		SampleJarProcess a = start("instance-a", SampleJarProcess.PACKAGED_JAR);
		SampleJarProcess b = start("instance-b", v2Jar);
		// a third instance, not behind the round-robin client, shows the other setting
		SampleJarProcess notFound = start("instance-c", v2Jar, "--assetbust.stale-hashed=not-found");
		SampleJarProcess[] both = { a.awaitReady(), b.awaitReady() };
		notFound.awaitReady();
		List<Map<String, String>> manifests = List.of(v1, v2);
		for (int i = 0; i < 2; i++) {
			assertThat(mainCssLink(both[i])).as("main.css on %s", both[i])
				.isEqualTo("/" + manifests.get(i).get("css/main.css"));
		}

		startClient(a, b, "/" + v1.get("css/main.css"));
		awaitRequests(TWO_JARS_REQUESTS);
		RoundRobinClient run = stopClient();

		Map<String, String> originalOf = new TreeMap<>();
		for (Map<String, String> manifest : manifests) {
			manifest.forEach((original, hashed) -> originalOf.put("/" + hashed, original));
		}
		List<String> failures = new ArrayList<>(run.pageFailures);
		int[] sameGeneration = new int[2];
		int[] otherGeneration = new int[2];
		List<Set<String>> staleSeen = List.of(new TreeSet<>(), new TreeSet<>());
		for (Answer answer : run.answers) {
			Map<String, String> own = manifests.get(answer.instance());
			String problem;
			if (own.containsValue(answer.url().substring(1))) {
				sameGeneration[answer.instance()]++;
				problem = exactImmutableCopyProblem(answer);
			}
			else if (originalOf.containsKey(answer.url())) {
				otherGeneration[answer.instance()]++;
				staleSeen.get(answer.instance()).add(answer.url().substring(1));
				problem = currentCopyProblem(answer, own.get(originalOf.get(answer.url())));
			}
			else {
				problem = "a URL neither version has";
			}
			if (problem != null) {
				failures.add(answer.describe(both) + ": " + problem);
			}
		}
		List<Map<String, String>> staleLogged = List.of(staleWarnings(a), staleWarnings(b));

		// the same requests, to an instance of version 2 with assetbust.stale-hashed=not-found
		Set<String> v1Only = difference(urls(v1), urls(v2));
		Map<String, String> notFoundAnswers = new TreeMap<>();
		for (String url : urls(v1)) {
			HttpResponse<byte[]> response = notFound.get(url);
			notFoundAnswers.put(url, (response != null)
					? response.statusCode() + " Cache-Control '" + SiteClient.cacheControl(response) + "'" : "no response");
		}

		System.out.printf("""
				Rolling deploy, two jars (A version 1, B version 2, no shared disk): %d client requests \
				(%d pages: %d version 1, %d version 2; %d assets: %d from the other instance), %d failed; \
				same-generation answers, immutable: A %d, B %d; other-generation answers with the current \
				copy, no-store: A %d (%d distinct URLs, %d logged), B %d (%d distinct URLs, %d logged); \
				version 2 jar built in %d ms; startup %d ms, %d ms and %d ms (three at once); \
				not-found instance: %d version 1 URLs answered 404; scenario %d ms%n""",
				run.requests, run.pages.size(), run.pagesOfVersion(1), run.pagesOfVersion(2), run.answers.size(),
				run.crossInstanceRequests(), failures.size(), sameGeneration[0], sameGeneration[1],
				otherGeneration[0], staleSeen.get(0).size(), staleLogged.get(0).size(), otherGeneration[1],
				staleSeen.get(1).size(), staleLogged.get(1).size(), jarBuildMillis, a.readyAfterMillis(),
				b.readyAfterMillis(), notFound.readyAfterMillis(),
				notFoundAnswers.values().stream().filter((answer) -> answer.startsWith("404 ")).count(),
				millisSince(scenarioStart));

		assertThat(failures).as("failed requests across the two versions").isEmpty();
		assertThat(run.requests).as("requests the client made").isGreaterThanOrEqualTo(TWO_JARS_REQUESTS);
		assertThat(run.pagesOfVersion(1)).as("pages rendered by A").isPositive();
		assertThat(run.pagesOfVersion(2)).as("pages rendered by B").isPositive();
		for (int i = 0; i < 2; i++) {
			assertThat(sameGeneration[i]).as("answers of %s from its own generation", both[i]).isPositive();
			assertThat(otherGeneration[i]).as("answers of %s for the other generation", both[i]).isPositive();
			Map<String, String> own = manifests.get(i);
			Map<String, String> expected = staleSeen.get(i)
				.stream()
				.collect(Collectors.toMap(Function.identity(), (path) -> own.get(originalOf.get("/" + path))));
			assertThat(staleLogged.get(i)).as("stale hashed paths %s logged, with the copy it answered", both[i])
				.isEqualTo(expected);
		}
		assertThat(staleSeen.get(0)).as("version 2 URLs A answered")
			.containsExactlyInAnyOrderElementsOf(relative(difference(urls(v2), urls(v1))));
		assertThat(staleSeen.get(1)).as("version 1 URLs B answered").containsExactlyInAnyOrderElementsOf(relative(v1Only));

		Map<String, String> expectedNotFound = new TreeMap<>();
		for (String url : urls(v1)) {
			expectedNotFound.put(url, v1Only.contains(url) ? "404 Cache-Control ''" : "200 Cache-Control '" + IMMUTABLE + "'");
		}
		assertThat(notFoundAnswers).as("version 1 URLs from a version 2 instance with stale-hashed=not-found")
			.isEqualTo(expectedNotFound);
		assertThat(notFound.log()).doesNotContain("is in no generation this server keeps");
	}

	private SampleJarProcess start(String name, Path jar, String... arguments) throws IOException {
		SampleJarProcess process = SampleJarProcess.start(name, jar, this.temp.resolve(name), arguments);
		this.processes.add(process);
		return process;
	}

	private void startClient(SampleJarProcess a, SampleJarProcess b, String v1MainCss) {
		this.client = new RoundRobinClient(a, b, v1MainCss);
		this.clientThread = new Thread(this.client, "rolling-deploy-client");
		this.clientThread.setDaemon(true);
		this.clientThread.start();
	}

	/** Lets the client run until it made {@code count} requests in all. */
	private void awaitRequests(int count) throws InterruptedException {
		long deadline = System.nanoTime() + PHASE_TIME_LIMIT.toNanos();
		while (this.client.requests < count && this.clientThread.isAlive()) {
			assertThat(System.nanoTime()).as("%d requests within %s; %d made", count, PHASE_TIME_LIMIT,
					this.client.requests).isLessThan(deadline);
			Thread.sleep(20);
		}
		assertThat(this.clientThread.isAlive()).as("client running").isTrue();
	}

	/** Stops the client and hands it over: what it recorded is read only after its thread ended. */
	private RoundRobinClient stopClient() throws InterruptedException {
		this.client.stop();
		this.clientThread.join(10_000);
		assertThat(this.clientThread.isAlive()).as("client stopped").isFalse();
		return this.client;
	}

	private static String mainCssLink(SampleJarProcess instance) {
		HttpResponse<byte[]> response = instance.get("/");
		assertThat(response).as("GET %s/", instance).isNotNull();
		assertThat(response.statusCode()).as("GET %s/", instance).isEqualTo(200);
		return SiteClient.assetLinks(new String(response.body(), StandardCharsets.UTF_8))
			.stream()
			.filter((link) -> link.startsWith("/css/main-"))
			.findFirst()
			.orElse(null);
	}

	private static void awaitMainCss(SampleJarProcess instance, String expected) throws InterruptedException {
		long deadline = System.nanoTime() + RELOAD_TIME_LIMIT.toNanos();
		String seen = null;
		while (System.nanoTime() < deadline) {
			seen = mainCssLink(instance);
			if (expected.equals(seen)) {
				return;
			}
			Thread.sleep(50);
		}
		assertThat(seen).as("main.css on %s %s after the deploy", instance, RELOAD_TIME_LIMIT).isEqualTo(expected);
	}

	/** What is wrong with an answer that should be the hashed copy asked for, or {@code null}. */
	private static String exactCopyProblem(Answer answer) {
		if (answer.status() != 200) {
			return (answer.status() < 0) ? "no response" : "status " + answer.status();
		}
		Matcher name = SiteClient.HASHED_NAME.matcher(answer.url());
		if (!name.find()) {
			return "not a hashed URL";
		}
		return name.group(1).equals(answer.md5()) ? null : "body has md5 " + answer.md5();
	}

	/** What is wrong with an answer that should be the hashed copy asked for, immutable, or {@code null}. */
	private static String exactImmutableCopyProblem(Answer answer) {
		String problem = exactCopyProblem(answer);
		if (problem == null && !IMMUTABLE.equals(answer.cacheControl())) {
			problem = "Cache-Control '" + answer.cacheControl() + "', not immutable";
		}
		return problem;
	}

	/** What is wrong with an answer that should be {@code current}, never cached, or {@code null}. */
	private static String currentCopyProblem(Answer answer, String current) {
		if (answer.status() != 200) {
			return (answer.status() < 0) ? "no response" : "status " + answer.status();
		}
		Matcher name = SiteClient.HASHED_NAME.matcher(current);
		if (!name.find() || !name.group(1).equals(answer.md5())) {
			return "body has md5 " + answer.md5() + ", not that of the current " + current;
		}
		return NO_STORE.equals(answer.cacheControl()) ? null
				: "Cache-Control '" + answer.cacheControl() + "', not " + NO_STORE;
	}

	/** The stale hashed paths an instance warned about, each with the copy it answered instead. */
	private static Map<String, String> staleWarnings(SampleJarProcess instance) {
		Map<String, String> warnings = new TreeMap<>();
		Matcher warning = STALE_WARNING.matcher(instance.log());
		while (warning.find()) {
			assertThat(warnings.put(warning.group(1), warning.group(2))).as("%s warned twice about %s", instance,
					warning.group(1)).isNull();
		}
		return warnings;
	}

	private static Set<String> urls(Map<String, String> manifest) {
		return manifest.values().stream().map((path) -> "/" + path).collect(Collectors.toCollection(TreeSet::new));
	}

	private static Set<String> relative(Set<String> urls) {
		return urls.stream().map((url) -> url.substring(1)).collect(Collectors.toCollection(TreeSet::new));
	}

	private static Set<String> difference(Set<String> a, Set<String> b) {
		Set<String> difference = new TreeSet<>(a);
		difference.removeAll(b);
		return difference;
	}

	private static Set<String> intersection(Set<String> a, Set<String> b) {
		Set<String> intersection = new TreeSet<>(a);
		intersection.retainAll(b);
		return intersection;
	}

	private static long millisSince(long start) {
		return Duration.ofNanos(System.nanoTime() - start).toMillis();
	}

	/** How often an asset of one version met an instance known to be on the other version. */
	private record CrossVersion(int oldPageOnNewServer, int newPageOnOldServer) {
	}

	/**
	 * One asset request as the client saw it.
	 * @param instance the instance asked
	 * @param pageFrom the instance whose page linked the asset
	 * @param status the status, or -1 without a response
	 * @param md5 the md5 of the body, {@code null} without a response
	 */
	private record Answer(int instance, int pageFrom, String url, int status, String cacheControl, String md5,
			long start, long end) {

		static Answer of(int instance, int pageFrom, String url, HttpResponse<byte[]> response, long start,
				long end) {
			return (response != null)
					? new Answer(instance, pageFrom, url, response.statusCode(), SiteClient.cacheControl(response),
							SampleSiteTests.md5(response.body()), start, end)
					: new Answer(instance, pageFrom, url, -1, "", null, start, end);
		}

		String describe(SampleJarProcess[] instances) {
			return "GET " + instances[this.instance] + this.url + " (linked from a page of " + instances[this.pageFrom]
					+ ")";
		}

	}

	private record Page(int instance, int version, long start, long end) {
	}

	/**
	 * Loads pages from the two instances in turn, and each page's assets (and the images its
	 * stylesheets reference) from the other instance and the same one, like browsers behind a
	 * round-robin load balancer. It also keeps the first page it saw open, as a browser tab would,
	 * and keeps loading that page's assets from the instance that did not render the current page.
	 * It records what it got; what is right depends on the scenario.
	 */
	private static final class RoundRobinClient implements Runnable {

		private final SampleJarProcess[] instances;

		private final String v1MainCss;

		private final AtomicBoolean stopped = new AtomicBoolean();

		final List<Answer> answers = new ArrayList<>();

		final List<Page> pages = new ArrayList<>();

		final List<String> pageFailures = new ArrayList<>();

		/** Written by the client thread only, read by the test thread while it runs. */
		volatile int requests;

		private List<String> openTab;

		private int openTabFrom;

		RoundRobinClient(SampleJarProcess a, SampleJarProcess b, String v1MainCss) {
			this.instances = new SampleJarProcess[] { a, b };
			this.v1MainCss = v1MainCss;
		}

		void stop() {
			this.stopped.set(true);
		}

		@Override
		public void run() {
			try {
				for (int round = 0; !this.stopped.get(); round++) {
					visit(round % 2, ((round / 2) % 2 == 0) ? "/" : "/about");
				}
			}
			catch (RuntimeException | Error ex) {
				this.pageFailures.add("client crashed: " + ex);
			}
		}

		private void visit(int pageFrom, String pagePath) {
			SampleJarProcess instance = this.instances[pageFrom];
			long start = System.nanoTime();
			HttpResponse<byte[]> page = instance.get(pagePath);
			long end = System.nanoTime();
			this.requests++;
			if (page == null || page.statusCode() != 200) {
				this.pageFailures.add("GET " + instance + pagePath + ": "
						+ ((page == null) ? "no response" : "status " + page.statusCode()));
				return;
			}
			List<String> links = SiteClient.assetLinks(new String(page.body(), StandardCharsets.UTF_8));
			if (links.isEmpty()) {
				this.pageFailures.add("GET " + instance + pagePath + ": no asset links");
			}
			String mainCss = links.stream().filter((link) -> link.startsWith("/css/main-")).findFirst().orElse(null);
			this.pages.add(new Page(pageFrom, this.v1MainCss.equals(mainCss) ? 1 : 2, start, end));
			if (this.openTab == null) {
				this.openTab = links;
				this.openTabFrom = pageFrom;
			}
			for (String link : new LinkedHashSet<>(links)) {
				if (!SiteClient.HASHED_NAME.matcher(link).find()) {
					this.pageFailures.add(instance + pagePath + " links " + link + ", which is not hashed");
				}
				// from the other instance, as a load balancer may send it, and from the same one
				byte[] body = fetch(1 - pageFrom, pageFrom, link);
				fetch(pageFrom, pageFrom, link);
				if (link.endsWith(".css") && body != null) {
					for (String reference : cssReferences(link, body)) {
						fetch(1 - pageFrom, pageFrom, reference);
						fetch(pageFrom, pageFrom, reference);
					}
				}
			}
			for (String link : this.openTab) {
				fetch(1 - pageFrom, this.openTabFrom, link);
			}
		}

		private static List<String> cssReferences(String stylesheet, byte[] body) {
			List<String> references = new ArrayList<>();
			Matcher matcher = CSS_URL.matcher(new String(body, StandardCharsets.UTF_8));
			while (matcher.find()) {
				String reference = matcher.group(1);
				if (!reference.startsWith("data:") && !reference.contains("://")) {
					references.add(URI.create(stylesheet).resolve(reference).getPath());
				}
			}
			return references;
		}

		/** Fetches an asset and records the answer; returns the body of a 200. */
		private byte[] fetch(int from, int pageFrom, String url) {
			long start = System.nanoTime();
			HttpResponse<byte[]> response = this.instances[from].get(url);
			long end = System.nanoTime();
			this.requests++;
			this.answers.add(Answer.of(from, pageFrom, url, response, start, end));
			return (response != null && response.statusCode() == 200) ? response.body() : null;
		}

		long crossInstanceRequests() {
			return this.answers.stream().filter((answer) -> answer.instance() != answer.pageFrom()).count();
		}

		long pagesOfVersion(int version) {
			return this.pages.stream().filter((page) -> page.version() == version).count();
		}

		/**
		 * Version 1 assets asked of an instance after it rendered a version 2 page (a manifest is
		 * only ever swapped forward), and version 2 assets asked of one before it rendered a
		 * version 2 page itself: those it could only answer by checking the manifest on disk then.
		 */
		CrossVersion crossVersion(Set<String> v1Only, Set<String> v2Only) {
			int oldOnNew = 0;
			int newOnOld = 0;
			for (int instance = 0; instance < 2; instance++) {
				int i = instance;
				List<Page> v2Pages = this.pages.stream()
					.filter((page) -> page.instance() == i && page.version() == 2)
					.toList();
				long firstV2Start = v2Pages.stream().mapToLong(Page::start).min().orElse(Long.MAX_VALUE);
				long firstV2End = v2Pages.stream().mapToLong(Page::end).min().orElse(Long.MAX_VALUE);
				for (Answer answer : this.answers) {
					if (answer.instance() != i) {
						continue;
					}
					if (v1Only.contains(answer.url()) && answer.start() > firstV2End) {
						oldOnNew++;
					}
					if (v2Only.contains(answer.url()) && answer.start() < firstV2Start) {
						newOnOld++;
					}
				}
			}
			return new CrossVersion(oldOnNew, newOnOld);
		}

	}

}
