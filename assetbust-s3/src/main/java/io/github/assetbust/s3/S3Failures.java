package io.github.assetbust.s3;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import io.github.assetbust.core.AssetbustException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns what the SDK throws into one line that says what was wrong and what to do: the SDK's
 * own messages run to several lines, name its internals, and for missing credentials list every
 * provider of the chain.
 */
final class S3Failures {

	private S3Failures() {
	}

	/**
	 * @param ex what the SDK threw
	 * @param doing what was being done, as "listing s3://bucket/prefix/"
	 * @param location where, for the bucket's name
	 * @param endpoint the server, for messages ("https://s3.eu-west-1.amazonaws.com")
	 */
	static AssetbustException describe(SdkException ex, String doing, S3Location location, String endpoint) {
		if (ex instanceof AwsServiceException service && service.awsErrorDetails() != null) {
			String code = String.valueOf(service.awsErrorDetails().errorCode());
			String message = service.awsErrorDetails().errorMessage();
			String said = code + ((message != null && !message.isBlank()) ? " (" + oneLine(message) + ")" : "");
			return switch (code) {
				case "NoSuchBucket" -> new AssetbustException("No bucket '" + location.bucket() + "' at " + endpoint
						+ ": create it first, or check --to, --endpoint and --region", ex);
				case "InvalidAccessKeyId", "SignatureDoesNotMatch", "AccessDenied", "InvalidToken", "ExpiredToken",
						"InvalidSecurity", "AuthorizationHeaderMalformed" ->
					new AssetbustException(endpoint + " refused the credentials " + doing + ": " + said
							+ "; credentials come from the AWS SDK's default chain (AWS_ACCESS_KEY_ID and "
							+ "AWS_SECRET_ACCESS_KEY, AWS_PROFILE, an instance or container role)", ex);
				default -> new AssetbustException(endpoint + " refused " + doing + ": HTTP " + service.statusCode() + " "
						+ said, ex);
			};
		}
		if (ex instanceof AwsServiceException service) {
			return new AssetbustException(endpoint + " refused " + doing + ": HTTP " + service.statusCode(), ex);
		}
		Throwable network = networkCause(ex);
		if (network != null) {
			return new AssetbustException("Cannot reach " + endpoint + " " + doing + ": "
					+ network.getClass().getSimpleName() + ((network.getMessage() != null) ? " (" + oneLine(network.getMessage()) + ")" : ""), ex);
		}
		String message = String.valueOf(ex.getMessage());
		if (ex instanceof SdkClientException && message.startsWith("Unable to load credentials")) {
			return new AssetbustException("No AWS credentials " + doing + ": set AWS_ACCESS_KEY_ID and "
					+ "AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or run with an instance or container role", ex);
		}
		return new AssetbustException("Failed " + doing + " at " + endpoint + ": " + oneLine(message), ex);
	}

	private static Throwable networkCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException) {
				return cause;
			}
		}
		return null;
	}

	private static String oneLine(String text) {
		int newline = text.indexOf('\n');
		return ((newline < 0) ? text : text.substring(0, newline)).strip();
	}

}
