package dev.switchboard.ops;

/**
 * A value that passed its checks, or the reply that says why not (a refusal, a name that matched nothing, a number
 * that is not one). Callers handle both: {@code if (checked instanceof Checked.Refused<T> r) return r.reply();}.
 */
public sealed interface Checked<T> {

  record Ok<T>(T value) implements Checked<T> {}

  record Refused<T>(Reply reply) implements Checked<T> {}

  static <T> Checked<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> Checked<T> refused(Reply reply) {
    return new Refused<>(reply);
  }
}
