package dev.switchboard.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replies a front end could not post, kept per person per conversation until their next message, whose answer
 * starts with them: an outcome is never left unsaid. Bounded: a few per person, a few thousand in all.
 */
final class Undelivered {

  private static final int PER_PERSON = 3;
  private static final int IN_ALL = 5_000;

  private final Map<String, List<Reply>> kept = new ConcurrentHashMap<>();

  void keep(Requester requester, Reply reply) {
    if (kept.size() >= IN_ALL) return;
    kept.compute(requester.key(), (key, replies) -> {
      List<Reply> list = replies == null ? new ArrayList<>() : new ArrayList<>(replies);
      if (list.size() < PER_PERSON) list.add(reply);
      return list;
    });
  }

  /** {@code reply}, first saying what could not be posted to this person here before. */
  Reply prefix(Requester requester, Reply reply) {
    List<Reply> earlier = kept.remove(requester.key());
    if (earlier == null || earlier.isEmpty()) return reply;
    List<Reply.Block> blocks = new ArrayList<>();
    for (Reply missed : earlier) {
      blocks.add(new Reply.Block.Text("Earlier, I could not post this here: **" + missed.title() + "** (it is in "
          + "`history`)."));
    }
    blocks.addAll(reply.blocks());
    return new Reply(reply.tone(), reply.title(), blocks, reply.buttons(), reply.audience());
  }
}
