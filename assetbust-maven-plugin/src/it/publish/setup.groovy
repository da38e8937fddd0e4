import io.github.assetbust.s3.S3ProxyServer

// A real S3 API server on loopback, in the invoker's JVM, for this IT's build to publish to. Its
// port is only known now, so it reaches the build as a user property in .mvn/maven.config, which
// Maven reads when it starts.
def server = S3ProxyServer.start().createBucket('it-assets').register(basedir.absolutePath)
def config = new File(basedir, '.mvn/maven.config')
config.parentFile.mkdirs()
config.text = "-Dassetbust.publish.endpoint=${server.endpoint()}\n"
new File(basedir, 'endpoint.txt').text = server.endpoint().toString()
true
