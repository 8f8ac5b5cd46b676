package dev.switchboard.ops;

import dev.switchboard.chat.PlainTextRenderer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what would have been announced, for tests. */
final class RecordingAnnouncer implements Announcer {

  /** One announcement: in the thread of {@code original}, or to {@code room}. */
  record Said(Requester original, String room, Reply reply) {
    String text() {
      return PlainTextRenderer.render(reply);
    }
  }

  final List<Said> said = new CopyOnWriteArrayList<>();
  /** What {@link #post} answers: false plays a room that cannot be posted to. */
  volatile boolean posting = true;
  /** Rooms that cannot be posted to. */
  volatile java.util.Set<String> refusing = java.util.Set.of();

  @Override
  public void announce(Requester original, Reply reply) {
    said.add(new Said(original, null, reply));
  }

  /** Every state of progress messages, in order: the first posted, the rest edits of it. */
  final List<Reply> progress = new CopyOnWriteArrayList<>();

  @Override
  public Progress progress(Requester original) {
    return progress::add;
  }

  @Override
  public boolean post(Room room, Reply reply) {
    said.add(new Said(null, room.id(), reply));
    return posting && !refusing.contains(room.id());
  }

  List<Said> inThreads() {
    return said.stream().filter(s -> s.original() != null).toList();
  }

  List<Said> inRoom(String room) {
    return said.stream().filter(s -> room.equals(s.room())).toList();
  }

  String last() {
    return said.isEmpty() ? "" : said.get(said.size() - 1).text();
  }
}
