package dev.switchboard.chat.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.chat.Fitting;
import dev.switchboard.ops.Reply;
import dev.switchboard.ops.Reply.Block;
import dev.switchboard.ops.Reply.Change;
import dev.switchboard.ops.Reply.Fact;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a reply as Slack Block Kit: a mrkdwn section for the title (a header block is plain text, and
 * titles carry {@code code}), sections for text and lists, fields for facts and before → after, and
 * buttons. Within Slack's limits — 50 blocks a message, 3,000 characters a section, 10 fields of 2,000 —
 * long lists end with "... and N more". A button's value is its action word only: what it acts on comes
 * from our own pending state.
 *
 * @see <a href="https://api.slack.com/reference/block-kit/blocks">Block Kit blocks</a>
 */
public final class BlockKitRenderer {

  public static final int MAX_BLOCKS = 50;
  public static final int MAX_SECTION_CHARS = 3000;
  static final int MAX_FIELDS = 10;
  static final int MAX_FIELD_CHARS = 2000;
  /** The plain-text fallback Slack shows in notifications; kept short. */
  static final int MAX_FALLBACK_BYTES = 3000;
  /** Every button's action id starts so; the rest is the action word. */
  public static final String ACTION_PREFIX = "switchboard_";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private BlockKitRenderer() {}

  /** The message body for {@code chat.postMessage} or a {@code response_url}: {@code text} and {@code blocks}. */
  public static ObjectNode message(Reply reply) {
    ObjectNode message = JSON.objectNode();
    message.put("text", text(reply));
    message.set("blocks", blocks(reply));
    return message;
  }

  /** The action id of a button, e.g. {@code switchboard_confirm}. */
  public static String actionId(Reply.Action action) {
    return ACTION_PREFIX + word(action);
  }

  /** The action an action id stands for, or null when it is none of ours. */
  public static Reply.Action action(String actionId) {
    if (actionId == null || !actionId.startsWith(ACTION_PREFIX)) return null;
    String word = actionId.substring(ACTION_PREFIX.length());
    for (Reply.Action action : Reply.Action.values()) {
      if (word(action).equals(word)) return action;
    }
    return null;
  }

  public static ArrayNode blocks(Reply reply) {
    ArrayNode blocks = JSON.arrayNode();
    blocks.add(section(emoji(reply.tone()) + " *" + SlackText.mrkdwn(reply.title()) + "*"));
    int budget = MAX_BLOCKS - 1 - (reply.buttons().isEmpty() ? 0 : 1);
    List<List<ObjectNode>> rendered = new ArrayList<>();
    for (Block block : reply.blocks()) rendered.add(render(block));
    int used = rendered.stream().mapToInt(List::size).sum();
    int shown = rendered.size();
    if (used > budget) {
      // Keep whole reply blocks while they fit, leaving one block for the note of what was left out.
      used = 0;
      shown = 0;
      while (shown < rendered.size() && used + rendered.get(shown).size() <= budget - 1) {
        used += rendered.get(shown).size();
        shown++;
      }
    }
    for (int i = 0; i < shown; i++) rendered.get(i).forEach(blocks::add);
    if (shown < rendered.size()) blocks.add(section("... and " + (rendered.size() - shown) + " more"));
    if (!reply.buttons().isEmpty()) blocks.add(actions(reply.buttons()));
    return blocks;
  }

  /** The fallback text: the whole reply as mrkdwn, for notifications and clients without blocks. */
  public static String text(Reply reply) {
    return Fitting.render(reply, BlockKitRenderer::textUnbounded, MAX_FALLBACK_BYTES);
  }

  private static String textUnbounded(Reply reply) {
    StringBuilder out = new StringBuilder();
    out.append(emoji(reply.tone())).append(" *").append(SlackText.mrkdwn(reply.title())).append('*');
    for (Block block : reply.blocks()) {
      out.append('\n');
      if (block instanceof Block.Text text) {
        out.append(SlackText.mrkdwn(text.markdown()));
      } else if (block instanceof Block.Facts facts) {
        for (Fact fact : facts.facts()) {
          out.append("• ").append(SlackText.mrkdwn(fact.label())).append(": ").append(SlackText.mrkdwn(fact.value()))
              .append('\n');
        }
      } else if (block instanceof Block.Changes changes) {
        for (Change row : changes.changed()) {
          out.append("• ").append(SlackText.mrkdwn(row.field())).append(": ").append(change(row)).append('\n');
        }
        String rest = details(changes);
        if (rest != null) out.append(SlackText.mrkdwn(rest)).append('\n');
      } else if (block instanceof Block.Confirm confirm) {
        out.append(SlackText.mrkdwn(confirmLine(confirm)));
      } else if (block instanceof Block.Items items) {
        for (String item : items.items()) out.append("• ").append(SlackText.mrkdwn(item)).append('\n');
        if (items.more() > 0) out.append("... and ").append(items.more()).append(" more\n");
      }
    }
    return out.toString().strip();
  }

