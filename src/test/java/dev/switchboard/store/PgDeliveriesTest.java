package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.chat.DeliveryLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The delivery contract on the database, and what only it can do: replicas share what they took. */
final class PgDeliveriesTest extends DeliveryLogContract {

  private Database database;

  @BeforeEach
  void createDatabase() {
    database = TestPostgres.freshDatabase();
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  @Override
  DeliveryLog open() {
    return new PgDeliveries(database, clock, WINDOW);
  }

  @Test
  void deliveryTakenByOneReplica_isARepeatForTheOther() {
    DeliveryLog first = open();
    DeliveryLog second = open();
    assertThat(first.firstTime("webex:m1")).isTrue();
    assertThat(second.firstTime("webex:m1")).isFalse();
    assertThat(second.firstTime("webex:m2")).isTrue();
    assertThat(first.firstTime("webex:m2")).isFalse();
  }
}
