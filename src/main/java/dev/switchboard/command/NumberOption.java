package dev.switchboard.command;

import java.util.Objects;

/** An intercept setting that is either off or forwards to a number. */
public sealed interface NumberOption {

  /** The setting is switched off. */
  record Off() implements NumberOption {}

  /** The setting is on and uses this number. */
  record To(DialString number) implements NumberOption {
    public To {
      Objects.requireNonNull(number, "number");
    }
  }
}
