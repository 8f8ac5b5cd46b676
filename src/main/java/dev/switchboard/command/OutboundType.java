package dev.switchboard.command;

/** What happens to outgoing calls while a location is intercepted (Webex allows no more than local calls). */
public enum OutboundType {
  INTERCEPT_ALL,
  LOCAL_ONLY
}
