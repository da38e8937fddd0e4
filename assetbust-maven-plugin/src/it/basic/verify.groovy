import groovy.json.JsonSlurper
import java.security.MessageDigest
import java.util.jar.JarFile

// basic: hashed copies beside their originals, a reproducible manifest, url() rewritten, all in the jar

static String hex(String algorithm, byte[] bytes) {
    MessageDigest.getInstance(algorithm).digest(bytes).encodeHex().toString()
}

def sources = new File(basedir, 'src/main/resources/static')
def staticDir = new File(basedir, 'target/classes/static')
def manifestFile = new File(basedir, 'target/classes/META-INF/assetbust/manifest.json')
assert manifestFile.isFile() : "no manifest at ${manifestFile}"

def manifestText = manifestFile.getText('UTF-8')
def manifest = new JsonSlurper().parseText(manifestText)
assert manifest.version == 1
assert manifest.algorithm == 'md5'
assert !manifest.containsKey('generated') : "the Maven goal is reproducible, but the manifest has 'generated': ${manifestText}"
assert manifest.assets.keySet() == ['css/site.css', 'img/logo.png', 'js/app.js'] as Set

def hashedName = ~/^(.+)-([0-9a-f]{32})(\.[^.\/]+)$/
manifest.assets.each { String original, entry ->
    def matcher = hashedName.matcher(entry.path)
    assert matcher.matches() : "${original} -> ${entry.path} is not <name>-<md5>.<ext>"
    assert matcher.group(1) + matcher.group(3) == original : "${entry.path} is not beside ${original}"

    File hashed = new File(staticDir, entry.path)
    assert hashed.isFile() : "${entry.path} is in the manifest but not in target/classes/static"
    byte[] bytes = hashed.bytes
    assert hex('MD5', bytes) == matcher.group(2) : "md5 of ${entry.path} is not the digest in its name"
    assert entry.size == bytes.length
    // browsers check integrity on stylesheets and scripts only, so only they carry one
    if (original.endsWith('.css') || original.endsWith('.js')) {
        assert entry.integrity == 'sha384-' + MessageDigest.getInstance('SHA-384').digest(bytes).encodeBase64().toString()
    } else {
        assert entry.integrity == null : "${original} has an integrity value, but only stylesheets and scripts get one"
    }

    // the original is still there, unchanged
    assert new File(staticDir, original).bytes == new File(sources, original).bytes
}

// a binary file's hashed copy is a byte-for-byte copy
assert new File(staticDir, manifest.assets['img/logo.png'].path).bytes == new File(sources, 'img/logo.png').bytes

// the hashed stylesheet points at the hashed image, relative to its own folder
String hashedImage = manifest.assets['img/logo.png'].path
String css = new File(staticDir, manifest.assets['css/site.css'].path).getText('UTF-8')
assert css.contains("url(\"../${hashedImage}\")") : "url() not rewritten to ../${hashedImage}:\n${css}"
assert !css.contains('logo.png"') : "the hashed CSS still points at the unhashed image:\n${css}"

// target/classes holds the originals, one hashed copy each and the manifest: no build state that would end up in the jar
def classesFiles = []
new File(basedir, 'target/classes').eachFileRecurse(groovy.io.FileType.FILES) {
    classesFiles << new File(basedir, 'target/classes').toPath().relativize(it.toPath()).toString().replace(File.separatorChar, '/' as char)
}
def expectedFiles = ['META-INF/assetbust/manifest.json'] + manifest.assets.collectMany { String original, entry -> ['static/' + original, 'static/' + entry.path] }
assert classesFiles.sort() == expectedFiles.sort()

// the packaged jar ships the manifest and every hashed file, with the same bytes
File jarFile = new File(basedir, 'target/basic-1.0.jar')
assert jarFile.isFile()
new JarFile(jarFile).withCloseable { jar ->
    def manifestEntry = jar.getJarEntry('META-INF/assetbust/manifest.json')
    assert manifestEntry != null : "${jarFile.name} has no META-INF/assetbust/manifest.json"
    assert jar.getInputStream(manifestEntry).bytes == manifestFile.bytes
    manifest.assets.each { String original, entry ->
        def hashedEntry = jar.getJarEntry('static/' + entry.path)
        assert hashedEntry != null : "${jarFile.name} has no static/${entry.path}"
        assert jar.getInputStream(hashedEntry).bytes == new File(staticDir, entry.path).bytes
        assert jar.getJarEntry('static/' + original) != null
    }
    def packaged = jar.entries().toList().findAll { !it.directory && !it.name.startsWith('META-INF/maven/') && it.name != 'META-INF/MANIFEST.MF' }*.name
    assert packaged.sort() == expectedFiles.sort()
}

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('assetbust: ') && log.contains('META-INF/assetbust/manifest.json')
true
