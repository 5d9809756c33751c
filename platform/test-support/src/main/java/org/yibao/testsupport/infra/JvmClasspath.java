package org.yibao.testsupport.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The class path of this JVM, spelled out so that a child JVM (the Kafka broker) can run from the
 * same jars. Surefire hides it behind a manifest-only jar, and {@code java -jar} behind the jar's
 * Class-Path manifest entry; both are unfolded here.
 */
final class JvmClasspath {

    private JvmClasspath() {
    }

    static String current() {
        String surefire = System.getProperty("surefire.test.class.path");
        if (surefire != null && !surefire.isBlank()) {
            return surefire;
        }
        String classpath = System.getProperty("java.class.path");
        List<String> entries = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            entries.add(entry);
            if (entry.endsWith(".jar")) {
                entries.addAll(manifestClassPath(Path.of(entry)));
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static List<String> manifestClassPath(Path jar) {
        List<String> entries = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String value = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (value != null) {
                Path base = jar.toAbsolutePath().getParent();
                for (String relative : value.trim().split("\\s+")) {
                    if (!relative.isEmpty()) {
                        entries.add(base.resolve(relative).normalize().toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifest of " + jar, e);
        }
        return entries;
    }
}
