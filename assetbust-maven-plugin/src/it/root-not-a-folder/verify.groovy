// root-not-a-folder: the goal stops the build and names the folder it looked for

String log = new File(basedir, 'build.log').getText('UTF-8')
File root = new File(basedir, 'target/classes/static')
assert log.contains("assetbust:build has no folder to hash: ${root} does not exist") : log
assert log.contains('Set <root> to the static assets folder')
assert !new File(basedir, 'target/classes/META-INF/assetbust/manifest.json').exists()
