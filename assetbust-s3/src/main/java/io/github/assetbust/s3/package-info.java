/**
 * Publishing a built tree to S3-compatible object storage: hashed copies first, the manifest last,
 * the bucket's record of generations and its retention, through the AWS SDK v2.
 */
package io.github.assetbust.s3;
