package dev.switchboard.ops;

import dev.switchboard.command.PhoneNumbers;

/**
 * A phone number as every reply shows it: grouped for reading ({@code +1 214 769 1003}), as the look-ups always did,
 * so a change, its preview, its undo and a status read name the same number the same way.
 */
final class ShownNumbers {

  private ShownNumbers() {}

  /**
   * {@code number} (E.164 as Switchboard writes it, or as Webex returns it) grouped for reading in {@code region}'s
   * terms; one that is no valid number is shown as it is, inert, since it came from Webex and not from us.
   */
  static String shown(String number, String region) {
    return Reply.literal(PhoneNumbers.readable(number, region));
  }
}
