package dev.switchboard.store;

import dev.switchboard.chat.Deliveries;
import dev.switchboard.chat.DeliveryLog;

/** The delivery contract on the memory of one instance. */
final class MemoryDeliveriesTest extends DeliveryLogContract {

  @Override
  DeliveryLog open() {
    return new Deliveries(clock, WINDOW);
  }
}
