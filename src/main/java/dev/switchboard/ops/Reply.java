package dev.switchboard.ops;

import java.util.List;
import java.util.Objects;

/**
 * What the bot answers, independent of where it is shown: a headline, blocks of content and
 * buttons. Each front end renders it its own way (markdown, Adaptive Card, Block Kit, plain text).
 *
 * @param tone how the reply reads: a success, information, a warning, a refusal or an error
 * @param title one line that says what happened
 * @param blocks the body, in order
 * @param buttons actions the reader may take (confirm, cancel, undo)
 * @param audience who should see it on platforms that can tell (Slack's ephemeral answers)
 */
public record Reply(Tone tone, String title, List<Block> blocks, List<Button> buttons, Audience audience) {

  public Reply {
    Objects.requireNonNull(tone, "tone");
    Objects.requireNonNull(title, "title");
    blocks = List.copyOf(blocks);
    buttons = List.copyOf(buttons);
    Objects.requireNonNull(audience, "audience");
  }

  public static Builder of(Tone tone, String title) {
    return new Builder(tone, title);
  }

  /** Where a {@link #literal} begins and ends; private-use characters, removed from anything typed. */
  public static final char LITERAL_START = '\uE000';
  public static final char LITERAL_END = '\uE001';
  private static final java.util.regex.Pattern UNSAFE =
      java.util.regex.Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cs}\\u2028\\u2029]");
  private static final java.util.regex.Pattern LINE_BREAKS = java.util.regex.Pattern.compile("[\\r\\n\\t]");

  /**
   * Text someone typed or Webex supplied (a command, a name), marked so that every renderer shows it exactly and
   * inert: no link, mention, {@code @all} or formatting. Use it wherever such text goes into a reply:
   * {@code "Undone: " + Reply.literal(entry.command())}.
   */
  public static String literal(String text) {
    return LITERAL_START + inert(text == null ? "" : text) + LITERAL_END;
  }

  /**
   * Text as it is taken in: NFKC-normalised, without control, format (bidi overrides, zero-width) and private-use
   * characters; line breaks and tabs become spaces.
   */
  public static String inert(String text) {
    // Printable ASCII is what nearly every echo is, and is inert as it is: NFKC leaves it alone, nothing in it is unsafe.
    if (printableAscii(text)) return text;
    String normalized = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
    return UNSAFE.matcher(LINE_BREAKS.matcher(normalized).replaceAll(" ")).replaceAll("");
  }

  private static boolean printableAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < ' ' || c > '~') return false;
    }
    return true;
  }

  /** A one-line answer only the requester needs to see. */
  public static Reply note(Tone tone, String title) {
    return new Reply(tone, title, List.of(), List.of(), Audience.REQUESTER);
  }

  /** The kind of reply, which front ends show with an emoji or a colour. */
  public enum Tone { SUCCESS, INFO, WARNING, DENIED, ERROR }

  /** Changes are shown to everyone in the conversation; look-ups and refusals to the requester. */
  public enum Audience { EVERYONE, REQUESTER }

  /** A part of a reply's body. */
  public sealed interface Block {
    /** A paragraph of light markdown: backticks and bold only. */
    record Text(String markdown) implements Block {}

    /** A small table of labels and values. */
    record Facts(List<Fact> facts) implements Block {
      public Facts {
        facts = List.copyOf(facts);
      }
    }

    /**
     * What changed at one target: rows of field, before, after. Front ends show the changed rows; the rest is one
     * step away: a card's "All settings", elsewhere {@code details}, the command that shows everything (may be null).
     */
    record Changes(String target, List<Change> rows, String details) implements Block {
      public Changes {
        rows = List.copyOf(rows);
      }

      public Changes(String target, List<Change> rows) {
        this(target, rows, null);
      }

      public List<Change> changed() {
        return rows.stream().filter(Change::changed).toList();
      }

      /** Whether some rows did not change, and are left for the details. */
      public boolean hasUnchanged() {
        return rows.stream().anyMatch(row -> !row.changed());
      }
    }

    /**
     * The reader is asked to confirm within {@code minutes}; each front end says how once, in the words of its place
     * (a Webex direct space, a Webex group space with the bot's name, Slack's buttons, the console).
     */
    record Confirm(int minutes) implements Block {}

    /** A list, already cut to a readable length; {@code more} says how many were left out. */
    record Items(List<String> items, int more) implements Block {
      public Items {
        items = List.copyOf(items);
      }
    }
  }

  /** One label and its value. */
  public record Fact(String label, String value) {}

  /** One field before and after a change. */
  public record Change(String field, String before, String after) {
    public boolean changed() {
      return !Objects.equals(before, after);
    }
  }

  /**
   * A button; its action is carried out exactly like the typed command it stands for, and only
   * while {@code ref} is still current: the audit batch an Undo button undoes, or the pending plan
   * a Confirm or Cancel button answers. A press on an out-of-date card is refused, never redirected
   * to something newer.
   */
  public record Button(String label, Action action, String ref) {}

  /** The typed command each button stands for. */
  public enum Action {
    CONFIRM("yes"), CANCEL("cancel"), UNDO("undo");

    private final String command;

    Action(String command) {
      this.command = command;
    }

    /** The command a person would type instead of pressing the button. */
    public String command() {
      return command;
    }
  }

  /** Collects blocks and buttons for a reply. */
  public static final class Builder {
    private final Tone tone;
    private final String title;
    private final List<Block> blocks = new java.util.ArrayList<>();
    private final List<Button> buttons = new java.util.ArrayList<>();
    private Audience audience = Audience.REQUESTER;

    private Builder(Tone tone, String title) {
      this.tone = tone;
      this.title = title;
    }

    public Builder text(String markdown) {
      blocks.add(new Block.Text(markdown));
      return this;
    }

    public Builder facts(List<Fact> facts) {
      if (!facts.isEmpty()) blocks.add(new Block.Facts(facts));
      return this;
    }

    public Builder changes(String target, List<Change> rows) {
      blocks.add(new Block.Changes(target, rows));
      return this;
    }

    /** As {@link #changes(String, List)}, the unchanged rows left to {@code details}, a command to type. */
    public Builder changes(String target, List<Change> rows, String details) {
      blocks.add(new Block.Changes(target, rows, details));
      return this;
    }

    /** Asks the reader to confirm within {@code minutes}, in the words of the place. */
    public Builder confirm(int minutes) {
      blocks.add(new Block.Confirm(minutes));
      return this;
    }

    public Builder items(List<String> items, int limit) {
      int shown = Math.min(items.size(), limit);
      blocks.add(new Block.Items(items.subList(0, shown), items.size() - shown));
      return this;
    }

    public Builder block(Block block) {
      blocks.add(block);
      return this;
    }

    public Builder button(String label, Action action, String ref) {
      buttons.add(new Button(label, action, ref));
      return this;
    }

    public Builder toEveryone() {
      audience = Audience.EVERYONE;
      return this;
    }

    public Reply build() {
      return new Reply(tone, title, blocks, buttons, audience);
    }
  }
}
