package dev.pastefix.core.classify;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The layout of a stored model: a magic line, the fingerprint it was trained for, the SHA-256 of
 * the model bytes and the bytes themselves. A file that was cut short, altered or written for other
 * knowledge does not {@link #open open}.
 */
final class ModelFile {
  static final String MAGIC = "pastefix-model/1";

  /** Larger than any model a knowledge file of 2 MB could produce; guards the allocation. */
  static final int MAX_MODEL_BYTES = 512 * 1024 * 1024;

  private ModelFile() {}

  static byte[] wrap(String fingerprint, byte[] model) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(model.length + 128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(MAGIC);
      out.writeUTF(fingerprint);
      out.write(sha256(model));
      out.writeInt(model.length);
      out.write(model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The model bytes, when {@code file} is intact and was written for {@code fingerprint}. */
  static Optional<byte[]> open(String fingerprint, byte[] file) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(file))) {
      if (!MAGIC.equals(in.readUTF()) || !fingerprint.equals(in.readUTF())) {
        return Optional.empty();
      }
      byte[] digest = in.readNBytes(32);
      int length = in.readInt();
      if (length < 0 || length > MAX_MODEL_BYTES || length != in.available()) {
        return Optional.empty();
      }
      byte[] model = in.readNBytes(length);
      return Arrays.equals(digest, sha256(model)) ? Optional.of(model) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static byte[] sha256(byte[] data) {
    return digest().digest(data);
  }

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
