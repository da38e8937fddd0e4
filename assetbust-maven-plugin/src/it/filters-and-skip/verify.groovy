import groovy.json.JsonSlurper

// includes/excludes and skip

static List<String> files(File dir) {
    def found = []
    if (dir.isDirectory()) {
        dir.eachFileRecurse(groovy.io.FileType.FILES) { found << dir.toPath().relativize(it.toPath()).toString().replace(File.separatorChar, '/' as char) }
    }
    found.sort()
}

def originals = ['css/site.css', 'css/site.scss', 'docs/readme.txt', 'img/logo.svg', 'img/photo.png', 'js/app.js', 'js/vendor/lib.js']

// 1: only what the includes select and the excludes leave is hashed
File classes = new File(basedir, 'target/classes')
def manifest = new JsonSlurper().parse(new File(classes, 'META-INF/assetbust/manifest.json'))
assert manifest.assets.keySet() == ['css/site.css', 'img/logo.svg', 'js/app.js'] as Set
def staticFiles = files(new File(classes, 'static'))
assert staticFiles == (originals + manifest.assets.values()*.path).sort() :
        "target/classes/static should hold the originals and three hashed copies, holds ${staticFiles}"
// the unselected files were not hashed: excluded by glob (scss, vendor) or not included (txt, png)
assert !staticFiles.any { it =~ /^(css\/site-\w+\.scss|js\/vendor\/lib-\w+\.js|docs\/readme-\w+\.txt|img\/photo-\w+\.png)$/ }

// the execution with <skip>true</skip> left its root alone and wrote no manifest
assert files(new File(classes, 'public')) == ['css/other.css']
assert !new File(classes, 'META-INF/assetbust/public-manifest.json').exists()

// 2: -Dassetbust.skip=true: nothing hashed, no manifest
File skipped = new File(basedir, 'target-skipped/classes')
assert files(new File(skipped, 'static')) == originals
assert !new File(skipped, 'META-INF/assetbust').exists()

String log = new File(basedir, 'build.log').getText('UTF-8')
// one skipped execution in the first build, both in the second
assert log.count('Skipping assetbust:build') == 3
assert (log =~ /assetbust: 3 assets hashed \(3 copies written/).count == 1
true
