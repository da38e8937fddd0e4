package io.github.assetbust.s3;

import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

import io.github.assetbust.core.AssetbustException;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.LegacyMd5Plugin;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Builds the S3 client a publish talks through. Credentials come from the SDK's default chain
 * (environment, system properties, profile, SSO, container and instance roles), never from
 * options, so nothing secret is written in a pom or a command line.
 * <p>
 * <b>Checksums.</b> Since 2.30 the SDK sends a CRC checksum with every upload by default, in
 * {@code x-amz-checksum-*} headers or an {@code aws-chunked} body with a trailer. S3 accepts that,
 * but many S3-compatible servers (S3Proxy before 2.x's last releases, older MinIO, Ceph RGW)
 * answer "A header you provided implies functionality that is not implemented". The client is
 * therefore built to send checksums only where an operation requires one
 * ({@code WHEN_REQUIRED}), with the {@link LegacyMd5Plugin} making that required checksum a
 * {@code Content-MD5} (DeleteObjects), and every upload carries an explicit {@code Content-MD5} of
 * the bytes read from disk: every S3 implementation checks it and refuses a body that does not
 * match ({@code BadDigest}), so S3 itself verifies each upload, and the ETag it answers is that
 * md5, which the publisher compares too.
 * <p>
 * Chunked encoding is off for the same servers: over plain HTTP the SDK would otherwise sign the
 * body in {@code aws-chunked} pieces ({@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD}), which they
 * handle no better. The body is then signed whole, which costs a second read of each file, from
 * the page cache.
 */
public final class S3Clients {

	/** The region of a custom endpoint that the default chain knows none for; most servers ignore it. */
	static final Region CUSTOM_ENDPOINT_REGION = Region.US_EAST_1;

	private S3Clients() {
	}

	/**
	 * A client for {@code endpoint} (null for AWS itself) in {@code region} (null for the default
	 * chain's, or {@code us-east-1} for a custom endpoint the chain knows none for).
	 * @throws AssetbustException if no region can be found for AWS
	 */
	public static S3Client create(URI endpoint, boolean pathStyle, String region) {
		return create(endpoint, pathStyle, region, (builder) -> {
		});
	}

	/** {@link #create(URI, boolean, String)}, with a last say on the builder (tests add interceptors). */
	public static S3Client create(URI endpoint, boolean pathStyle, String region, Consumer<S3ClientBuilder> customizer) {
		S3ClientBuilder builder = S3Client.builder()
			.httpClientBuilder(UrlConnectionHttpClient.builder()
				.connectionTimeout(Duration.ofSeconds(10))
				.socketTimeout(Duration.ofSeconds(60)))
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.addPlugin(LegacyMd5Plugin.create())
			.serviceConfiguration(S3Configuration.builder()
				.pathStyleAccessEnabled(pathStyle)
				.chunkedEncodingEnabled(false)
				.build())
			.region(region(endpoint, region));
		if (endpoint != null) {
			builder.endpointOverride(endpoint);
		}
		customizer.accept(builder);
		return builder.build();
	}

	private static Region region(URI endpoint, String region) {
		if (region != null && !region.isBlank()) {
			return Region.of(region);
		}
		try {
			return new DefaultAwsRegionProviderChain().getRegion();
		}
		catch (SdkClientException ex) {
			if (endpoint != null) {
				return CUSTOM_ENDPOINT_REGION;
			}
			throw new AssetbustException("No AWS region for the bucket: pass --region, or set AWS_REGION or a "
					+ "profile's region", ex);
		}
	}

}
