// strict: the build failed, its error names the stylesheet, the line and the missing target, and nothing was written

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD FAILURE')
def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert error != null && error.contains('assetbust-maven-plugin') && error.contains(':build') :
        "the failure is not the assetbust goal's:\n${error}"

// the message names the referencing file, its line and the reference as written
def errors = log.readLines().findAll { it.startsWith('[ERROR]') }
assert errors.any { it.contains('strict') }
assert errors.any { it.contains("css/site.css line 3: '../img/missing.png'") } :
        "the error does not name css/site.css, line 3 and ../img/missing.png:\n${errors.join('\n')}"

// the good reference is not reported
assert !log.contains("'../img/present.svg'")

// nothing was written: no manifest and no hashed copy, and the jar was never built
File classes = new File(basedir, 'target/classes')
assert !new File(classes, 'META-INF/assetbust/manifest.json').exists()
def hashed = []
new File(classes, 'static').eachFileRecurse(groovy.io.FileType.FILES) { if (it.name =~ /-[0-9a-f]{32}\./) hashed << it }
assert hashed.isEmpty() : "strict failure left hashed copies: ${hashed}"
assert !new File(basedir, 'target/strict-missing-image-1.0.jar').exists()
true
