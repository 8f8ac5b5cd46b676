package dev.switchboard.ops.schedule;

import dev.switchboard.ops.Reply;
import dev.switchboard.ops.Reply.Tone;
import dev.switchboard.ops.schedule.Schedule.Item;
import dev.switchboard.ops.schedule.Schedule.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The reminder a thread gets shortly before a change is taken back, with the lines to keep it. */
final class ScheduleReminders {

  private final ScheduleStore store;
  private final ScheduleSettings settings;
  private final String botName;
  private final ScheduleRound round;

  ScheduleReminders(ScheduleStore store, ScheduleSettings settings, String botName, ScheduleRound round) {
    this.store = store;
    this.settings = settings;
    this.botName = botName;
    this.round = round;
  }

  void run(Instant now) {
    Duration lead = settings.reminderLead();
    for (Map.Entry<Integer, List<Item>> due : round.due(i -> i.start() == Phase.DONE && i.end() == Phase.PENDING
        && !i.reminded() && now.isBefore(i.endAt()) && !now.isBefore(i.endAt().minus(lead))
        && !i.startAt().isAfter(i.endAt().minus(lead))).entrySet()) {
      Schedule s = store.get(due.getKey()).orElseThrow();
      List<Item> items = due.getValue().stream()
          .filter(item -> store.claim(s.id(), item.locationId(), i -> !i.reminded(), Item::remindedNow)).toList();
      if (items.isEmpty()) continue;
      Item first = items.get(0);
      String where = "schedule " + s.id();
      round.announce(s, Reply.of(Tone.INFO, "Reminder: intercept at " + ScheduleRound.names(items) + " goes back to how it was at "
              + ScheduleTimes.when(first.endAt(), first.zoneId(), now) + " (schedule #" + s.id() + ").")
          .text("To keep it longer: `@" + botName + " extend " + where + " by 1h`. To keep it as it is: `@" + botName
              + " cancel schedule " + s.id() + "`.")
          .toEveryone().build());
    }
  }
}
