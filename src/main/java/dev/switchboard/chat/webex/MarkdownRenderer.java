package dev.switchboard.chat.webex;

import dev.switchboard.chat.Fitting;
import dev.switchboard.ops.Reply;
import dev.switchboard.ops.Reply.Block;
import dev.switchboard.ops.Reply.Change;
import dev.switchboard.ops.Reply.Fact;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a reply as Webex markdown, within Webex's 7,439-byte message limit: long lists are cut
 * first, with "... and N more", so the reply always arrives.
 */
public final class MarkdownRenderer {

  /** Webex refuses a message whose text or markdown is longer than this many bytes. */
  public static final int MAX_BYTES = 7439;

  private MarkdownRenderer() {}

  public static String render(Reply reply) {
    return render(reply, MAX_BYTES);
  }

  static String render(Reply reply, int maxBytes) {
    return Fitting.render(reply, MarkdownRenderer::renderUnbounded, maxBytes);
  }

  private static String renderUnbounded(Reply reply) {
    StringBuilder out = new StringBuilder();
    out.append(emoji(reply.tone())).append(" **").append(md(reply.title())).append("**");
    for (Block block : reply.blocks()) {
      out.append("\n\n");
      if (block instanceof Block.Text text) {
        out.append(md(text.markdown()));
      } else if (block instanceof Block.Facts facts) {
        List<String> lines = new ArrayList<>();
        for (Fact fact : facts.facts()) lines.add("- **" + md(fact.label()) + ":** " + md(fact.value()));
        out.append(String.join("\n", lines));
      } else if (block instanceof Block.Changes changes) {
        out.append("**").append(md(Reply.literal(changes.target()))).append("**");
        for (Change row : changes.rows()) {
          out.append("\n- ").append(md(row.field())).append(": ");
          if (row.changed()) out.append(md(row.before())).append(" → **").append(md(row.after())).append("**");
          else out.append(md(row.after()));
        }
      } else if (block instanceof Block.Items items) {
        List<String> lines = new ArrayList<>();
        for (String item : items.items()) lines.add("- " + md(item));
        if (items.more() > 0) lines.add("- ... and " + items.more() + " more");
        out.append(String.join("\n", lines));
      }
    }
    return out.toString();
  }

  /** Every string of a reply goes through here: its markup kept, echoes escaped ({@link WebexMarkdown}). */
  private static String md(String text) {
    return text == null ? "" : WebexMarkdown.text(text);
  }

  static String emoji(Reply.Tone tone) {
    return switch (tone) {
      case SUCCESS -> "✅";
      case INFO -> "ℹ️";
      case WARNING -> "⚠️";
      case DENIED -> "⛔";
      case ERROR -> "❌";
    };
  }
}
