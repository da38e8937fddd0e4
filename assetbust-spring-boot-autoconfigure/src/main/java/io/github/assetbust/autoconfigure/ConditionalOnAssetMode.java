package io.github.assetbust.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when {@code assetbust.mode} is the given mode, {@code manifest} when unset. A value
 * that is not a mode stops the application with Spring Boot's binding error, which lists the
 * valid ones, rather than leaving it without any {@code assets} bean.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnAssetModeCondition.class)
public @interface ConditionalOnAssetMode {

	AssetMode value();

}
