package io.github.assetbust.s3;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.path.AssetPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading {@code --to s3://BUCKET[/PREFIX]} and the keys it gives. */
class S3LocationTests {

	@Test
	void aBucketAloneKeysPathsAsTheyAre() {
		S3Location location = S3Location.parse("s3://assets");

		assertThat(location.key(AssetPath.of("css/main-0123abcd.css"))).isEqualTo("css/main-0123abcd.css");
		assertThat(location.keyPrefix()).isEmpty();
		assertThat(location).hasToString("s3://assets");
	}

	@Test
	void aPrefixIsPutBeforeEveryKeyAndATrailingSlashIgnored() {
		S3Location location = S3Location.parse("s3://my.assets-1/static/shop/");

		assertThat(location.bucket()).isEqualTo("my.assets-1");
		assertThat(location.key("asset-manifest.json")).isEqualTo("static/shop/asset-manifest.json");
		assertThat(location.keyPrefix()).isEqualTo("static/shop/");
	}

	@Test
	void somethingElseThanAnS3UriIsRefusedSayingWhatToWrite() {
		assertThatThrownBy(() -> S3Location.parse("https://assets.s3.amazonaws.com")).isInstanceOf(AssetbustException.class)
			.hasMessageContaining("use s3://BUCKET or s3://BUCKET/PREFIX");
	}

	@Test
	void anInvalidBucketNameOrPrefixIsRefused() {
		assertThatThrownBy(() -> S3Location.parse("s3://Assets")).hasMessageContaining("is not a bucket name");
		assertThatThrownBy(() -> S3Location.parse("s3://")).hasMessageContaining("is not a bucket name");
		assertThatThrownBy(() -> S3Location.parse("s3://assets/a//b")).hasMessageContaining("is not a key prefix");
		assertThatThrownBy(() -> S3Location.parse("s3://assets/../b")).hasMessageContaining("is not a key prefix");
	}

}
