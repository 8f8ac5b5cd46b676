package dev.switchboard.chat;

/**
 * Which deliveries were already taken, by this replica or any other: {@link Deliveries} in memory for one
 * instance, the database's for several.
 */
public interface DeliveryLog {

  /**
   * True the first time an id ({@code source:id}, e.g. {@code webex:Y2lz...}) is offered within the replay window;
   * false for every repeat, wherever it was first offered.
   */
  boolean firstTime(String id);
}
