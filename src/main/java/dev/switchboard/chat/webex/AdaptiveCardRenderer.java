package dev.switchboard.chat.webex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.ops.Reply;
import dev.switchboard.ops.Reply.Block;
import dev.switchboard.ops.Reply.Change;
import dev.switchboard.ops.Reply.Fact;

/**
 * Renders a reply as an Adaptive Card 1.3: a title, text, fact sets (before → after for changes)
 * and submit buttons. A button carries only its action word; what it acts on comes from our own
 * pending state, never from the card.
 *
 * @see <a href="https://developer.webex.com/docs/buttons-and-cards">Webex buttons and cards</a>
 */
public final class AdaptiveCardRenderer {

  /** The data key of the action word in a submitted card. */
  public static final String ACTION_INPUT = "switchboardAction";
  /** The data key of what the button acts on (see {@link Reply.Button#ref()}). */
  public static final String REF_INPUT = "switchboardRef";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private AdaptiveCardRenderer() {}

  /** The card for a space not known to be direct: a confirmation is asked for with the bot's name. */
  public static JsonNode render(Reply reply) {
    return render(reply, new WebexSpace(true, "Switchboard"));
  }

  /** The card as shown in {@code space}. */
  public static JsonNode render(Reply reply, WebexSpace space) {
    ObjectNode card = JSON.objectNode();
    card.put("type", "AdaptiveCard");
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.put("version", "1.3");
    ArrayNode body = card.putArray("body");
    ObjectNode title = body.addObject();
    title.put("type", "TextBlock");
    title.put("text", MarkdownRenderer.emoji(reply.tone()) + " " + card(reply.title()));
    title.put("weight", "Bolder");
    title.put("size", "Medium");
    title.put("wrap", true);
    title.put("color", color(reply.tone()));
    ArrayNode showMore = null;
    for (Block block : reply.blocks()) {
      if (block instanceof Block.Confirm confirm) {
        body.add(textBlock(card(space.confirmLine(confirm.minutes()))));
      } else if (block instanceof Block.Text text) {
        body.add(textBlock(card(text.markdown())));
      } else if (block instanceof Block.Facts facts) {
        ArrayNode set = factSet(body);
        for (Fact fact : facts.facts()) fact(set, card(fact.label()), card(fact.value()));
      } else if (block instanceof Block.Changes changes) {
        // What changed in the card, everything behind "All settings" (the card's show-more).
        ArrayNode set = factSet(body);
        for (Change row : changes.changed()) fact(set, card(row.field()), card(row.before() + " → " + row.after()));
        if (changes.changed().isEmpty()) fact(set, card(Reply.literal(changes.target())), "nothing changed");
        if (changes.hasUnchanged()) {
          if (showMore == null) showMore = JSON.arrayNode();
          ArrayNode all = factSet(showMore);
          for (Change row : changes.rows()) {
            fact(all, card(row.field()), card(row.changed() ? row.before() + " → " + row.after() : row.after()));
          }
        }
      } else if (block instanceof Block.Items items) {
        StringBuilder list = new StringBuilder();
        for (String item : items.items()) list.append("- ").append(card(item)).append('\n');
        if (items.more() > 0) list.append("- ... and ").append(items.more()).append(" more\n");
        body.add(textBlock(list.toString().strip()));
      }
    }
    if (!reply.buttons().isEmpty() || showMore != null) {
      ArrayNode actions = card.putArray("actions");
      for (Reply.Button button : reply.buttons()) {
        ObjectNode action = actions.addObject();
        action.put("type", "Action.Submit");
        action.put("title", button.label());
        ObjectNode data = action.putObject("data");
        data.put(ACTION_INPUT, button.action().name().toLowerCase());
        if (button.ref() != null) data.put(REF_INPUT, button.ref());
      }
      if (showMore != null) {
        ObjectNode more = actions.addObject();
        more.put("type", "Action.ShowCard");
        more.put("title", "All settings");
        ObjectNode inner = more.putObject("card");
        inner.put("type", "AdaptiveCard");
        inner.set("body", showMore);
      }
    }
    return card;
  }

  /**
   * Card text: the reply's markup, echoes escaped as for Webex markdown ({@link WebexMarkdown}); a code span becomes
   * bold, since Adaptive Cards know no code spans and Webex would show the backticks.
   */
  private static String card(String text) {
    return text == null ? "" : WebexMarkdown.card(text);
  }

  private static ObjectNode textBlock(String text) {
    ObjectNode block = JSON.objectNode();
    block.put("type", "TextBlock");
    block.put("text", text);
    block.put("wrap", true);
    return block;
  }

  private static ArrayNode factSet(ArrayNode body) {
    ObjectNode set = body.addObject();
    set.put("type", "FactSet");
    return set.putArray("facts");
  }

  private static void fact(ArrayNode facts, String title, String value) {
    ObjectNode fact = facts.addObject();
    fact.put("title", title);
    fact.put("value", value);
  }

  private static String color(Reply.Tone tone) {
    return switch (tone) {
      case SUCCESS -> "Good";
      case INFO -> "Default";
      case WARNING -> "Warning";
      case DENIED, ERROR -> "Attention";
    };
  }
}
