package dev.pastefix.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The knowledge base as shipped: valid, and exactly the 24 ids of the id list. */
class ShippedKnowledgeTest {
  static final List<String> CONNECTOR_IDS =
      List.of(
          "execution-policy",
          "powershell-version",
          "winrm-basic-auth",
          "liveid-connect-failed",
          "liveid-module-missing",
          "logon-failed",
          "tenant-permission",
          "remote-powershell-disabled",
          "max-shells-user",
          "max-shells-tenant",
          "session-timeout");

  static final List<String> SIGN_IN_IDS =
      List.of(
          "server-trust-prompt",
          "mistyped-credentials",
          "forgotten-password",
          "not-licensed",
          "wrong-client-version",
          "personal-certificate",
          "dns-propagation",
          "clock-skew",
          "signin-address-not-found",
          "server-unavailable-dns",
          "server-unavailable-adfs",
          "user-not-sip-enabled",
          "collect-logs");

  private static KnowledgeBase kb;

  @BeforeAll
  static void load() throws InvalidKnowledgeException {
    kb = new KnowledgeLoader().loadShipped();
  }

  @Test
  void holdsExactlyTheTwentyFourIds() {
    Set<String> expected = new TreeSet<>(CONNECTOR_IDS);
    expected.addAll(SIGN_IN_IDS);
    assertEquals(24, expected.size());
    List<String> ids = kb.entries().stream().map(Entry::id).toList();
    assertEquals(24, ids.size(), ids::toString);
    assertEquals(expected, new TreeSet<>(ids));
  }

  @Test
  void eachEntryComesFromItsArticle() {
    assertEquals(List.of("connector", "sign-in"), kb.articles().stream().map(Article::id).toList());
    for (String id : CONNECTOR_IDS) {
      assertEquals("connector", kb.entry(id).orElseThrow().articleId(), id);
    }
    for (String id : SIGN_IN_IDS) {
      assertEquals("sign-in", kb.entry(id).orElseThrow().articleId(), id);
    }
  }

  @Test
  void shippedFilesAreListedInTheIndex() throws InvalidKnowledgeException {
    assertEquals(List.of("connector.yaml", "sign-in.yaml"), new KnowledgeLoader().shippedFiles());
  }

  @Test
  void tenantLimitIsTwentyAndSessionsAreClosedWithRemovePsSession() {
    Entry entry = kb.entry("max-shells-tenant").orElseThrow();
    String facts =
        entry.facts().stream()
            .map(f -> f.name() + "=" + f.value())
            .collect(Collectors.joining(";"));
    assertTrue(facts.contains("20"), facts);
    assertTrue(
        entry.steps().stream()
            .anyMatch(s -> s.commands().stream().anyMatch(c -> c.contains("Remove-PSSession"))),
        entry.steps()::toString);
    assertTrue(entry.source().url().toString().contains("#"), entry.source().url()::toString);
  }

  @Test
  void everyTranslationHasOneStepPerStep() {
    for (Entry entry : kb.entries()) {
      entry
          .translations()
          .forEach(
              (lang, t) ->
                  assertEquals(entry.steps().size(), t.steps().size(), entry.id() + " " + lang));
    }
  }

  @Test
  void lifecycleNotesTellOfTheRetirementAndTheLiveIdDeprecation() {
    String retirement =
        kb.article("connector").orElseThrow().lifecycle().stream()
            .map(LifecycleNote::text)
            .collect(Collectors.joining("\n"));
    assertTrue(retirement.contains("retired") && retirement.contains("2021"), retirement);
    String liveId =
        kb.entry("liveid-connect-failed").orElseThrow().lifecycle().stream()
            .map(LifecycleNote::text)
            .collect(Collectors.joining("\n"));
    assertTrue(liveId.contains("Live ID") && liveId.contains("deprecated"), liveId);
    assertFalse(kb.entry("liveid-connect-failed").orElseThrow().changes().isEmpty());
  }
}
