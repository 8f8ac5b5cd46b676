package dev.switchboard.ops;

import dev.switchboard.calling.TransferNumbers;
import dev.switchboard.ops.Reply.Change;
import dev.switchboard.ops.Reply.Fact;
import dev.switchboard.command.PhoneNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Transfer numbers in words, and the bodies that change or restore them. */
final class TransferEdits {

  private TransferEdits() {}

  static List<Fact> describe(TransferNumbers n, String region) {
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact("Custom transfer numbers", Boolean.TRUE.equals(n.useCustomTransferNumbers()) ? "on" : "off"));
    for (int slot = 1; slot <= 3; slot++) {
      String number = n.number(slot);
      facts.add(new Fact("Transfer number " + slot,
          number == null || number.isBlank() ? "(not set)" : ShownNumbers.shown(number, region)));
    }
    return facts;
  }

  static List<Change> changes(TransferNumbers before, TransferNumbers after, String region) {
    List<Fact> b = describe(before, region);
    List<Fact> a = describe(after, region);
    List<Change> rows = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) rows.add(new Change(a.get(i).label(), b.get(i).value(), a.get(i).value()));
    return rows;
  }

  /**
   * The body that puts back exactly what was read: unset numbers are cleared with an empty string
   * (Webex's way), set ones written as Webex returned them.
   */
  static TransferNumbers restoring(TransferNumbers before) {
    return new TransferNumbers(Boolean.TRUE.equals(before.useCustomTransferNumbers()),
        orEmpty(before.autoTransferNumber1()), orEmpty(before.autoTransferNumber2()),
        orEmpty(before.autoTransferNumber3()));
  }

  /** Whether two readings show the same numbers; unset and empty are the same. */
  static boolean same(TransferNumbers a, TransferNumbers b) {
    return same(a, b, null);
  }

  /**
   * The same, comparing numbers as numbers when a region is given: Webex returns numbers formatted
   * ("205-555-3699") that Switchboard wrote as E.164.
   */
  static boolean same(TransferNumbers a, TransferNumbers b, String region) {
    if (Boolean.TRUE.equals(a.useCustomTransferNumbers()) != Boolean.TRUE.equals(b.useCustomTransferNumbers())) {
      return false;
    }
    for (int slot = 1; slot <= 3; slot++) {
      if (!Objects.equals(comparable(a.number(slot), region), comparable(b.number(slot), region))) return false;
    }
    return true;
  }

  private static String comparable(String number, String region) {
    String value = orEmpty(number);
    return region == null || value.isEmpty() ? value : PhoneNumbers.display(value, region);
  }

  private static String orEmpty(String number) {
    return number == null ? "" : number;
  }

  /**
   * The body that writes {@code edited} over {@code before}: {@code useCustomTransferNumbers} always (Webex requires
   * it on every PUT), and only the numbers that change (an empty string clears one).
   */
  static TransferNumbers body(TransferNumbers before, TransferNumbers edited) {
    return new TransferNumbers(
        edited.useCustomTransferNumbers() != null ? edited.useCustomTransferNumbers()
            : Boolean.TRUE.equals(before.useCustomTransferNumbers()),
        changed(before.autoTransferNumber1(), edited.autoTransferNumber1()),
        changed(before.autoTransferNumber2(), edited.autoTransferNumber2()),
        changed(before.autoTransferNumber3(), edited.autoTransferNumber3()));
  }

  private static String changed(String before, String edited) {
    return edited == null || edited.equals(before) ? null : edited;
  }

  /** What Webex should show after the body is written: empty strings clear, nulls keep. */
  static TransferNumbers merged(TransferNumbers before, TransferNumbers body) {
    TransferNumbers result = new TransferNumbers(body.useCustomTransferNumbers(), before.autoTransferNumber1(),
        before.autoTransferNumber2(), before.autoTransferNumber3());
    for (int slot = 1; slot <= 3; slot++) {
      String value = body.number(slot);
      if (value != null) result = result.withNumber(slot, value.isEmpty() ? null : value);
    }
    return result;
  }
}
