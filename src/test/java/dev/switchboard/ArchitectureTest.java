package dev.switchboard;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import dev.switchboard.ops.Operations;
import dev.switchboard.ops.OperationsBuilder;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.switchboard.ops.Policy;
import dev.switchboard.ops.PolicyFile;

/**
 * The package arrows of STYLE.md's layout, as a test: {@code chat.webex}/{@code chat.slack} → {@code chat},
 * {@code ops} → {@code command}, {@code calling}; {@code app} wires everything. Main classes only: tests may
 * reach anywhere (the simulator above all). Rules are {@code @ArchTest} methods, not fields: Surefire 3.5.3
 * does not run {@code @ArchTest} fields (TNG/ArchUnit#1442).
 */
@AnalyzeClasses(packages = "dev.switchboard", importOptions = ImportOption.DoNotIncludeTests.class)
final class ArchitectureTest {

  private static final String APP = "dev.switchboard.app..";
  private static final String CONFIG = "dev.switchboard.config..";
  private static final String COMMAND = "dev.switchboard.command..";
  private static final String OPS = "dev.switchboard.ops..";
  private static final String CALLING = "dev.switchboard.calling..";
  private static final String CHAT = "dev.switchboard.chat..";
  private static final String CHAT_NEUTRAL = "dev.switchboard.chat";
  private static final String WEBEX = "dev.switchboard.chat.webex..";
  private static final String SLACK = "dev.switchboard.chat.slack..";
  private static final String SIM = "dev.switchboard.sim..";
  private static final String WEBEX_SOCKET = "dev.switchboard.chat.webex.socket..";
  private static final String STORE = "dev.switchboard.store..";

  @ArchTest
  void command_usesOnlyJavaAndThePhoneNumberLibrary(JavaClasses classes) {
    classes().that().resideInAPackage(COMMAND)
        .should().onlyDependOnClassesThat().resideInAnyPackage(COMMAND, "java..", "com.google.i18n.phonenumbers..")
        .because("command is the pure grammar: it uses nothing of ours, no I/O, no Javalin, no JSON"
            + " (libphonenumber normalises numbers to E.164 as the user types them)")
        .check(classes);
  }

  @ArchTest
  void calling_knowsNoBusinessRuleChatOrCommand(JavaClasses classes) {
    noClasses().that().resideInAPackage(CALLING)
        .should().dependOnClassesThat().resideInAnyPackage(OPS, CHAT, COMMAND, APP, SIM, CONFIG)
        .because("calling is only the Webex REST client: what a change means belongs to ops")
        .check(classes);
  }

  @ArchTest
  void ops_knowsNoPlatform(JavaClasses classes) {
    noClasses().that().resideInAPackage(OPS)
        .should().dependOnClassesThat().resideInAnyPackage(CHAT, APP, SIM, CONFIG, "io.javalin..")
        .because("ops carries out commands for any front end: it uses command and calling, and Reply,"
            + " Requester and Announcer are its own API")
        .check(classes);
  }

  @ArchTest
  void ops_reachesSchedulingOnlyThroughItsWiring(JavaClasses classes) {
    noClasses().that().resideInAPackage("dev.switchboard.ops")
        .and(not(belongToAnyOf(Operations.class, OperationsBuilder.class)))
        .should().dependOnClassesThat().resideInAPackage("dev.switchboard.ops.schedule..")
        .because("scheduling is built on the operations (the write step, undo, audit), not the other way round;"
            + " only the wiring and the dispatcher know it")
        .check(classes);
  }

  @ArchTest
  void ops_hasNoMethodReturningObject(JavaClasses classes) {
    methods().that().areDeclaredInClassesThat().resideInAPackage(OPS)
        .and().doNotHaveModifier(JavaModifier.BRIDGE)
        .and().doNotHaveModifier(JavaModifier.SYNTHETIC)
        .should(notReturnObject())
        .because("a result with two or three shapes is a sealed type, not Object with instanceof and casts")
        .check(classes);
  }

  @ArchTest
  void neutralChat_knowsNoPlatform(JavaClasses classes) {
    noClasses().that().resideInAPackage(CHAT_NEUTRAL)
        .should().dependOnClassesThat().resideInAnyPackage(WEBEX, SLACK, APP, SIM, CONFIG)
        .because("chat holds only what both front ends share")
        .check(classes);
  }

  @ArchTest
  void webex_usesChatOpsCommandAndCallingOnly(JavaClasses classes) {
    noClasses().that().resideInAPackage(WEBEX)
        .should().dependOnClassesThat().resideInAnyPackage(SLACK, APP, SIM, CONFIG)
        .because("a front end is a thin adapter onto chat and ops; it talks to Webex through calling")
        .check(classes);
  }

