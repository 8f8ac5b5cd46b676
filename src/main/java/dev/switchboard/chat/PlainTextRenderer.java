package dev.switchboard.chat;

import dev.switchboard.ops.Reply;
import dev.switchboard.ops.Reply.Block;
import dev.switchboard.ops.Reply.Change;
import dev.switchboard.ops.Reply.Fact;

/** Renders a reply for a terminal: no markup, aligned columns, buttons as the words to type. */
public final class PlainTextRenderer {

  private PlainTextRenderer() {}

  public static String render(Reply reply) {
    StringBuilder out = new StringBuilder();
    out.append(symbol(reply.tone())).append(' ').append(plain(reply.title())).append('\n');
    for (Block block : reply.blocks()) {
      if (block instanceof Block.Text text) {
        out.append(indent(plain(text.markdown()))).append('\n');
      } else if (block instanceof Block.Facts facts) {
        int width = facts.facts().stream().mapToInt(f -> f.label().length()).max().orElse(0);
        for (Fact fact : facts.facts()) {
          out.append("  ").append(pad(plain(fact.label()), width)).append("  ").append(plain(fact.value())).append('\n');
        }
      } else if (block instanceof Block.Changes changes) {
        int width = changes.changed().stream().mapToInt(r -> r.field().length()).max().orElse(0);
        for (Change row : changes.changed()) {
          out.append("  ").append(pad(plain(row.field()), width)).append("  ")
              .append(plain(row.before())).append(" -> ").append(plain(row.after())).append('\n');
        }
        if (changes.changed().isEmpty()) out.append("  nothing changed\n");
        if (changes.hasUnchanged() && changes.details() != null) {
          out.append("  Other settings unchanged: ").append(plain(changes.details())).append('\n');
        }
      } else if (block instanceof Block.Confirm confirm) {
        out.append("  Type 'yes' within ").append(confirm.minutes()).append(" minutes to go ahead, or 'cancel'.\n");
      } else if (block instanceof Block.Items items) {
        for (String item : items.items()) out.append("  - ").append(plain(item)).append('\n');
        if (items.more() > 0) out.append("  ... and ").append(items.more()).append(" more\n");
      }
    }
    // A preview says how to confirm in its own line; other buttons are named as the words to type.
    if (!reply.buttons().isEmpty() && reply.blocks().stream().noneMatch(b -> b instanceof Block.Confirm)) {
      out.append("  Type ");
      for (int i = 0; i < reply.buttons().size(); i++) {
        Reply.Button button = reply.buttons().get(i);
        if (i > 0) out.append(i == reply.buttons().size() - 1 ? " or " : ", ");
        out.append('\'').append(button.action().command()).append("' to ").append(button.label().toLowerCase());
      }
      out.append(".\n");
    }
    return out.toString();
  }

  private static String symbol(Reply.Tone tone) {
    return switch (tone) {
      case SUCCESS -> "[ok]";
      case INFO -> "[i]";
      case WARNING -> "[!]";
      case DENIED -> "[denied]";
      case ERROR -> "[error]";
    };
  }

  /** Drops the light markdown (backticks, bold) the reply model allows; literals are shown exactly. */
  static String plain(String markdown) {
    return markdown == null ? "" : Literal.plain(markdown, m -> m.replace("`", "").replace("**", ""));
  }

  private static String indent(String text) {
    return "  " + text.replace("\n", "\n  ");
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}
