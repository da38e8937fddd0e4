// Runs the packaged application with java -jar, as its developer would, and checks the page it serves.
io.github.assetbust.starter.UserApplication.verifyHashedPage(new File(basedir, 'target/shop-webflux-1.0.jar'))
