import com.aayushatharva.brotli4j.Brotli4jLoader
import com.aayushatharva.brotli4j.decoder.BrotliInputStream
import groovy.json.JsonSlurper
import io.github.assetbust.core.check.AssetChecker
import java.util.jar.JarFile
import java.util.zip.GZIPInputStream

// compress: <hashed>.gz and <hashed>.br beside the hashed CSS and JS, each decompressing to its copy,
// none for the image or for a text too small to shrink; all of them in the jar; a rebuild compresses nothing

def staticDir = new File(basedir, 'target/classes/static')
def manifestFile = new File(basedir, 'target/classes/META-INF/assetbust/manifest.json')
def manifest = new JsonSlurper().parseText(manifestFile.getText('UTF-8'))
assert manifest.assets.keySet() == ['css/site.css', 'img/logo.png', 'js/app.js', 'robots.txt'] as Set

Brotli4jLoader.ensureAvailability()
def variants = []
['css/site.css', 'js/app.js'].each { original ->
    File copy = new File(staticDir, manifest.assets[original].path)
    File gz = new File(copy.path + '.gz')
    File br = new File(copy.path + '.br')
    assert gz.isFile() && br.isFile() : "no variants of ${copy}"
    assert gz.length() < copy.length() && br.length() < copy.length()
    assert new GZIPInputStream(new ByteArrayInputStream(gz.bytes)).bytes == copy.bytes : "${gz} is not ${copy} gzipped"
    assert new BrotliInputStream(new ByteArrayInputStream(br.bytes)).bytes == copy.bytes : "${br} is not ${copy} in Brotli"
    variants << 'static/' + manifest.assets[original].path + '.gz' << 'static/' + manifest.assets[original].path + '.br'
}
['img/logo.png', 'robots.txt'].each { original ->
    String copy = new File(staticDir, manifest.assets[original].path).path
    assert !new File(copy + '.gz').exists() && !new File(copy + '.br').exists() : "${original} got a variant"
}

def check = AssetChecker.check(staticDir.toPath(), manifestFile.toPath())
assert check.ok() : check.problems()
assert check.variants() == 4

new JarFile(new File(basedir, 'target/compress-1.0.jar')).withCloseable { jar ->
    variants.each { name ->
        def entry = jar.getJarEntry(name)
        assert entry != null : "the jar has no ${name}"
        assert jar.getInputStream(entry).bytes == new File(basedir, 'target/classes/' + name).bytes
    }
}

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('0 compressed variants written (0 bytes), 4 unchanged, 2 not smaller') : "the rebuild compressed again:\n${log}"
true
