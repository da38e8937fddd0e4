/**
 * The assets dialect: #assets, assets:href/src, the import map, and @assets in positions
 * Thymeleaf restricts.
 */
package io.github.assetbust.thymeleaf;