  private static List<ObjectNode> render(Block block) {
    List<ObjectNode> out = new ArrayList<>();
    if (block instanceof Block.Text text) {
      out.add(section(SlackText.mrkdwn(text.markdown())));
    } else if (block instanceof Block.Facts facts) {
      List<String> fields = new ArrayList<>();
      for (Fact fact : facts.facts()) {
        fields.add("*" + SlackText.mrkdwn(fact.label()) + "*\n" + SlackText.mrkdwn(fact.value()));
      }
      addFields(out, null, fields);
    } else if (block instanceof Block.Changes changes) {
      // The title names the target: the changed fields, and the command that shows the rest.
      List<String> fields = new ArrayList<>();
      for (Change row : changes.changed()) fields.add("*" + SlackText.mrkdwn(row.field()) + "*\n" + change(row));
      addFields(out, fields.isEmpty() ? SlackText.mrkdwn("Nothing changed.") : null, fields);
      String rest = details(changes);
      if (rest != null) out.add(section(SlackText.mrkdwn(rest)));
    } else if (block instanceof Block.Confirm confirm) {
      out.add(section(SlackText.mrkdwn(confirmLine(confirm))));
    } else if (block instanceof Block.Items items) {
      out.add(section(list(items)));
    }
    return out;
  }

  /** Slack shows the buttons: the instruction names them, and the word that does the same. */
  static String confirmLine(Block.Confirm confirm) {
    return "Press **Confirm** or reply **yes** within " + confirm.minutes() + " minutes; **cancel** drops it.";
  }

  /** The line that points at the unchanged settings, or null when there are none to point at. */
  private static String details(Block.Changes changes) {
    return changes.hasUnchanged() && changes.details() != null
        ? "Other settings unchanged: **" + changes.details() + "**" : null;
  }

  private static String change(Change row) {
    return row.changed()
        ? SlackText.mrkdwn(row.before()) + " → *" + SlackText.mrkdwn(row.after()) + "*"
        : SlackText.mrkdwn(row.after());
  }

  /** The items as lines, as many as fit in one section, then "... and N more". */
  static String list(Block.Items items) {
    List<String> lines = new ArrayList<>();
    for (String item : items.items()) lines.add("• " + SlackText.mrkdwn(item));
    int shown = lines.size();
    while (true) {
      int more = items.more() + items.items().size() - shown;
      String text = String.join("\n", lines.subList(0, shown)) + (more > 0 ? "\n... and " + more + " more" : "");
      if (text.length() <= MAX_SECTION_CHARS || shown == 0) return cut(text.strip(), MAX_SECTION_CHARS);
      shown--;
    }
  }

  /** Sections of at most ten fields; the first carries {@code heading} as its text, when there is one. */
  private static void addFields(List<ObjectNode> out, String heading, List<String> fields) {
    if (fields.isEmpty()) {
      if (heading != null) out.add(section(heading));
      return;
    }
    for (int from = 0; from < fields.size(); from += MAX_FIELDS) {
      ObjectNode section = from == 0 && heading != null ? section(heading) : sectionWithoutText();
      ArrayNode array = section.putArray("fields");
      for (String field : fields.subList(from, Math.min(fields.size(), from + MAX_FIELDS))) {
        array.add(mrkdwnObject(cut(field, MAX_FIELD_CHARS)));
      }
      out.add(section);
    }
  }

  private static ObjectNode section(String mrkdwn) {
    ObjectNode section = sectionWithoutText();
    section.set("text", mrkdwnObject(cut(mrkdwn, MAX_SECTION_CHARS)));
    return section;
  }

  private static ObjectNode sectionWithoutText() {
    ObjectNode section = JSON.objectNode();
    section.put("type", "section");
    return section;
  }

  private static ObjectNode mrkdwnObject(String text) {
    ObjectNode object = JSON.objectNode();
    object.put("type", "mrkdwn");
    object.put("text", text);
    // Verbatim: Slack does not turn URLs, channel names or mentions in the text into links by itself; what is a
    // link or a mention is only ever what the renderer wrote as one (and it writes none from echoes).
    object.put("verbatim", true);
    return object;
  }

  private static ObjectNode actions(List<Reply.Button> buttons) {
    ObjectNode actions = JSON.objectNode();
    actions.put("type", "actions");
    ArrayNode elements = actions.putArray("elements");
    for (Reply.Button button : buttons) {
      ObjectNode element = elements.addObject();
      element.put("type", "button");
      ObjectNode text = element.putObject("text");
      text.put("type", "plain_text");
      text.put("text", button.label());
      element.put("action_id", actionId(button.action()));
      // The value names what the button was made for (Reply.Button#ref), never a target to act on.
      element.put("value", button.ref() != null ? button.ref() : word(button.action()));
      if (button.action() == Reply.Action.CONFIRM) element.put("style", "primary");
    }
    return actions;
  }

  /** Cut to Slack's limit in characters (UTF-8 bytes are never fewer, so the byte cut is within it). */
  private static String cut(String text, int maxChars) {
    return text.length() <= maxChars ? text : Fitting.cut(text, maxChars);
  }

  private static String word(Reply.Action action) {
    return action.name().toLowerCase(Locale.ROOT);
  }

  static String emoji(Reply.Tone tone) {
    return switch (tone) {
      case SUCCESS -> ":white_check_mark:";
      case INFO -> ":information_source:";
      case WARNING -> ":warning:";
      case DENIED -> ":no_entry:";
      case ERROR -> ":x:";
    };
  }
}
