package io.github.assetbust.actuate;

import io.github.assetbust.autoconfigure.AssetbustAutoConfiguration;
import io.github.assetbust.resolve.AssetManifest;
import io.github.assetbust.resolve.MissingAssets;
import io.github.assetbust.web.HashedRequests;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code assets} actuator endpoint, when the actuator is on the classpath and the endpoint
 * is exposed ({@code management.endpoints.web.exposure.include=assets}).
 */
@AutoConfiguration(after = AssetbustAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(AssetManifest.class)
@ConditionalOnAvailableEndpoint(AssetsEndpoint.class)
public final class AssetsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AssetsEndpoint assetsEndpoint(AssetManifest manifest, ObjectProvider<MissingAssets> missingAssets,
			ObjectProvider<HashedRequests> hashedRequests) {
		HashedRequests requests = hashedRequests.getIfUnique();
		return new AssetsEndpoint(manifest, missingAssets.getIfUnique(),
				(requests != null) ? requests.staleRequests() : null);
	}

}
