package dev.switchboard.chat.webex.socket;

/** The catalog or the device service failed: {@code status} is the HTTP status, 0 when no answer came. */
public final class DeviceException extends RuntimeException {

  private final int status;

  DeviceException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** Whether the token itself was refused: reconnecting with it cannot help. */
  public boolean refused() {
    return status == 401 || status == 403;
  }
}
