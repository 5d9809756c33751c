package org.yibao.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The RSA keys the identity service signs tokens with. Rotation without a single refused call: add the new
 * key file to every instance (it is published at once at /oauth2/jwks, so the gateway and services learn it), then make it the
 * signing key, then remove the old file once the last token it signed has expired.
 */
public final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final String SUFFIX = ".jwk.json";

    private final RSAKey signing;
    private final JWKSet publicKeys;

    private SigningKeys(List<RSAKey> keys, RSAKey signing) {
        this.signing = signing;
        this.publicKeys = new JWKSet(keys.stream().<JWK>map(RSAKey::toPublicJWK).toList());
    }

    public static SigningKeys load(IdentityProperties properties) {
        Path dir = properties.getKeysDir();
        if (dir == null) {
            log.warn("yibao.identity.keys-dir is not set: signing with a key made in memory; tokens stop working when the identity service restarts");
            RSAKey key = generate("memory-" + timestamp());
            return new SigningKeys(List.of(key), key);
        }
        List<RSAKey> keys = readOrMakeFirst(dir);
        String wanted = properties.getSigningKeyId();
        RSAKey signing = wanted == null ? keys.get(keys.size() - 1) : keys.stream()
                .filter(k -> k.getKeyID().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalStateException("yibao.identity.signing-key-id " + wanted + " is not among the keys in "
                        + dir + ": " + keys.stream().map(JWK::getKeyID).toList()));
        log.info("signing tokens with key {}; publishing {}", signing.getKeyID(), keys.stream().map(JWK::getKeyID).toList());
        return new SigningKeys(keys, signing);
    }

    /**
     * The keys in the folder, the first made when there is none. Several instances share one folder (the local platform's
     * {@code --instances}, a Kubernetes Secret): a key is written whole under a temporary name and then renamed, so no
     * reader sees half of one; only when there is none does an instance take a file lock, read again and make the first, so
     * that every instance signs with, and publishes, the same key. A folder holding keys is only read (a Secret's is
     * read-only).
     */
    private static List<RSAKey> readOrMakeFirst(Path dir) {
        List<RSAKey> found = read(dir);
        if (!found.isEmpty()) {
            return found;
        }
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(dir.resolve(".keys.lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock ignored = channel.lock()) {
            found = read(dir);
            if (found.isEmpty()) {
                RSAKey key = generate("key-" + timestamp());
                write(dir, key);
                log.info("made signing key {} in {}", key.getKeyID(), dir);
                found = List.of(key);
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the first signing key in " + dir, e);
        }
    }

    public RSAKey signing() {
        return signing;
    }

    /** Every key's public part, published at /oauth2/jwks. */
    public JWKSet publicKeys() {
        return publicKeys;
    }

    private static List<RSAKey> read(Path dir) {
        try {
            Files.createDirectories(dir);
            List<RSAKey> keys = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                        .sorted(Comparator.comparing(f -> f.getFileName().toString())).toList()) {
                    keys.add(parse(file));
                }
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing keys in " + dir, e);
        }
    }

    private static RSAKey parse(Path file) throws IOException {
        JWK jwk;
        try {
            jwk = JWK.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new IllegalStateException(file + " is not a JSON Web Key: " + e.getMessage(), e);
        }
        if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate()) {
            throw new IllegalStateException(file + " must hold a private RSA key");
        }
        String expectedId = file.getFileName().toString().replace(SUFFIX, "");
        if (!expectedId.equals(rsa.getKeyID())) {
            throw new IllegalStateException(file + ": its kid is " + rsa.getKeyID() + " but the file name says " + expectedId);
        }
        return rsa;
    }

    private static void write(Path dir, RSAKey key) {
        Path file = dir.resolve(key.getKeyID() + SUFFIX);
        Path partial = dir.resolve(key.getKeyID() + ".partial");
        try {
            java.util.Set<java.nio.file.OpenOption> options = java.util.Set.of(java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE);
            java.nio.file.attribute.FileAttribute<?>[] ownerOnly;
            try {
                // made readable by the owner only from the start, not chmod-ed after it was written
                ownerOnly = new java.nio.file.attribute.FileAttribute<?>[] {
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
                Files.newByteChannel(partial, options, ownerOnly).close();
            } catch (UnsupportedOperationException notPosix) {
                ownerOnly = new java.nio.file.attribute.FileAttribute<?>[0]; // the directory's own protection applies
            }
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(partial,
                    java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.CREATE)) {
                channel.write(java.nio.ByteBuffer.wrap(key.toJSONString().getBytes(StandardCharsets.UTF_8)));
                channel.force(true); // on disk before it is renamed into place
            }
            Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a signing key to " + dir, e);
        }
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String timestamp() {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    }
}
