import io.github.assetbust.s3.S3Clients
import io.github.assetbust.s3.S3ProxyServer
import groovy.json.JsonSlurper
import java.security.MessageDigest
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider

// publish: every hashed copy and gzip variant in the bucket under the prefix, with its headers,
// the manifest after them, and the goal ran in the deploy phase with the configured options
try {
    def log = new File(basedir, 'build.log').getText('UTF-8')
    assert log =~ /--- assetbust:[^:]+:publish \(default\) @ publish ---/
    assert log.indexOf('--- install:') > 0 && log.indexOf('--- install:') < log.indexOf(':publish (default)') : 'publish runs in deploy, after install'
    assert log =~ /assetbust: \d+ objects uploaded \([\d,]+ bytes\), 0 unchanged, manifest uploaded, 0 stale objects deleted \(0 bytes\), 1 generation on record, .*; manifest s3:\/\/it-assets\/static\/shop\/manifest.json/

    def endpoint = URI.create(new File(basedir, 'endpoint.txt').text)
    def s3 = S3Clients.create(endpoint, true, 'us-east-1', { builder ->
        builder.credentialsProvider(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)))
    })
    try {
        def manifestFile = new File(basedir, 'target/classes/META-INF/assetbust/manifest.json')
        def manifest = new JsonSlurper().parse(manifestFile)
        def keys = s3.listObjectsV2Paginator { it.bucket('it-assets') }.contents().collect { it.key() } as Set
        assert keys.contains('static/shop/manifest.json')
        manifest.assets.each { String original, entry ->
            def key = 'static/shop/' + entry.path
            def head = s3.headObject { it.bucket('it-assets').key(key) }
            def bytes = new File(basedir, 'target/classes/static/' + entry.path).bytes
            assert head.eTag().replace('"', '') == MessageDigest.getInstance('MD5').digest(bytes).encodeHex().toString()
            assert head.cacheControl() == 'public, max-age=31536000, immutable'
            if (original.endsWith('.css')) {
                assert head.contentType().startsWith('text/css')
                def gz = s3.headObject { it.bucket('it-assets').key(key + '.gz') }
                assert gz.contentEncoding() == 'gzip'
                assert gz.contentType().startsWith('text/css')
            }
        }
        def manifestHead = s3.headObject { it.bucket('it-assets').key('static/shop/manifest.json') }
        assert manifestHead.cacheControl() == 'no-cache'
        assert manifestHead.eTag().replace('"', '') == MessageDigest.getInstance('MD5').digest(manifestFile.bytes).encodeHex().toString()
    } finally {
        s3.close()
    }
} finally {
    S3ProxyServer.stopRegistered(basedir.absolutePath)
}
true
