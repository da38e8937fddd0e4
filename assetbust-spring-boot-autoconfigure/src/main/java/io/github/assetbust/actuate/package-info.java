/**
 * The assets actuator endpoint and health indicator.
 */
package io.github.assetbust.actuate;
