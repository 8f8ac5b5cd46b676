package dev.switchboard.command;

/** What happens to incoming calls while a location is intercepted. */
public enum InboundType {
  INTERCEPT_ALL,
  ALLOW_ALL
}
