package dev.pastefix.core.text;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Structured facts found in a message: cmdlets in order of appearance, FullyQualifiedErrorIds, host
 * names, the remote hosts PowerShell says it connected to, the first sign-in address and its
 * domain, the language of the prose ({@code en}, {@code fr} or {@code ko}), and the fragments the
 * writer put in quotes or backticks (lower case, whitespace collapsed): often part of an error; and
 * whether the message holds an error record (PowerShell's error framing, an exception) rather than
 * words alone.
 */
public record MessageFacts(
    List<String> cmdlets,
    List<String> errorIds,
    List<String> hosts,
    List<String> remoteHosts,
    Optional<String> signInAddress,
    String lang,
    List<String> quoted,
    boolean errorRecord) {
  public MessageFacts {
    cmdlets = List.copyOf(cmdlets);
    errorIds = List.copyOf(errorIds);
    hosts = List.copyOf(hosts);
    remoteHosts = List.copyOf(remoteHosts);
    Objects.requireNonNull(signInAddress, "signInAddress");
    Objects.requireNonNull(lang, "lang");
    quoted = List.copyOf(quoted);
  }

  /** Facts of a message without an error record. */
  public MessageFacts(
      List<String> cmdlets,
      List<String> errorIds,
      List<String> hosts,
      List<String> remoteHosts,
      Optional<String> signInAddress,
      String lang,
      List<String> quoted) {
    this(cmdlets, errorIds, hosts, remoteHosts, signInAddress, lang, quoted, false);
  }

  /** The domain of the sign-in address, such as {@code contoso.com}. */
  public Optional<String> signInDomain() {
    return signInAddress.map(address -> address.substring(address.indexOf('@') + 1));
  }

  /** Facts of a message with nothing in it. */
  public static MessageFacts none() {
    return new MessageFacts(
        List.of(), List.of(), List.of(), List.of(), Optional.empty(), "en", List.of());
  }
}
