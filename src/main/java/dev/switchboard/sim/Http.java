package dev.switchboard.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Request plumbing shared by the simulator's routes: caller, rights, JSON bodies, paging. */
final class Http {

  static final String IDENTITY = "sim.identity";
  static final String TRACKING_ID = "sim.trackingId";

  /** A phone number as Webex Calling accepts it: optional '+', digits, optional single hyphens; 2-15 digits. */
  private static final Pattern PHONE = Pattern.compile("\\+?\\d+(-\\d+)*");

  private Http() {}

  static Identity caller(Context ctx) {
    Identity identity = ctx.attribute(IDENTITY);
    if (identity == null) {
      throw WebexError.unauthorized();
    }
    return identity;
  }

  /** The caller, when its token is one of the allowed kinds; otherwise 403 naming the missing scope. */
  static Identity require(Context ctx, String scope, Identity.Kind... allowed) {
    Identity identity = caller(ctx);
    if (Arrays.asList(allowed).contains(identity.kind())) {
      return identity;
    }
    throw WebexError.forbidden("The access token does not grant " + scope
        + ", which this request needs (" + describe(identity) + ").");
  }

  private static String describe(Identity identity) {
    return switch (identity.kind()) {
      case ADMIN -> "the admin token is a Service App token without messaging scopes";
      case BOT -> "a bot token has no admin scopes";
      case PERSON -> "a user token without admin rights";
    };
  }

  static ObjectNode jsonBody(Context ctx, ObjectMapper mapper) {
    String raw = ctx.body();
    if (raw.isBlank()) {
      throw WebexError.badRequest("The request body is missing; a JSON object is required.");
    }
    JsonNode node;
    try {
      node = mapper.readTree(raw);
    } catch (JsonProcessingException e) {
      throw WebexError.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
    }
    if (!(node instanceof ObjectNode object)) {
      throw WebexError.badRequest("The request body must be a JSON object.");
    }
    return object;
  }

  static String requiredString(ObjectNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      throw WebexError.badRequest("Missing required field '" + field + "'.");
    }
    if (!value.isTextual() || value.asText().isEmpty()) {
      throw WebexError.badRequest("Invalid value for '" + field + "': a non-empty string is required.");
    }
    return value.asText();
  }

  static String optionalString(ObjectNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw WebexError.badRequest("Invalid value for '" + field + "': a string is required.");
    }
    return value.asText();
  }

  static void requireBoolean(JsonNode value, String field) {
    if (!value.isBoolean()) {
      throw WebexError.badRequest("Invalid value for '" + field + "': true or false is required.");
    }
  }

  static void requireEnum(JsonNode value, String field, List<String> allowed) {
    if (!value.isTextual() || !allowed.contains(value.asText())) {
      throw WebexError.badRequest("Invalid value " + value + " for '" + field + "'; allowed values: "
          + String.join(", ", allowed) + ".");
    }
  }

  static boolean isPhoneNumber(String value) {
    return PHONE.matcher(value).matches() && value.chars().filter(Character::isDigit).count() >= 2
        && value.chars().filter(Character::isDigit).count() <= 15;
  }

  static void requirePhoneNumber(JsonNode value, String field) {
    if (!value.isTextual() || !isPhoneNumber(value.asText())) {
      throw WebexError.badRequest("Invalid phone number " + value + " for '" + field + "'.");
    }
  }

  static boolean booleanQuery(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return false;
    }
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw WebexError.badRequest("Invalid value '" + value + "' for query parameter '" + name + "'.");
  }

  static int max(Context ctx, int defaultMax, int cap) {
    String value = ctx.queryParam("max");
    if (value == null) {
      return defaultMax;
    }
    int max;
    try {
      max = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw WebexError.badRequest("Invalid value '" + value + "' for query parameter 'max'.");
    }
    if (max < 1) {
      throw WebexError.badRequest("Query parameter 'max' must be a positive number.");
    }
    return Math.min(max, cap);
  }

  /**
   * One page of items after the cursor (the id of the last item of the previous page, in query parameter
   * {@code cursorParam}), with a {@code Link: <...>; rel="next"} header when more remain.
   */
  static <T> List<T> pageAfter(Context ctx, List<T> items, Function<T, String> idOf, int max, String cursorParam) {
    int from = 0;
    String cursor = ctx.queryParam(cursorParam);
    if (cursor != null) {
      int index = -1;
      for (int i = 0; i < items.size(); i++) {
        if (idOf.apply(items.get(i)).equals(cursor)) {
          index = i;
          break;
        }
      }
      if (index < 0) {
        throw WebexError.badRequest("Invalid value for query parameter '" + cursorParam + "'.");
      }
      from = index + 1;
    }
    int to = Math.min(items.size(), from + max);
    List<T> page = items.subList(from, to);
    if (to < items.size()) {
      ctx.header("Link", "<" + nextUrl(ctx, cursorParam, idOf.apply(items.get(to - 1))) + ">; rel=\"next\"");
    }
    return page;
  }

  /** One page by offset ({@code start}), as the Webex Calling lists do. */
  static <T> List<T> pageFromStart(Context ctx, List<T> items, int max) {
    int start = 0;
    String value = ctx.queryParam("start");
    if (value != null) {
      try {
        start = Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw WebexError.badRequest("Invalid value '" + value + "' for query parameter 'start'.");
      }
      if (start < 0) {
        throw WebexError.badRequest("Query parameter 'start' must not be negative.");
      }
    }
    int from = Math.min(start, items.size());
    int to = Math.min(items.size(), from + max);
    if (to < items.size()) {
      ctx.header("Link", "<" + nextUrl(ctx, "start", Integer.toString(to)) + ">; rel=\"next\"");
    }
    return items.subList(from, to);
  }

  private static String nextUrl(Context ctx, String cursorParam, String cursor) {
    Map<String, List<String>> params = ctx.queryParamMap();
    String query = params.entrySet().stream()
        .filter(e -> !e.getKey().equals(cursorParam))
        .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
        .collect(Collectors.joining("&"));
    String next = encode(cursorParam) + "=" + encode(cursor);
    return ctx.scheme() + "://" + ctx.host() + ctx.path() + "?" + (query.isEmpty() ? next : query + "&" + next);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
