package io.github.assetbust.startup;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import io.github.assetbust.core.AssetbustException;
import io.github.assetbust.core.build.BuildLock;
import io.github.assetbust.core.files.AtomicFiles;
import io.github.assetbust.core.files.FileStamp;
import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.path.AssetRoot;
import io.github.assetbust.core.path.ControlCharacters;
import io.github.assetbust.core.path.InvalidAssetPathException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;
import org.springframework.util.ResourceUtils;

/**
 * A copy, in a folder on disk, of the files that Spring Boot's static resource handler serves from
 * locations such as {@code classpath:/static/}, for a build to hash. Where several locations, or
 * several class path entries of one location, have a file at the same path, the copy is of the
 * file the handler serves: the first. Locations may be folders (an exploded
 * {@code target/classes}, a {@code file:} location) or folders inside jars, the nested jars of an
 * executable jar included.
 * <p>
 * An update copies only what changed since the last one: a file whose size and stamp
 * (core's {@link FileStamp} on disk, CRC-32 inside a jar, which stays right when a reproducible
 * build gives every entry the same time) are as recorded reads no content, and a file that left
 * the locations leaves the copy. The record and a lock are kept beside the folder, not in it.
 * Dotfiles and symbolic links are left out, and so are WebJars
 * ({@code classpath:/META-INF/resources/webjars/}), whose URLs carry their version instead (see
 * {@link io.github.assetbust.web.WebJars}).
 */
public final class StaticAssetMirror {

	private static final Log logger = LogFactory.getLog(StaticAssetMirror.class);

	private static final String WEBJARS_LOCATION = "classpath:/META-INF/resources/";

	private static final String WEBJARS_FOLDER = "webjars/";

	private static final String RECORD_HEADER = "assetbust static asset mirror 1";

	private final List<String> locations;

	private final ResourceLoader resourceLoader;

	private final Path folder;

	/**
	 * @param locations Spring resource locations, in the order the static resource handler tries them
	 * @param resourceLoader reads the locations, with the application's class loader
	 * @param folder where the copy goes; created when missing
	 */
	public StaticAssetMirror(List<String> locations, ResourceLoader resourceLoader, Path folder) {
		this.locations = locations.stream()
			.map((location) -> location.endsWith("/") ? location : location + "/")
			.toList();
		this.resourceLoader = resourceLoader;
		this.folder = folder.toAbsolutePath().normalize();
	}

	/** The folder that holds the copy. */
	public Path folder() {
		return this.folder;
	}

	/**
	 * Updates the copy, then hands what changed to {@code then}, which may build in the folder:
	 * another process that shares the folder waits until {@code then} returns.
	 * @return what {@code then} returned
	 * @throws AssetbustException if a location cannot be read or the folder cannot be written; what
	 * was copied until then stays, and the next update checks it again
	 */
	public <T> T update(Function<Update, T> then) {
		try (BuildLock lock = BuildLock.acquire(sibling("lock"), BuildLock.DEFAULT_TIMEOUT)) {
			return then.apply(update());
		}
	}

	private Update update() {
		Path record = sibling("stamps");
		Map<AssetPath, String> recorded = read(record);
		Run run = new Run(recorded);
		try {
			Files.createDirectories(this.folder);
			for (String location : this.locations) {
				for (URL root : roots(location)) {
					list(root, location, run);
				}
			}
			int removed = 0;
			for (AssetPath gone : recorded.keySet()) {
				if (!run.current.containsKey(gone) && Files.deleteIfExists(gone.resolveAgainst(this.folder))) {
					removed++;
				}
			}
			if (!run.current.equals(recorded)) {
				write(record, run.current);
			}
			return new Update(run.current.size(), run.copied, removed);
		}
		catch (IOException ex) {
			throw new AssetbustException("Cannot copy the static locations " + this + " into " + this.folder + ": "
					+ ex.getMessage(), ex);
		}
	}

	/** A file of ours beside the folder: {@code .files.lock} beside {@code files}. */
	private Path sibling(String what) {
		return this.folder.resolveSibling("." + this.folder.getFileName() + "." + what);
	}

	/** The folders a location stands for, in the order the static resource handler looks into them. */
	private List<URL> roots(String location) throws IOException {
		if (location.startsWith(ResourceUtils.CLASSPATH_URL_PREFIX)) {
			String path = location.substring(ResourceUtils.CLASSPATH_URL_PREFIX.length()).replaceFirst("^/+", "");
			ClassLoader classLoader = (this.resourceLoader.getClassLoader() != null)
					? this.resourceLoader.getClassLoader() : ClassUtils.getDefaultClassLoader();
			Enumeration<URL> roots = classLoader.getResources(path);
			return Collections.list(roots);
		}
		Resource resource = this.resourceLoader.getResource(location);
		return resource.exists() ? List.of(resource.getURL()) : List.of();
	}

	private void list(URL root, String location, Run run) throws IOException {
		if (ResourceUtils.URL_PROTOCOL_FILE.equals(root.getProtocol())) {
			listFolder(folderOf(root), location, run);
			return;
		}
		URLConnection connection = root.openConnection();
		if (connection instanceof JarURLConnection jarConnection) {
			listJar(jarConnection, location, run);
			return;
		}
		logger.warn("Cannot list the files of " + root + " (static location " + location
				+ "); they are served, but not hashed");
	}

	private static Path folderOf(URL root) throws IOException {
		try {
			return Path.of(ResourceUtils.toURI(root));
		}
		catch (URISyntaxException ex) {
			throw new IOException("Cannot read folder " + root + ": " + ex.getMessage(), ex);
		}
	}

