package dev.pastefix.core.classify;

import dev.pastefix.core.text.NormalisedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Services whose errors share words with this knowledge base's errors (Exchange Online, Security &
 * Compliance, on-premises remoting, kubectl, Java TLS, Azure AD sign-in, Skype for Business
 * Server), read from {@code lookalikes.txt}. A message that names one of them and nothing of Skype
 * for Business Online is not this bot's problem. Immutable.
 */
public final class LookAlikes {
  static final String OURS = "ours";

  private record Marker(String service, String kind, String value) {}

  private final List<Marker> markers;
  private final boolean remoteHostsRule;

  LookAlikes(List<String> lines) {
    List<Marker> parsed = new ArrayList<>();
    for (String line : lines) {
      String[] parts = line.split("\\|");
      if (parts.length != 3) {
        throw new IllegalArgumentException(
            "look-alike line needs 'service | kind | value': " + line);
      }
      String kind = parts[1].strip();
      if (!kind.equals("host") && !kind.equals("cmdlet") && !kind.equals("phrase")) {
        throw new IllegalArgumentException("unknown look-alike kind '" + kind + "' in: " + line);
      }
      parsed.add(new Marker(parts[0].strip(), kind, parts[2].strip().toLowerCase(Locale.ROOT)));
    }
    this.markers = List.copyOf(parsed);
    this.remoteHostsRule = true;
  }

  /**
   * These look-alikes without the markers that {@code kb}'s own entries use: an organisation that
   * imported its Exchange Online runbooks has made Exchange Online errors its own problems.
   */
  public LookAlikes notUsedBy(dev.pastefix.knowledge.KnowledgeBase kb) {
    StringBuilder all = new StringBuilder();
    for (dev.pastefix.knowledge.Entry e : kb.entries()) {
      all.append(e.title()).append('\n').append(e.cause()).append('\n');
      for (dev.pastefix.knowledge.Symptom s : e.symptoms()) {
        all.append(s.source()).append('\n');
      }
      for (dev.pastefix.knowledge.Step s : e.steps()) {
        all.append(s.text()).append('\n');
        s.commands().forEach(c -> all.append(c).append('\n'));
      }
    }
    String text = all.toString().toLowerCase(Locale.ROOT);
    List<Marker> kept = new ArrayList<>();
    boolean oursKnown = false;
    boolean oursNamed = false;
    for (Marker m : markers) {
      if (m.service.equals(OURS) || !text.contains(m.value)) {
        kept.add(m);
      }
      oursKnown |= m.service.equals(OURS) && m.kind.equals("host") && text.contains(m.value);
      oursNamed |= m.service.equals(OURS) && text.contains(m.value);
    }
    if (!oursNamed) {
      // Knowledge that never names the service these look-alikes imitate has none of them.
      kept.clear();
    }
    // A PowerShell session to another host is someone else's only when the knowledge is about
    // the hosts of ours at all; runbooks of other services name hosts of their own.
    return kept.size() == markers.size() && oursKnown == remoteHostsRule
        ? this
        : new LookAlikes(kept, oursKnown);
  }

  private LookAlikes(List<Marker> markers, boolean remoteHostsRule) {
    this.markers = List.copyOf(markers);
    this.remoteHostsRule = remoteHostsRule;
  }

  /** The list shipped with the engine. */
  public static LookAlikes shipped() {
    return new LookAlikes(Resources.lines("lookalikes.txt"));
  }

  /** Whether the message names Skype for Business Online (its hosts, cmdlets or module). */
  public boolean namesOurService(NormalisedText text) {
    return markers.stream().filter(m -> m.service.equals(OURS)).anyMatch(m -> present(m, text));
  }

  /**
   * The other service the message belongs to, when it names one and nothing of Skype for Business
   * Online. A PowerShell session to a remote host that is not one of ours (an on-premises server,
   * say) counts as another service too.
   */
  public Optional<String> otherService(NormalisedText text) {
    List<String> remote = text.facts().remoteHosts();
    // The host PowerShell connected to outweighs words: "sfbfe01.contoso.local" is not ours.
    boolean remoteIsOurs = remote.stream().anyMatch(this::isOurHost);
    if (remoteIsOurs || (remote.isEmpty() && namesOurService(text))) {
      return Optional.empty();
    }
    Optional<String> named =
        markers.stream()
            .filter(m -> !m.service.equals(OURS))
            .filter(m -> present(m, text))
            .map(Marker::service)
            .findFirst();
    if (named.isPresent()) {
      return named;
    }
    if (!remoteHostsRule) {
      return Optional.empty();
    }
    return remote.stream()
        .findFirst()
        .map(host -> "a remote PowerShell session to " + host + " (not Skype for Business Online)");
  }

  private boolean isOurHost(String host) {
    return markers.stream()
        .filter(m -> m.service.equals(OURS) && m.kind.equals("host"))
        .anyMatch(m -> host.equals(m.value) || host.endsWith("." + m.value));
  }

  private static boolean present(Marker marker, NormalisedText text) {
    switch (marker.kind) {
      case "host":
        for (List<String> hosts : List.of(text.facts().hosts(), text.facts().remoteHosts())) {
          for (String host : hosts) {
            if (host.equals(marker.value) || host.endsWith("." + marker.value)) {
              return true;
            }
          }
        }
        return false;
      case "cmdlet":
        for (String cmdlet : text.facts().cmdlets()) {
          if (cmdlet.toLowerCase(Locale.ROOT).equals(marker.value)) {
            return true;
          }
        }
        return false;
      default:
        return text.lower().contains(marker.value);
    }
  }
}
