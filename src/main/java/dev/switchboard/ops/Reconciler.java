package dev.switchboard.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.calling.InterceptSettings;
import dev.switchboard.calling.TransferNumbers;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.calling.WebexException;
import dev.switchboard.ops.AuditEntry.Outcome;
import dev.switchboard.ops.Reply.Action;
import dev.switchboard.ops.Reply.Tone;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles intents whose outcome was never recorded — the process stopped between the intent and the outcome, or a
 * write's answer was lost and the read-back failed — by reading Webex: applied, not applied, or changed since. The
 * outcome is audited (so {@code history} shows it and {@code undo} can take it back) and the requester is told in
 * the thread where they asked. Runs at every scheduler round; an intent whose write is still under way is left.
 */
public final class Reconciler {

  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

  private final WebexClient client;
  private final Audit audit;
  private final WriteStep writes;
  private final LocationLocks locks;
  private final Announcer announcer;
  private final ObjectMapper mapper;

  Reconciler(WebexClient client, Audit audit, WriteStep writes, LocationLocks locks, Announcer announcer) {
    this.client = client.withoutRateLimitWaits();
    this.audit = audit;
    this.writes = writes;
    this.locks = locks;
    this.announcer = announcer;
    this.mapper = client.objectMapper();
  }

  /** Settles every open intent it can; false when some could not be read or recorded (the next round tries again). */
  public boolean settle() {
    boolean all = true;
    for (AuditEntry intent : audit.log().unsettled()) {
      if (writes.inFlight(intent.id())) continue;
      try {
        locks.with(intent.targetId(), () -> {
          // Under the target's lock: nothing else writes it meanwhile, so what is read is what the intent left.
          if (!writes.inFlight(intent.id()) && stillOpen(intent)) settleOne(intent);
          return null;
        });
      } catch (WebexException | AuditStore.Unavailable e) {
        log.warn("Could not settle the {} of {} at {} yet: {}", intent.action(), intent.requesterEmail(),
            intent.targetName(), e.getMessage());
        all = false;
      }
    }
    return all;
  }

  private boolean stillOpen(AuditEntry intent) {
    return audit.log().unsettled().stream().anyMatch(e -> e.id().equals(intent.id()));
  }

  private void settleOne(AuditEntry intent) {
    if ("person".equals(intent.targetType())) {
      settleOne(intent, new Setting.Transfer(intent.targetId(), intent.targetName()), TransferNumbers.class);
    } else {
      settleOne(intent, new Setting.Intercept(intent.targetId(), intent.targetName()), InterceptSettings.class);
    }
  }

  private <S> void settleOne(AuditEntry intent, Setting<S> setting, Class<S> type) {
    S before = read(intent.before(), type);
    S desired = read(intent.after(), type);
    S live = setting.read(client);
    Outcome outcome;
    String words;
    if (setting.same(live, setting.expected(before, desired))) {
      outcome = Outcome.APPLIED;
      words = "it was applied";
    } else if (setting.same(live, before)) {
      outcome = Outcome.FAILED;
      words = "it did not reach Webex, so nothing was changed";
    } else {
      outcome = Outcome.SKIPPED;
      words = "Webex now shows other settings there (changed since, by someone or something else)";
    }
    AuditEntry settled = audit.settle(intent, outcome, live, "settled from Webex after the outcome was lost: "
        + words);
    List<String> notes = outcome == Outcome.APPLIED ? writes.superseding().applied(settled) : List.of();
    log.info("Settled an open {} at {} from Webex: {}", intent.action(), intent.targetName(), outcome);
    tell(intent, settled, words, notes);
  }

  private void tell(AuditEntry intent, AuditEntry settled, String words, List<String> notes) {
    Requester.Platform platform;
    try {
      platform = Requester.Platform.valueOf(intent.platform());
    } catch (IllegalArgumentException | NullPointerException e) {
      return;
    }
    if (intent.requesterId() == null || intent.conversation() == null) return;
    Requester requester = new Requester(platform, intent.requesterId(),
        platform == Requester.Platform.WEBEX ? intent.requesterId() : null, intent.requesterEmail(),
        intent.conversation(), intent.messageId());
    Reply.Builder reply = Reply.of(settled.applied() ? Tone.SUCCESS : Tone.WARNING,
            "I lost track of your change to " + intent.targetName() + " (`" + intent.command() + "`) and have read "
                + "Webex since: " + words + ".")
        .text("It is in `history`" + (settled.applied() ? "; `undo` takes it back." : "."));
    notes.forEach(reply::text);
    if (settled.applied()) reply.button("Undo", Action.UNDO, settled.batch());
    try {
      announcer.announce(requester, reply.toEveryone().build());
    } catch (RuntimeException e) {
      log.warn("Could not tell {} that their change at {} was settled: {}", intent.requesterEmail(),
          intent.targetName(), e.getMessage());
    }
  }

  private <S> S read(JsonNode node, Class<S> type) {
    try {
      return mapper.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Audit intent cannot be read back", e);
    }
  }
}
