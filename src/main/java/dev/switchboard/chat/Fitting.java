package dev.switchboard.chat;

import dev.switchboard.ops.Reply;
import dev.switchboard.ops.Reply.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Makes a rendered reply fit a platform's size limit: the longest list is halved (its tail becomes
 * "... and N more") until the text fits; only then is the text itself cut.
 */
public final class Fitting {

  private static final String CUT_MARK = "\n…";

  private Fitting() {}

  /** Renders the reply in at most {@code maxBytes} of UTF-8. */
  public static String render(Reply reply, Function<Reply, String> renderer, int maxBytes) {
    Reply current = reply;
    String text = renderer.apply(current);
    while (bytes(text) > maxBytes) {
      Reply shorter = shrinkLongestList(current);
      if (shorter == null) break;
      current = shorter;
      text = renderer.apply(current);
    }
    return cut(text, maxBytes);
  }

  /** The text, cut with a final "…" when it is longer than {@code maxBytes} in UTF-8. */
  public static String cut(String text, int maxBytes) {
    if (bytes(text) <= maxBytes) return text;
    int budget = maxBytes - bytes(CUT_MARK);
    // The longest prefix within the budget, by binary search over its length in chars.
    int low = 0;
    int high = Math.min(text.length(), budget);
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (bytes(text.substring(0, mid)) <= budget) low = mid;
      else high = mid - 1;
    }
    int end = low;
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) end--;
    return text.substring(0, end) + CUT_MARK;
  }

  private static Reply shrinkLongestList(Reply reply) {
    int longest = -1;
    List<Block> blocks = new ArrayList<>(reply.blocks());
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i) instanceof Block.Items items && items.items().size() > 1
          && (longest < 0 || items.items().size() > ((Block.Items) blocks.get(longest)).items().size())) {
        longest = i;
      }
    }
    if (longest < 0) return null;
    Block.Items items = (Block.Items) blocks.get(longest);
    int keep = items.items().size() / 2;
    blocks.set(longest, new Block.Items(items.items().subList(0, keep), items.more() + items.items().size() - keep));
    return new Reply(reply.tone(), reply.title(), blocks, reply.buttons(), reply.audience());
  }

  /** The length of {@code s} in UTF-8, counted without encoding it (a reply is measured at least once). */
  static int bytes(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
