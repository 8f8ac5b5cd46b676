package dev.switchboard.calling;

/** Supplies the bearer token for one identity. Implementations are thread-safe. */
public interface TokenProvider {

  /** The token to send now. May block while a refresh is in flight; throws {@link WebexException} if none can be had. */
  String token();

  /** Tells the provider that Webex answered 401 to {@code rejectedToken}, so the next {@link #token()} must not return it. */
  void invalidate(String rejectedToken);
}
