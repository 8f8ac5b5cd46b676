package dev.switchboard.calling;

/** Reads Webex enum strings so that a value added by Webex later does not fail the whole response. */
final class WireEnums {

  private WireEnums() {}

  static <E extends Enum<E>> E parse(Class<E> type, String value, E unknown) {
    if (value == null) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant != unknown && constant.name().equals(value)) {
        return constant;
      }
    }
    return unknown;
  }
}
