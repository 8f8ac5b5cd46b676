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

  /** The reply for a space not known to be direct: a confirmation is asked for with the bot's name. */
  public static String render(Reply reply) {
    return render(reply, new WebexSpace(true, "Switchboard"));
  }

  /** The reply as shown in {@code space}. */
  public static String render(Reply reply, WebexSpace space) {
    return render(reply, space, MAX_BYTES);
  }

  static String render(Reply reply, int maxBytes) {
    return render(reply, new WebexSpace(true, "Switchboard"), maxBytes);
  }

  static String render(Reply reply, WebexSpace space, int maxBytes) {
    return Fitting.render(reply, r -> renderUnbounded(r, space), maxBytes);
  }

  private static String renderUnbounded(Reply reply, WebexSpace space) {
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
        // The title names the target; only what changed is listed, the rest is one command away.
        List<String> lines = new ArrayList<>();
        for (Change row : changes.changed()) {
          lines.add("- " + md(row.field()) + ": " + md(row.before()) + " → **" + md(row.after()) + "**");
        }
        if (lines.isEmpty()) lines.add("- nothing changed");
        out.append(String.join("\n", lines));
        if (changes.hasUnchanged() && changes.details() != null) {
          out.append("\n\n").append(md("Other settings unchanged: **" + changes.details() + "**"));
        }
      } else if (block instanceof Block.Confirm confirm) {
        out.append(md(space.confirmLine(confirm.minutes())));
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
