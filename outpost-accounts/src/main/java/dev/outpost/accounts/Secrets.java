package dev.outpost.accounts;

import dev.outpost.core.audit.AuditEvent;
import dev.outpost.core.audit.AuditLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * Connector credentials and webhook secrets, encrypted at rest with AES-256-GCM. The keys live in a
 * key file outside the database (one {@code ID BASE64KEY} per line, the last one in use), so a
 * database dump alone reveals no secret. {@link #rotate} adds a key and re-encrypts every secret;
 * older keys stay in the file so that a copy still holding old ciphertext can be read.
 */
public final class Secrets {
  /** How a setting refers to a stored secret: {@code secret:NAME}. */
  public static final String PREFIX = "secret:";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final SecureRandom RANDOM = new SecureRandom();
  private final DataSource db;
  private final Path keyFile;
  private final Clock clock;
  private final AuditLog audit;

  /** Opens the key file, creating it (readable by its owner only) with a first key if absent. */
  public Secrets(DataSource db, Path keyFile, Clock clock, AuditLog audit) {
    this.db = db;
    this.keyFile = keyFile;
    this.clock = clock;
    this.audit = audit;
    if (!Files.exists(keyFile)) {
      addKey();
    }
    keys(); // fails early on an unreadable file
  }

  /** Stores (or replaces) a secret. The value is never logged nor returned by any listing. */
  public void set(String name, String value, String actor) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "secret name must be 1 to 100 letters, digits, '.', '_' or '-', was '" + name + "'");
    }
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("secret '" + name + "' has an empty value");
    }
    Map.Entry<String, byte[]> key = current();
    byte[] nonce = new byte[12];
    RANDOM.nextBytes(nonce);
    byte[] ct =
        crypt(
            Cipher.ENCRYPT_MODE,
            key.getValue(),
            nonce,
            name,
            value.getBytes(StandardCharsets.UTF_8));
    Sql.exec(
        db,
        "INSERT INTO secrets (name, key_id, nonce, ciphertext, updated_at)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET key_id = excluded.key_id,"
            + " nonce = excluded.nonce, ciphertext = excluded.ciphertext,"
            + " updated_at = excluded.updated_at",
        name,
        key.getKey(),
        nonce,
        ct,
        Timestamp.from(clock.instant()));
    audit.record(AuditEvent.of(clock.instant(), actor, "secret.set", "secret:" + name));
  }

  /** A secret's value, for the code that uses it (a connector's token); never for display. */
  public Optional<String> get(String name) {
    Sql.Row row = Sql.one(db, "SELECT key_id, nonce, ciphertext FROM secrets WHERE name = ?", name);
    if (row == null) {
      return Optional.empty();
    }
    byte[] key = keys().get(row.string(0));
    if (key == null) {
      throw new IllegalStateException(
          "secret '"
              + name
              + "' is encrypted with key "
              + row.string(0)
              + ", which is not in "
              + keyFile);
    }
    byte[] plain = crypt(Cipher.DECRYPT_MODE, key, row.bytes(1), name, row.bytes(2));
    return Optional.of(new String(plain, StandardCharsets.UTF_8));
  }

  /**
   * A setting's value: {@code secret:NAME} is replaced by that secret; anything else is returned as
   * it is.
   *
   * @throws IllegalArgumentException when the named secret does not exist
   */
  public String resolve(String setting) {
    if (setting == null || !setting.startsWith(PREFIX)) {
      return setting;
    }
    String name = setting.substring(PREFIX.length());
    return get(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "secret '" + name + "' is not set; store it with: outpost secret set " + name));
  }

  /** The names of the stored secrets, never their values. */
  public List<String> names() {
    return Sql.all(db, "SELECT name FROM secrets ORDER BY name").stream()
        .map(r -> r.string(0))
        .toList();
  }

  public boolean delete(String name, String actor) {
    boolean gone = Sql.one(db, "DELETE FROM secrets WHERE name = ? RETURNING name", name) != null;
    if (gone) {
      audit.record(AuditEvent.of(clock.instant(), actor, "secret.delete", "secret:" + name));
    }
    return gone;
  }

  /**
   * Adds a new key and re-encrypts every secret with it, one secret at a time (each stays readable
   * throughout, so a running server keeps working). Returns the number re-encrypted.
   */
  public int rotate(String actor) {
    addKey();
    int n = 0;
    for (String name : names()) {
      Optional<String> value = get(name);
      if (value.isPresent()) {
        Map.Entry<String, byte[]> key = current();
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        byte[] ct =
            crypt(
                Cipher.ENCRYPT_MODE,
                key.getValue(),
                nonce,
                name,
                value.get().getBytes(StandardCharsets.UTF_8));
        Sql.exec(
            db,
            "UPDATE secrets SET key_id = ?, nonce = ?, ciphertext = ? WHERE name = ?",
            key.getKey(),
            nonce,
            ct,
            name);
        n++;
      }
    }
    audit.record(
        new AuditEvent(
            clock.instant(),
            actor,
            "secret.rotate",
            "secrets",
            Map.of("reencrypted", Integer.toString(n), "key", current().getKey())));
    return n;
  }

  private static byte[] crypt(int mode, byte[] key, byte[] nonce, String name, byte[] in) {
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
      c.updateAAD(
          name.getBytes(StandardCharsets.UTF_8)); // a ciphertext moved to another name fails
      return c.doFinal(in);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "secret '"
              + name
              + "' could not be "
              + (mode == Cipher.ENCRYPT_MODE ? "encrypted" : "decrypted (wrong key file?)"),
          e);
    }
  }

  private Map.Entry<String, byte[]> current() {
    return new ArrayList<>(keys().entrySet()).getLast();
  }

  private Map<String, byte[]> keys() {
    try {
      Map<String, byte[]> keys = new LinkedHashMap<>();
      for (String line : Files.readAllLines(keyFile, StandardCharsets.UTF_8)) {
        String[] parts = line.strip().split("\\s+");
        if (parts.length == 2) {
          keys.put(parts[0], Base64.getDecoder().decode(parts[1]));
        }
      }
      if (keys.isEmpty()) {
        throw new IllegalStateException("the secrets key file " + keyFile + " holds no key");
      }
      return keys;
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot read the secrets key file " + keyFile + ": " + e, e);
    }
  }

  private void addKey() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    String id = "k" + clock.instant().toEpochMilli();
    String line = id + " " + Base64.getEncoder().encodeToString(key) + "\n";
    try {
      if (!Files.exists(keyFile)) {
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        Files.createFile(keyFile);
        try {
          Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: rely on the directory's permissions
        }
      }
      Files.writeString(keyFile, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the secrets key file " + keyFile + ": " + e, e);
    }
  }
}
