import io.github.assetbust.s3.S3ProxyServer

try {
    def log = new File(basedir, 'build.log').getText('UTF-8')
    def endpoint = new File(basedir, 'endpoint.txt').text
    assert log.contains("[ERROR] Failed to execute goal io.github.assetbust:assetbust-maven-plugin:") : log
    assert log.contains(":publish (default) on project publish-no-bucket: No bucket 'no-such-bucket' at ${endpoint}: create it first") : log
} finally {
    S3ProxyServer.stopRegistered(basedir.absolutePath)
}
true
