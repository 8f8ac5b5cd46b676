package dev.switchboard.sim;

import java.time.Duration;
import java.time.Instant;

/**
 * One request the simulator answered.
 *
 * @param method HTTP method
 * @param path path below the base URL, without the query (for example {@code /people/me})
 * @param identity "admin", "bot", a person's email, or "anonymous"
 * @param status the status code answered
 * @param at when the request arrived
 * @param took time to answer, including injected latency
 * @param retryAfter the {@code Retry-After} answered (a 429's wait), or zero
 */
public record RecordedCall(String method, String path, String identity, int status, Instant at, Duration took,
    Duration retryAfter) {}
