/**
 * The build loop and its stages: read state → select → plan → hash → compress → commit →
 * retain → store; the options, the result and the lock.
 */
package io.github.assetbust.core.build;
