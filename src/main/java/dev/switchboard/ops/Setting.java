package dev.switchboard.ops;

import dev.switchboard.calling.InterceptSettings;
import dev.switchboard.calling.TransferNumbers;
import dev.switchboard.calling.WebexClient;
import java.util.Objects;
import java.util.Optional;

/**
 * One Webex setting that Switchboard changes, at one target: how to read it, write it and compare two readings.
 * {@link WriteStep} is the only code that writes either.
 *
 * @param <S> the wire record of the setting
 */
public sealed interface Setting<S> {

  /** {@code location} or {@code person}, as the audit log names it. */
  String targetType();

  /** The Webex id of the target. */
  String targetId();

  /** The target as people know it: a location's name, a person's email. */
  String targetName();

  S read(WebexClient client);

  /** Writes {@code body}; returns Webex's tracking id. */
  String write(WebexClient client, S body);

  /** Whether two readings show the same setting. */
  boolean same(S a, S b);

  /** What Webex should show once {@code body} is written over {@code before}. */
  S expected(S before, S body);

  /** Why {@code body} must not be written, if it must not. */
  Optional<String> unwritable(S body);

  /** A location's call intercept. */
  record Intercept(String targetId, String targetName) implements Setting<InterceptSettings> {
    public Intercept {
      Objects.requireNonNull(targetId, "targetId");
    }

    @Override
    public String targetType() {
      return "location";
    }

    @Override
    public InterceptSettings read(WebexClient client) {
      return client.locationIntercept(targetId);
    }

    @Override
    public String write(WebexClient client, InterceptSettings body) {
      return client.putLocationIntercept(targetId, body);
    }

    @Override
    public boolean same(InterceptSettings a, InterceptSettings b) {
      return InterceptEdits.same(a, b);
    }

    @Override
    public InterceptSettings expected(InterceptSettings before, InterceptSettings body) {
      return body; // intercept is always written whole (read-modify-write)
    }

    @Override
    public Optional<String> unwritable(InterceptSettings body) {
      // Webex shows a value this version does not know: writing the settings back could change what we cannot see.
      return body.hasUnknownValues()
          ? Optional.of("Webex shows an intercept setting there that Switchboard does not know, so writing the "
              + "settings back could change it. Change it in Control Hub, or ask your Switchboard operator to upgrade.")
          : Optional.empty();
    }
  }

  /** A person's outgoing-permission transfer numbers. */
  record Transfer(String targetId, String targetName) implements Setting<TransferNumbers> {
    public Transfer {
      Objects.requireNonNull(targetId, "targetId");
    }

    @Override
    public String targetType() {
      return "person";
    }

    @Override
    public TransferNumbers read(WebexClient client) {
      return client.transferNumbers(targetId);
    }

    @Override
    public String write(WebexClient client, TransferNumbers body) {
      return client.putTransferNumbers(targetId, body);
    }

    @Override
    public boolean same(TransferNumbers a, TransferNumbers b) {
      return TransferEdits.same(a, b);
    }

    @Override
    public TransferNumbers expected(TransferNumbers before, TransferNumbers body) {
      return TransferEdits.merged(before, body);
    }

    @Override
    public Optional<String> unwritable(TransferNumbers body) {
      return Optional.empty();
    }
  }
}
