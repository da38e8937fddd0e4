import groovy.json.JsonSlurper
import java.nio.file.Files
import java.security.MessageDigest

// reproducible: two builds of the same sources, in two build folders, give the same bytes;
// a third build into the first folder without clean, over its own earlier output, changes nothing

static Map<String, byte[]> tree(File dir) {
    def files = new TreeMap<String, byte[]>()
    dir.eachFileRecurse(groovy.io.FileType.FILES) { File file ->
        files[dir.toPath().relativize(file.toPath()).toString().replace(File.separatorChar, '/' as char)] = file.bytes
    }
    files
}

File first = new File(basedir, 'target')
File second = new File(basedir, 'target-again')
File manifest1 = new File(first, 'classes/META-INF/assetbust/manifest.json')
File manifest2 = new File(second, 'classes/META-INF/assetbust/manifest.json')
assert manifest1.isFile() && manifest2.isFile() : 'both builds wrote a manifest'

// byte for byte, not merely equal JSON
assert Arrays.equals(manifest1.bytes, manifest2.bytes) : "the manifests differ:\n${manifest1.text}\n---\n${manifest2.text}"
assert !manifest1.getText('UTF-8').contains('"generated"')

def manifest = new JsonSlurper().parse(manifest1)
def expected = ['css/main.css', 'css/layout/grid.css', 'img/hero.svg', 'img/icons/ok.svg', 'img/icons/no.svg',
        'fonts/body.woff2', 'js/app.js', 'js/app.js.map', 'js/vendor/ready.js'] as Set
assert manifest.assets.keySet() == expected

// every file under static/: the same names and the same bytes in both folders
Map<String, byte[]> static1 = tree(new File(first, 'classes/static'))
Map<String, byte[]> static2 = tree(new File(second, 'classes/static'))
assert static1.keySet() == static2.keySet()
static1.each { String path, byte[] bytes -> assert Arrays.equals(bytes, static2[path]) : "${path} differs between the builds" }

// originals plus exactly one hashed copy each: the third build did not hash the hashed copies again
assert static1.size() == 2 * expected.size() : "expected ${2 * expected.size()} files, found ${static1.keySet()}"
assert static1.keySet() == (expected + manifest.assets.values()*.path) as Set

// the digest in each name is the md5 of that file; rewritten references point at hashed files
manifest.assets.each { String original, entry ->
    def digest = (entry.path =~ /-([0-9a-f]{32})\.[^.\/]+$/)[0][1]
    assert MessageDigest.getInstance('MD5').digest(static1[entry.path]).encodeHex().toString() == digest
}
String mainCss = new String(static1[manifest.assets['css/main.css'].path], 'UTF-8')
[['layout/grid.css', 'css/layout/grid.css'], ['../img/hero.svg', 'img/hero.svg'], ['../img/icons/ok.svg', 'img/icons/ok.svg'],
 ['../img/icons/no.svg', 'img/icons/no.svg'], ['../fonts/body.woff2', 'fonts/body.woff2']].each { String written, String key ->
    String hashedName = manifest.assets[key].path.tokenize('/').last()
    assert mainCss.contains(written.replaceFirst('[^/]+$', hashedName)) : "${written} not rewritten in main.css:\n${mainCss}"
}
String gridCss = new String(static1[manifest.assets['css/layout/grid.css'].path], 'UTF-8')
assert gridCss.contains('url(../../' + manifest.assets['img/icons/ok.svg'].path + ')')

// with a fixed outputTimestamp the jars are byte-identical too
assert Arrays.equals(new File(first, 'reproducible-1.0.jar').bytes, new File(second, 'reproducible-1.0.jar').bytes)

// the build log shows all three builds; the third wrote no file
String log = new File(basedir, 'build.log').getText('UTF-8')
def summaries = (log =~ /assetbust: (\d+) assets? hashed \((\d+) cop(?:y|ies) written/).collect { [it[1] as int, it[2] as int] }
assert summaries == [[9, 9], [9, 9], [9, 0]] : "unexpected build summaries ${summaries} in build.log"
true
