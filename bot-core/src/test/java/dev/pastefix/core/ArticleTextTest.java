package dev.pastefix.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pastefix.core.testing.Runbooks;
import dev.pastefix.knowledge.Entry;
import dev.pastefix.knowledge.KnowledgeBase;
import dev.pastefix.knowledge.Step;
import dev.pastefix.knowledge.Translation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine on knowledge imported from articles: entries with a title, a cause, steps and literal
 * error texts, but no example phrasings. A small backup runbook written for this test stands in for
 * an imported article.
 */
class ArticleTextTest {
  private static Engine engine;

  private static Entry entry(
      String id,
      String title,
      List<String> errors,
      String cause,
      List<Step> steps,
      Map<String, Translation> translations) {
    return Runbooks.entry("backup-agent", id, title, errors, cause, steps, translations);
  }

  static KnowledgeBase backupRunbook() {
    Entry token =
        entry(
            "registration-token-expired",
            "Backup agent cannot authenticate because its registration token expired",
            List.of(
                "BKP-4012: The registration token presented by agent 'FS01' has expired and"
                    + " cannot be renewed automatically. Register the agent again."),
            "An agent's registration token is valid for 90 days. An agent that was offline when"
                + " its token was due for renewal keeps presenting the old token, and the vault"
                + " refuses it.",
            List.of(
                new Step("Create a new registration token in the backup console.", List.of()),
                new Step(
                    "Register the agent again with the new token.",
                    List.of("Register-BackupAgent -Token <token>"))),
            Map.of());
    Entry quota =
        entry(
            "vault-quota-exceeded",
            "Backups fail because the vault storage quota is exceeded",
            List.of(
                "BKP-5120: Vault 'Contoso-Daily' rejected the upload because its storage quota"
                    + " of 500 GB is exceeded"),
            "Each vault has a storage quota. Once the recovery points fill it, every new upload"
                + " to that vault is rejected until space is freed or the quota is raised.",
            List.of(
                new Step(
                    "Raise the vault quota, or delete recovery points you no longer need.",
                    List.of("Set-BackupVault -Name <vault> -QuotaGB 1000"))),
            Map.of());
    Entry battery =
        entry(
            "schedule-skipped-on-battery",
            "Scheduled backups never start on laptops running on battery",
            List.of("Backup skipped: the device is running on battery power"),
            "By default the agent does not start a scheduled backup while the device runs on"
                + " battery, so laptops that are rarely plugged in are never backed up.",
            List.of(
                new Step(
                    "Allow scheduled backups on battery power in the agent's schedule options.",
                    List.of("Set-BackupSchedule -RunOnBattery $true"))),
            Map.of(
                "fr",
                new Translation(
                    "Les sauvegardes planifiées ne démarrent jamais sur les portables sur batterie",
                    "Par défaut, l'agent ne lance pas de sauvegarde planifiée tant que l'appareil"
                        + " fonctionne sur batterie ; les portables rarement branchés ne sont"
                        + " donc jamais sauvegardés.",
                    List.of(
                        "Autorisez les sauvegardes planifiées sur batterie dans les options de"
                            + " planification de l'agent."),
                    List.of()),
                "ko",
                new Translation(
                    "배터리로 실행 중인 노트북에서 예약된 백업이 시작되지 않음",
                    "기본적으로 에이전트는 장치가 배터리로 실행되는 동안 예약된 백업을 시작하지 않으므로 전원에 거의 연결하지 않는 노트북은"
                        + " 백업되지 않습니다.",
                    List.of("에이전트의 일정 옵션에서 배터리 사용 시 예약된 백업을 허용하십시오."),
                    List.of())));
    return Runbooks.knowledge(
        "backup-agent", "Troubleshoot the backup agent", List.of(token, quota, battery));
  }

  @BeforeAll
  static void build() {
    engine = Engine.create(backupRunbook());
  }

  private static List<String> found(String text, Channel channel) {
    return engine.diagnose(text, channel).findingIds();
  }

  @Test
  void answersAWholePasteOfAnErrorTextEvenInAChannel() {
    String paste =
        "BKP-4012: The registration token presented by agent 'FS01' has expired and cannot be"
            + " renewed automatically. Register the agent again.";
    assertEquals(List.of("registration-token-expired"), found(paste, Channel.CHANNEL));
    assertEquals(List.of("registration-token-expired"), found(paste, Channel.DIRECT));
  }

  @Test
  void answersAPasteCutShortAndWrappedOverTwoLines() {
    String paste =
        "14:02:11 agent log:\nBKP-4012: The registration token presented by agent 'NAS-02'\nhas"
            + " expired and cannot be renewed";
    assertEquals(List.of("registration-token-expired"), found(paste, Channel.CHANNEL));
  }

  @Test
  void answersAPasteWithOtherNamesAndNumbers() {
    String paste =
        "upload failed overnight:\n"
            + "BKP-5120: Vault 'finance-weekly' rejected the upload because its storage quota of"
            + " 750 GB is exceeded";
    assertEquals(List.of("vault-quota-exceeded"), found(paste, Channel.CHANNEL));
  }

  @Test
  void aLookAlikeErrorThatDepartsFromTheKnownTextIsSomeoneElses() {
    String paste =
        "BKP-5120: Vault 'finance-weekly' rejected the upload because the network path was not"
            + " found on the gateway";
    assertTrue(found(paste, Channel.CHANNEL).isEmpty());
  }

  @Test
  void answersAQuestionInTheAdminsOwnWords() {
    assertEquals(
        List.of("schedule-skipped-on-battery"),
        found(
            "why do the scheduled backups never run on our laptops when they're not plugged in?",
            Channel.DIRECT));
  }

  @Test
  void answersFrenchAndKoreanQuestionsFromTheTranslations() {
    assertEquals(
        List.of("schedule-skipped-on-battery"),
        found(
            "Pourquoi les sauvegardes planifiées ne démarrent jamais sur nos portables sur"
                + " batterie ?",
            Channel.DIRECT));
    assertEquals(
        List.of("schedule-skipped-on-battery"),
        found("노트북이 배터리로 실행 중일 때 예약된 백업이 시작되지 않아요. 왜 그런가요?", Channel.DIRECT));
  }

  @Test
  void staysSilentOnChatterInAChannel() {
    for (String chatter :
        List.of(
            "lunch at the new place downstairs?",
            "thanks, the backup went through after I plugged the laptop in",
            "standup moved to 10:30 tomorrow")) {
      assertInstanceOf(Outcome.Silent.class, engine.diagnose(chatter, Channel.CHANNEL), chatter);
    }
  }
}
