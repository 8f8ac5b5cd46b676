package dev.switchboard.calling;

/** Which Webex token a call uses: the bot's own token, or the admin (Service App / integration) token. */
public enum Identity {
  BOT,
  ADMIN
}