  @ArchTest
  void slack_usesChatOpsCommandAndCallingOnly(JavaClasses classes) {
    noClasses().that().resideInAPackage(SLACK)
        .should().dependOnClassesThat().resideInAnyPackage(WEBEX, APP, SIM, CONFIG)
        .because("a front end is a thin adapter onto chat and ops")
        .check(classes);
  }

  @ArchTest
  void webexSocket_isOnlyATransport(JavaClasses classes) {
    noClasses().that().resideInAPackage(WEBEX_SOCKET)
        .should().dependOnClassesThat().resideInAnyPackage(OPS, COMMAND, SLACK, APP, SIM, CONFIG, "io.javalin..")
        .because("the websocket only carries what a webhook would have: it hands envelopes to the Webex inbox,"
            + " which does the rest, and reaches Webex with a token provider of calling")
        .check(classes);
  }

  @ArchTest
  void slackSocket_isOnlyATransport(JavaClasses classes) {
    noClasses().that().resideInAPackage("dev.switchboard.chat.slack.socket..")
        .should().dependOnClassesThat().resideInAnyPackage(OPS, COMMAND, WEBEX, APP, SIM, CONFIG, "io.javalin..")
        .because("Socket Mode only carries what Slack's requests would have: it hands payloads to the Slack inbox,"
            + " which does the rest")
        .check(classes);
    noClasses().that().resideInAPackage("dev.switchboard.chat.slack")
        .should().dependOnClassesThat().resideInAPackage("dev.switchboard.chat.slack.socket..")
        .because("the Slack inbox is the seam: the request URLs and Socket Mode both feed it, and it knows neither")
        .check(classes);
  }

  @ArchTest
  void webexFrontEnd_knowsNoTransportBeyondItsWebhook(JavaClasses classes) {
    noClasses().that().resideInAPackage("dev.switchboard.chat.webex")
        .should().dependOnClassesThat().resideInAPackage(WEBEX_SOCKET)
        .because("the inbox is the seam: the webhook and the websocket both feed it, and it knows neither")
        .check(classes);
  }

  @ArchTest
  void sim_isUsedOnlyByApp(JavaClasses classes) {
    noClasses().that().resideOutsideOfPackages(APP, SIM)
        .should().dependOnClassesThat().resideInAPackage(SIM)
        .because("the simulator is a stand-in for Webex, started by `demo` and `simulator` and by tests;"
            + " the bot itself never knows it")
        .check(classes);
  }

  @ArchTest
  void config_usesOnlyThePolicyParserOfOurs(JavaClasses classes) {
    classes().that().resideInAPackage(CONFIG)
        .should().onlyDependOnClassesThat(
            resideOutsideOfPackage("dev.switchboard..")
                .or(resideInAPackage(CONFIG))
                .or(belongToAnyOf(PolicyFile.class, Policy.class)))
        .because("configuration is read and checked before anything is built; it reads the policy file"
            + " only to fail fast on a bad one")
        .check(classes);
  }

  @ArchTest
  void store_isUsedOnlyByApp_andKnowsNoFrontEnd(JavaClasses classes) {
    noClasses().that().resideOutsideOfPackages(APP, STORE)
        .should().dependOnClassesThat().resideInAPackage(STORE)
        .because("the database stores implement the store interfaces of ops, chat and calling; only the wiring"
            + " chooses between them and the files")
        .check(classes);
    noClasses().that().resideInAPackage(STORE)
        .should().dependOnClassesThat().resideInAnyPackage(WEBEX, SLACK, SIM, CONFIG, COMMAND, "io.javalin..")
        .because("a store keeps state; what a command means and how a platform speaks are not its business")
        .check(classes);
  }

  @ArchTest
  void app_isUsedByNoOtherPackage(JavaClasses classes) {
    noClasses().that().resideOutsideOfPackage(APP)
        .should().dependOnClassesThat().resideInAPackage(APP)
        .because("app is the top: it wires the others, and none of them knows it")
        .check(classes);
  }

  @ArchTest
  void packages_areFreeOfCycles(JavaClasses classes) {
    slices().matching("dev.switchboard.(*)..").should().beFreeOfCycles()
        .check(classes);
  }

  private static ArchCondition<JavaMethod> notReturnObject() {
    return new ArchCondition<>("not return java.lang.Object") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        // The declared return type, not the erased one: a generic accessor returning T is fine.
        boolean object = method.getReturnType() instanceof JavaClass type && type.isEquivalentTo(Object.class);
        if (object) {
          events.add(SimpleConditionEvent.violated(method, method.getFullName() + " returns Object"));
        }
      }
    };
  }
}