	private void listFolder(Path root, String location, Run run) throws IOException {
		if (!Files.isDirectory(root)) {
			return;
		}
		Files.walkFileTree(root, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
				boolean refused = !dir.equals(root)
						&& assetPath(root.relativize(dir).toString().replace(dir.getFileSystem().getSeparator(), "/"),
								location) == null;
				return refused ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
				AssetPath path = assetPath(relative, location);
				if (path != null && attributes.isRegularFile()) {
					String stamp = "file " + FileStamp.of(attributes);
					run.offer(path, stamp, attributes.size(), (target) -> Files.copy(file, target,
							StandardCopyOption.REPLACE_EXISTING));
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException ex) throws IOException {
				throw ex;
			}

		});
	}

	private void listJar(JarURLConnection connection, String location, Run run) throws IOException {
		// a jar of its own, read from the file as it is now: a cached one may be of a jar since replaced
		connection.setUseCaches(false);
		try (JarFile jar = connection.getJarFile()) {
			String prefix = Objects.toString(connection.getEntryName(), "");
			if (!prefix.isEmpty() && !prefix.endsWith("/")) {
				prefix = prefix + "/";
			}
			for (JarEntry entry : Collections.list(jar.entries())) {
				if (entry.isDirectory() || !entry.getName().startsWith(prefix)) {
					continue;
				}
				AssetPath path = assetPath(entry.getName().substring(prefix.length()), location);
				if (path != null) {
					String stamp = (entry.getCrc() != -1)
							? "jar " + entry.getSize() + " " + Long.toHexString(entry.getCrc()) : null;
					run.offer(path, stamp, entry.getSize(), (target) -> {
						try (InputStream in = jar.getInputStream(entry)) {
							Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
						}
					});
				}
			}
		}
	}

	/** The asset path of a file in a location, or {@code null} for one that is left out. */
	private static AssetPath assetPath(String relative, String location) {
		if (location.equals(WEBJARS_LOCATION) && relative.startsWith(WEBJARS_FOLDER)) {
			return null;
		}
		try {
			AssetPath path = AssetPath.of(relative);
			AssetRoot.Refusal refusal = AssetRoot.refusedName(path);
			if (refusal != null) {
				logger.debug("Not copying " + path + " from " + location + ": " + refusal.reason());
				return null;
			}
			return path;
		}
		catch (InvalidAssetPathException ex) {
			logger.debug("Not copying " + ControlCharacters.escape(relative) + " from " + location + ": "
					+ ex.getMessage());
			return null;
		}
	}

	private static Map<AssetPath, String> read(Path record) {
		Map<AssetPath, String> stamps = new TreeMap<>();
		try {
			List<String> lines = Files.readAllLines(record, StandardCharsets.UTF_8);
			if (lines.isEmpty() || !lines.get(0).equals(RECORD_HEADER)) {
				return stamps;
			}
			for (String line : lines.subList(1, lines.size())) {
				int tab = line.indexOf('\t');
				stamps.put(AssetPath.of(line.substring(tab + 1)), line.substring(0, tab));
			}
			return stamps;
		}
		catch (NoSuchFileException ex) {
			return stamps;
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Cannot read " + record + " (" + ex.getMessage() + "); copying every static file again");
			return new TreeMap<>();
		}
	}

	private static void write(Path record, Map<AssetPath, String> stamps) throws IOException {
		StringBuilder text = new StringBuilder(RECORD_HEADER).append('\n');
		// asset paths hold no control characters, so a tab cannot occur in one
		stamps.forEach((path, stamp) -> text.append(stamp).append('\t').append(path).append('\n'));
		byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
		AtomicFiles.write(record, (out) -> {
			out.write(bytes);
			return null;
		});
	}

	/** Also catches a copy cut short by a crash, which the record cannot know of. */
	private static boolean hasSize(Path file, long size) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			return attributes.isRegularFile() && attributes.size() == size;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** The locations, for messages: {@code classpath:/static/, classpath:/public/}. */
	@Override
	public String toString() {
		return String.join(", ", this.locations);
	}

	/**
	 * What an update did.
	 * @param files how many files the copy holds
	 * @param copied how many it copied, new or changed
	 * @param removed how many it removed, gone from the locations
	 */
	public record Update(int files, int copied, int removed) {

	}

	@FunctionalInterface
	private interface Copy {

		void to(Path target) throws IOException;

	}

	/** One update: the files found so far, the first of each path winning. */
	private final class Run {

		private final Map<AssetPath, String> recorded;

		private final Map<AssetPath, String> current = new TreeMap<>();

		private int copied;

		Run(Map<AssetPath, String> recorded) {
			this.recorded = recorded;
		}

		void offer(AssetPath path, String stamp, long size, Copy copy) throws IOException {
			if (this.current.containsKey(path)) {
				return;
			}
			this.current.put(path, (stamp != null) ? stamp : "unknown");
			Path target = path.resolveAgainst(StaticAssetMirror.this.folder);
			if (stamp != null && stamp.equals(this.recorded.get(path)) && hasSize(target, size)) {
				return;
			}
			Path temp = AtomicFiles.newTempFile(target);
			boolean moved = false;
			try {
				copy.to(temp);
				AtomicFiles.rename(temp, target);
				moved = true;
			}
			finally {
				if (!moved) {
					AtomicFiles.deleteQuietly(temp);
				}
			}
			this.copied++;
		}

	}

}
