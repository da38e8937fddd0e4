package io.github.assetbust.web.servlet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Real HTTP GETs (and HEADs) against the test application on {@code localhost}, shared by the web tests. */
public final class LocalHttp {

	/**
	 * HTTP/1.1, which every test server speaks, without the h2c upgrade the client would try first;
	 * an answer that never comes fails the test instead of stalling the build.
	 */
	private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private LocalHttp() {
	}

	/**
	 * GETs {@code path} and reads the body as UTF-8 text.
	 * @param headers name, value, name, value...
	 */
	public static HttpResponse<String> get(int port, String path, String... headers)
			throws IOException, InterruptedException {
		return http.send(request(port, path, headers), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** GETs {@code path} and keeps the body as bytes, for binary and encoded responses. */
	public static HttpResponse<byte[]> getBytes(int port, String path, String... headers)
			throws IOException, InterruptedException {
		return http.send(request(port, path, headers), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** Asks for {@code path} with HEAD: the headers a GET would get, and no body. */
	public static HttpResponse<Void> head(int port, String path, String... headers)
			throws IOException, InterruptedException {
		return http.send(request(port, path, headers, "HEAD"), HttpResponse.BodyHandlers.discarding());
	}

	private static HttpRequest request(int port, String path, String... headers) {
		return request(port, path, headers, "GET");
	}

	private static HttpRequest request(int port, String path, String[] headers, String method) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.timeout(TIMEOUT);
		if (headers.length > 0) {
			request.headers(headers);
		}
		return request.build();
	}

}
