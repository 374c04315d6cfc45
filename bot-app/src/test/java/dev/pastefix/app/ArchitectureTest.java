package dev.pastefix.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.pastefix.core.Bot;
import dev.pastefix.core.Channel;
import dev.pastefix.core.Outcome;
import dev.pastefix.core.pipeline.Pipeline;
import dev.pastefix.core.telemetry.Telemetry;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of DESIGN.md, checked on the compiled main classes of every module the
 * application is built from (this module sees them all): a violation fails {@code mvn verify}.
 */
class ArchitectureTest {
  /** Adapters: each translates one platform and knows no other. */
  static final String[] ADAPTERS = {
    "dev.pastefix.slack..", "dev.pastefix.discord..", "dev.pastefix.teams.."
  };

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // In a full build the modules arrive as jars; bot-core's test kit as its test-jar.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.pastefix");
  }

  @Test
  void knowledgeAndCoreUseNoPlatformHttpServerOrJdbcTypes() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAnyPackage("dev.pastefix.knowledge..", "dev.pastefix.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "com.slack..",
                "net.dv8tion..",
                "org.eclipse.jetty..",
                "com.sun.net.httpserver..",
                "jakarta.servlet..",
                "javax.servlet..",
                "okhttp3..",
                "java.net.http..",
                "java.sql..",
                "javax.sql..")
            .because("adapters translate, bot-core decides, storage implements the core's ports");
    rule.check(classes);
  }

  @Test
  void adaptersReachTheKnowledgeOnlyThroughTheCore() {
    noClasses()
        .that()
        .resideInAnyPackage(ADAPTERS)
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.pastefix.knowledge..")
        .because("an adapter shows replies and entry searches of the core, not knowledge records")
        .check(classes);
  }

  @Test
  void adaptersNeverUseEachOther() {
    for (String adapter : ADAPTERS) {
      String[] others =
          Arrays.stream(ADAPTERS).filter(a -> !a.equals(adapter)).toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage(adapter)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .because("a platform is added or removed without touching the others")
          // A platform whose module is not part of this build has nothing to check.
          .allowEmptyShould(true)
          .check(classes);
    }
  }

  @Test
  void onlyTheApplicationReadsTheEnvironment() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.pastefix.app..")
        .should()
        .callMethod(System.class, "getenv")
        .orShould()
        .callMethod(System.class, "getenv", String.class)
        .because("settings are read once, at the edge, by the application's Settings")
        .check(classes);
  }

  @Test
  void onlyThePipelineIsABot() {
    classes()
        .that()
        .implement(Bot.class)
        .should()
        .be(Pipeline.class)
        .because("every message and click goes through the one front door, whose steps decide")
        .check(classes);
  }

  @Test
  void adaptersLeaveCountingMessagesToThePipeline() {
    noClasses()
        .that()
        .resideInAnyPackage(ADAPTERS)
        .should()
        .callMethod(Telemetry.class, "received", String.class, Channel.class)
        .orShould()
        .callMethod(
            Telemetry.class,
            "handled",
            String.class,
            Channel.class,
            String.class,
            Outcome.class,
            Duration.class)
        .orShould()
        .callMethod(
            Telemetry.class, "failed", String.class, Channel.class, String.class, Duration.class)
        .because("the pipeline's Measure step counts and logs every message and click once")
        .check(classes);
  }

  /** Names of members that would read a message's command words: the core's Routes does. */
  private static final Pattern COMMAND_WORD_READER =
      Pattern.compile("(?i).*(first_?word|command_?words?).*");

  @Test
  void noAdapterReadsCommandWords() {
    classes()
        .that()
        .resideInAnyPackage(ADAPTERS)
        .should(
            new ArchCondition<JavaClass>("declare no member reading command words") {
              @Override
              public void check(JavaClass type, ConditionEvents events) {
                for (JavaMember member : type.getMembers()) {
                  if (COMMAND_WORD_READER.matcher(member.getName()).matches()) {
                    events.add(SimpleConditionEvent.violated(member, member.getFullName()));
                  }
                }
              }
            })
        .because("the core's Routes is the one table of commands, the same on every platform")
        .check(classes);
  }
}
