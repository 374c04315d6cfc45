package dev.pastefix.core.check;

import dev.pastefix.knowledge.Article;
import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.LifecycleNote;
import dev.pastefix.knowledge.Source;
import dev.pastefix.knowledge.Step;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small knowledge base with the entries the checks point at, built in memory. */
final class TestingKnowledge {
  static final URI ARTICLE = URI.create("https://learn.example.test/connector");

  private TestingKnowledge() {}

  static KnowledgeBase base() {
    Article article =
        new Article(
            "connector",
            "Diagnose connection problems",
            ARTICLE,
            List.of(),
            List.of(
                new LifecycleNote(
                    LifecycleNote.Severity.WARNING,
                    "Skype for Business Online was retired on 31 July 2021.",
                    Optional.empty())));
    return new KnowledgeBase(
        List.of(article),
        List.of(
            entry(
                "execution-policy",
                "Import-Module fails: running scripts is disabled",
                "The connector module cannot be imported unless the execution policy is"
                    + " RemoteSigned.",
                new Step(
                    "Start PowerShell as an administrator and run:",
                    List.of("Set-ExecutionPolicy RemoteSigned")),
                "execution-policy"),
            entry(
                "server-unavailable-dns",
                "Server is temporarily unavailable (DNS)",
                "The CNAME record sip -> sipdir.online.lync.com is missing for the custom domain.",
                new Step("Ask the registrar to add the CNAME record.", List.of()),
                "dns"),
            entry(
                "dns-propagation",
                "DNS changes not propagated yet",
                "DNS changes can take up to 72 hours to be reflected throughout the system.",
                new Step("Advise the user to sign in later.", List.of()),
                "dns"),
            entry(
                "clock-skew",
                "System clock out of sync with server clock",
                "The clock of the computer differs from the server's.",
                new Step(
                    "Ensure the domain controller syncs with a reliable external time source.",
                    List.of()),
                "clock")));
  }

  private static Entry entry(String id, String title, String cause, Step step, String check) {
    return new Entry(
        id,
        "connector",
        title,
        new Source(URI.create(ARTICLE + "#" + id), id, List.of("001.txt"), "2021-03"),
        List.of(),
        cause,
        List.of(step),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(
            new LifecycleNote(
                LifecycleNote.Severity.WARNING,
                "Skype for Business Online was retired on 31 July 2021.",
                Optional.empty())),
        Map.of(),
        Optional.of(check));
  }
}
