package dev.switchboard.command;

import java.util.List;
import java.util.Objects;

/**
 * One row of the command table: what help shows and what an error's usage line says.
 *
 * @param topic the command's name, also a {@code help} topic, e.g. {@code intercept status}
 * @param usage the usage line(s), light markdown with backticks
 * @param summary one sentence on what it does
 * @param examples lines that parse to this command (a test checks that)
 * @param access what the command needs
 */
public record CommandSpec(String topic, String usage, String summary, List<String> examples, Access access) {

  public CommandSpec {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(access, "access");
    examples = List.copyOf(examples);
    if (topic.isBlank() || usage.isBlank() || summary.isBlank() || examples.isEmpty()) {
      throw new IllegalArgumentException("A command spec needs a topic, usage, summary and examples: " + topic);
    }
  }
}
