package io.github.assetbust.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.github.assetbust.core.path.AssetPath;
import io.github.assetbust.core.path.AssetRoot;
import io.github.assetbust.core.path.HashedName;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The folders asset files are served from, in order: the first one with a file at a path has it,
 * as when Spring's resource handler serves the path. Every lookup follows {@link AssetRoot}'s
 * rule: no dotfile, no link, nothing reached through a link out of the folder, in a file-system
 * root and in a class path folder on disk alike (a jar holds no links). Hashed copies, their
 * precompressed variants, originals under a build root and the live files of dynamic mode are all
 * found here, so no path serves what another refuses.
 */
public final class AssetLocations {

	private final List<Location> locations;

	private AssetLocations(List<Location> locations) {
		this.locations = List.copyOf(locations);
	}

	/** An asset root on the file system, such as {@code assetbust.build.root}. */
	public static AssetLocations root(Path root) {
		Path absolute = root.toAbsolutePath().normalize();
		return new AssetLocations(List.of(new Location(absolute + "/", new FileSystemResource(absolute + "/"),
				AssetRoot.serving(absolute))));
	}

	/**
	 * Spring resource locations such as {@code classpath:/static/}, read as Spring Boot's static
	 * resource handler reads them.
	 */
	public static AssetLocations of(List<String> locations, ResourceLoader resourceLoader) {
		List<Location> folders = new ArrayList<>();
		for (String location : locations) {
			String folder = location.endsWith("/") ? location : location + "/";
			folders.add(new Location(folder, resourceLoader.getResource(folder), null));
		}
		return new AssetLocations(folders);
	}

	/** These locations, then {@code others}. */
	public AssetLocations then(AssetLocations others) {
		List<Location> all = new ArrayList<>(this.locations);
		all.addAll(others.locations);
		return new AssetLocations(all);
	}

	/**
	 * The file at {@code path} in the first location that has one the rule allows, or
	 * {@code null}. A file on disk comes back as a resource whose siblings (the precompressed
	 * variants Spring looks up with {@code createRelative}) follow the rule too.
	 */
	public Resource find(AssetPath path) {
		if (AssetRoot.refusedName(path) != null) {
			return null;
		}
		for (Location location : this.locations) {
			Resource file = location.find(path);
			if (file != null) {
				return file;
			}
		}
		return null;
	}

	/** The file at {@code path}, a root-relative URL path already decoded; {@code null} if none. */
	public Resource find(String path) {
		try {
			return find(AssetPath.of(path));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** Whether a file the rule allows is at {@code path}, a root-relative URL path already decoded. */
	public boolean has(String path) {
		return find(path) != null;
	}

	/**
	 * Whether {@code path} is named like a hashed copy of a file here, with a digest of
	 * {@code digestLength} hex characters: {@code css/main-<md5>.css} where {@code css/main.css} is
	 * a file. Dynamic mode serves such a path from the file while the digest is still its own.
	 */
	public boolean hasOriginalOf(String path, int digestLength) {
		try {
			return new HashedName(digestLength).parse(AssetPath.of(path))
				.map((parsed) -> find(parsed.original()) != null)
				.orElse(false);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/** The folders, in lookup order. */
	public List<Resource> folders() {
		return this.locations.stream().map(Location::folder).toList();
	}

	/** The locations as configured, for messages: {@code classpath:/static/, classpath:/public/}. */
	@Override
	public String toString() {
		return this.locations.stream().map(Location::name).collect(Collectors.joining(", "));
	}

	/**
	 * One folder.
	 * @param root the folder as a file-system root; {@code null} for Spring locations, which may
	 * span several class path entries
	 */
	private record Location(String name, Resource folder, AssetRoot root) {

		Resource find(AssetPath path) {
			return (this.root != null) ? RootedFileResource.of(this.root, path) : findRelative(path);
		}

		private Resource findRelative(AssetPath path) {
			try {
				Resource file = this.folder.createRelative(path.toString());
				if (file.isFile()) {
					// a class path folder on disk (target/classes): the same rule as any root
					return RootedFileResource.of(AssetRoot.serving(rootOf(file.getFile().toPath(), path)), path);
				}
				// isReadable() is false for folders, in a jar as on disk
				return (file.exists() && file.isReadable()) ? file : null;
			}
			catch (IOException ex) {
				return null;
			}
		}

		/** The folder {@code file} is {@code path} under: {@code /app/static} for {@code /app/static/css/x.css}. */
		private static Path rootOf(Path file, AssetPath path) {
			Path root = file;
			for (int segments = path.toString().split("/").length; segments > 0; segments--) {
				root = root.getParent();
			}
			return root;
		}

	}

}
