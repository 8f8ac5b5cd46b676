package dev.switchboard.ops;


/**
 * Where Switchboard says what it did on its own: a scheduled change, a revert, a reminder, the daily report. Each
 * chat platform has one; they must not throw (a message that cannot be posted is logged and dropped, since the
 * change it reports has already happened and is audited).
 *
 * <p>{@link #announce} posts back where a schedule was asked: the platform of {@code original}, its
 * {@link Requester#conversation()}, in the thread of {@link Requester#messageId()} (on Webex the thread root is the
 * message's parent, or the message itself; on Slack the message's {@code thread_ts}, or its {@code ts}). An
 * implementation ignores requesters of other platforms, so several can be combined. {@link #post} posts to a
 * configured room or channel, e.g. the daily report of forgotten intercepts.
 */
public interface Announcer {

  /** Posts {@code reply} in the thread where {@code original} asked for the schedule. */
  void announce(Requester original, Reply reply);

  /**
   * A progress message in the thread where {@code original} asked for long work, posted at its first show and then
   * edited in place; {@link Progress#NONE} for requesters of another platform.
   */
  default Progress progress(Requester original) {
    return Progress.NONE;
  }

  /** A room (Webex) or channel (Slack) named in the configuration, e.g. where the daily report goes. */
  record Room(Requester.Platform platform, String id) {
    public Room {
      java.util.Objects.requireNonNull(platform, "platform");
      java.util.Objects.requireNonNull(id, "id");
    }
  }

  /**
   * Posts {@code reply} to a configured room of this announcer's platform; false when it could not be posted, or
   * the room is another platform's.
   */
  boolean post(Room room, Reply reply);

  /**
   * Every announcer in turn: each posts what belongs to its platform (a thread, a configured room).
   */
  static Announcer all(Announcer first, Announcer... others) {
    return new Announcer() {
      @Override
      public void announce(Requester original, Reply reply) {
        first.announce(original, reply);
        for (Announcer other : others) other.announce(original, reply);
      }

      @Override
      public Progress progress(Requester original) {
        // Only the requester's own platform answers with a real progress message; the others give NONE.
        java.util.List<Progress> each = new java.util.ArrayList<>();
        each.add(first.progress(original));
        for (Announcer other : others) each.add(other.progress(original));
        return reply -> each.forEach(p -> p.show(reply));
      }

      @Override
      public boolean post(Room room, Reply reply) {
        boolean posted = first.post(room, reply);
        for (Announcer other : others) posted |= other.post(room, reply);
        return posted;
      }
    };
  }

  /** Announces nothing: for tests and for a bot without a chat platform. */
  Announcer NONE = new Announcer() {
    @Override
    public void announce(Requester original, Reply reply) {}

    @Override
    public boolean post(Room room, Reply reply) {
      return false;
    }
  };
}
