package dev.switchboard.calling;

/** Argument checks shared by the wire records and the client. */
final class Require {

  private Require() {}

  static String present(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }
}
