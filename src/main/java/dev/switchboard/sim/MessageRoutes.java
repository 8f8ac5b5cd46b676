package dev.switchboard.sim;

import static dev.switchboard.sim.Identity.Kind.BOT;
import static dev.switchboard.sim.Identity.Kind.PERSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Messages and card submissions: {@code POST/GET /messages}, {@code GET/PUT /messages/{id}},
 * {@code POST /attachment/actions}, {@code GET /attachment/actions/{id}}.
 *
 * <p>Threads are one level deep, as in Webex clients: {@code parentId} must name a message of the same
 * room that is not itself a reply; a reply to a reply is refused with 400 (reply to its root instead).
 *
 * @see <a href="https://developer.webex.com/docs/api/v1/messages">Messages</a>
 * @see <a href="https://developer.webex.com/docs/api/v1/attachment-actions">Attachment Actions</a>
 */
final class MessageRoutes {

  /** Webex's limit for {@code text} and for {@code markdown}, each. */
  static final int MAX_MESSAGE_BYTES = 7439;
  static final String CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
  private static final String ROOM_NOT_FOUND = "Could not find a room with provided ID.";

  private final SimState state;
  private final WebhookDispatcher webhooks;
  private final MercuryHub mercury;

  MessageRoutes(SimState state, WebhookDispatcher webhooks, MercuryHub mercury) {
    this.state = state;
    this.webhooks = webhooks;
    this.mercury = mercury;
  }

  void addTo(RoutesConfig routes) {
    routes.post("/v1/messages", this::createMessage);
    routes.get("/v1/messages", this::listMessages);
    routes.get("/v1/messages/{messageId}", this::getMessage);
    routes.put("/v1/messages/{messageId}", this::editMessage);
    routes.post("/v1/attachment/actions", this::createAction);
    routes.get("/v1/attachment/actions/{actionId}", this::getAction);
  }

  private void createMessage(Context ctx) {
    Identity caller = Http.require(ctx, "spark:messages_write", BOT, PERSON);
    ObjectNode body = Http.jsonBody(ctx, state.mapper);
    String roomId = Http.optionalString(body, "roomId");
    String toPersonId = Http.optionalString(body, "toPersonId");
    String toPersonEmail = Http.optionalString(body, "toPersonEmail");
    String text = Http.optionalString(body, "text");
    String markdown = Http.optionalString(body, "markdown");
    String parentId = Http.optionalString(body, "parentId");
    long destinations = Stream.of(roomId, toPersonId, toPersonEmail).filter(d -> d != null).count();
    if (destinations != 1) {
      throw WebexError.badRequest("Exactly one of roomId, toPersonId or toPersonEmail is required.");
    }
    checkLength("text", text);
    checkLength("markdown", markdown);
    List<String> files = files(body);
    JsonNode attachments = attachments(body);
    if (text == null && markdown == null && files.isEmpty() && attachments == null) {
      throw WebexError.badRequest("A message needs text, markdown, files or an attachment.");
    }

    SimState.Room room;
    if (roomId != null) {
      room = state.room(roomId).filter(r -> r.members().contains(caller.personId()))
          .orElseThrow(() -> WebexError.notFound(ROOM_NOT_FOUND));
    } else {
      SimState.Person to = (toPersonId != null ? state.person(toPersonId) : state.personByEmail(toPersonEmail))
          .orElseThrow(() -> WebexError.notFound("Could not find the person to message."));
      if (to.id().equals(caller.personId())) {
        throw WebexError.badRequest("You cannot send a direct message to yourself.");
      }
      room = state.directRoom(caller.personId(), to.id());
    }
    if (parentId != null) {
      SimState.Message parent = state.message(parentId).filter(p -> p.roomId().equals(room.id()))
          .orElseThrow(() -> WebexError.badRequest("parentId does not name a message in this room."));
      if (parent.parentId() != null) {
        throw WebexError.badRequest("Cannot reply to a reply: use the thread's root message as parentId.");
      }
    }

    SimState.Person author = state.person(caller.personId()).orElseThrow();
    MessageMarkup.Rendered rendered = markdown == null ? null
        : MessageMarkup.render(markdown, state::personByEmail, state::person);
    Instant created = state.now();
    String id = WebexIds.random(WebexIds.MESSAGE);
    ObjectNode json = state.mapper.createObjectNode();
    json.put("id", id);
    if (parentId != null) {
      json.put("parentId", parentId);
    }
    json.put("roomId", room.id());
    json.put("roomType", room.type());
    String shownText = text != null ? text : rendered != null ? rendered.text() : null;
    if (shownText != null) {
      json.put("text", shownText);
    }
    if (markdown != null) {
      json.put("markdown", markdown);
      json.put("html", rendered.html());
    }
    if (!files.isEmpty()) {
      ArrayNode fileArray = json.putArray("files");
      files.forEach(fileArray::add);
    }
    json.put("personId", author.id());
    json.put("personEmail", author.email());
    List<String> mentioned = rendered == null ? List.of() : rendered.mentionedPeople();
    if (!mentioned.isEmpty()) {
      ArrayNode array = json.putArray("mentionedPeople");
      mentioned.forEach(array::add);
    }
    if (rendered != null && !rendered.mentionedGroups().isEmpty()) {
      ArrayNode array = json.putArray("mentionedGroups");
      rendered.mentionedGroups().forEach(array::add);
    }
    if (attachments != null) {
      json.set("attachments", attachments.deepCopy());
    }
    json.put("created", SimState.timestamp(created));
    SimState.Message message = new SimState.Message(id, room.id(), room.type(), author.id(), parentId, mentioned,
        !files.isEmpty(), attachments != null, created, json);
    state.addMessage(message);
    webhooks.messageCreated(message, room, author);
    mercury.messageCreated(message, room, author);

    ObjectNode answer = json.deepCopy();
    if (toPersonId != null) {
      answer.put("toPersonId", toPersonId);
    }
    if (toPersonEmail != null) {
      answer.put("toPersonEmail", toPersonEmail);
    }
    ctx.json(answer);
  }

  private static void checkLength(String field, String value) {
    if (value != null && value.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
      throw WebexError.badRequest("The " + field + " is too long: the maximum message length is "
          + MAX_MESSAGE_BYTES + " bytes.");
    }
  }

  private static List<String> files(ObjectNode body) {
    JsonNode files = body.get("files");
    if (files == null || files.isNull()) {
      return List.of();
    }
    if (!files.isArray() || files.size() > 1 || (files.size() == 1 && !files.get(0).isTextual())) {
      throw WebexError.badRequest("'files' takes one public URL.");
    }
    List<String> urls = new ArrayList<>();
    files.forEach(f -> urls.add(f.asText()));
    return urls;
  }

  private static JsonNode attachments(ObjectNode body) {
    JsonNode attachments = body.get("attachments");
    if (attachments == null || attachments.isNull()) {
      return null;
    }
    if (!attachments.isArray()) {
      throw WebexError.badRequest("'attachments' must be an array.");
    }
    if (attachments.isEmpty()) {
      return null;
    }
    if (attachments.size() > 1) {
      throw WebexError.badRequest("Only one card per message is supported.");
    }
    JsonNode card = attachments.get(0);
    if (!card.path("contentType").asText("").equals(CARD_CONTENT_TYPE)) {
      throw WebexError.badRequest("Invalid attachment contentType; only " + CARD_CONTENT_TYPE + " is supported.");
    }
    if (!card.path("content").isObject()) {
      throw WebexError.badRequest("An attachment needs a 'content' object (the Adaptive Card).");
    }
    return attachments;
  }

  private SimState.Room memberRoom(String roomId, Identity caller) {
    return state.room(roomId).filter(r -> r.members().contains(caller.personId()))
        .orElseThrow(() -> WebexError.notFound(ROOM_NOT_FOUND));
  }

  /**
   * Bots see, in group rooms, only the messages that mention them: Webex says "bots can only access messages in
   * group rooms in which they are mentioned", and names no exception for the bot's own messages, so the simulator
   * makes none (a bot reading its own card in a group room is refused, as the strictest reading of the rule).
   */
  private static boolean visibleTo(SimState.Message m, Identity caller) {
    return caller.kind() != BOT || m.roomType().equals("direct") || m.mentionedPeople().contains(caller.personId());
  }

  /** How often Webex lets its author edit a message. */
  static final int MAX_EDITS = 10;
  /** Edits made so far, by message id. */
  private final java.util.Map<String, Integer> edits = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Edits a message as Webex does: only its author, in its own room ({@code roomId} required), with new text or
   * markdown; never a message with files or attachments; at most {@link #MAX_EDITS} times. Answers 200 with the
   * message, which now carries {@code updated}.
   */
  private void editMessage(Context ctx) {
    Identity caller = Http.require(ctx, "spark:messages_write", BOT, PERSON);
    ObjectNode body = Http.jsonBody(ctx, state.mapper);
    String roomId = Http.optionalString(body, "roomId");
    String text = Http.optionalString(body, "text");
    String markdown = Http.optionalString(body, "markdown");
    if (roomId == null) throw WebexError.badRequest("roomId is required.");
    if (text == null && markdown == null) throw WebexError.badRequest("An edit needs text or markdown.");
    if (body.has("html")) throw WebexError.badRequest("Remove html from the request: send markdown only.");
    checkLength("text", text);
    checkLength("markdown", markdown);
    SimState.Message message = state.message(ctx.pathParam("messageId"))
        .filter(m -> state.room(m.roomId()).map(r -> r.members().contains(caller.personId())).orElse(false))
        .orElseThrow(WebexError::notFound);
    if (!message.personId().equals(caller.personId())) {
      throw WebexError.forbidden("You can only edit your own messages.");
    }
    if (!message.roomId().equals(roomId)) throw WebexError.badRequest("roomId does not match the message's room.");
    if (message.hasFiles() || message.hasAttachments()) {
      throw WebexError.badRequest("Editing a message with files or attachments is currently unsupported.");
    }
    if (edits.merge(message.id(), 1, Integer::sum) > MAX_EDITS) {
      edits.merge(message.id(), -1, Integer::sum);
      throw WebexError.badRequest("The edit limit of " + MAX_EDITS + " edits for this message has been reached.");
    }
    MessageMarkup.Rendered rendered = markdown == null ? null
        : MessageMarkup.render(markdown, state::personByEmail, state::person);
    ObjectNode answer;
    synchronized (state) {
      ObjectNode json = message.json();
      json.remove(List.of("text", "markdown", "html"));
      String shownText = text != null ? text : rendered.text();
      json.put("text", shownText);
      if (markdown != null) {
        json.put("markdown", markdown);
        json.put("html", rendered.html());
      }
      json.put("updated", SimState.timestamp(state.now()));
      answer = json.deepCopy();
    }
    ctx.json(answer);
  }

  private void getMessage(Context ctx) {
    Identity caller = Http.require(ctx, "spark:messages_read", BOT, PERSON);
    SimState.Message message = state.message(ctx.pathParam("messageId"))
        .filter(m -> state.room(m.roomId()).map(r -> r.members().contains(caller.personId())).orElse(false))
        .orElseThrow(WebexError::notFound);
    if (!visibleTo(message, caller)) {
      throw WebexError.forbidden("Bots can only access messages in group rooms in which they are mentioned.");
    }
    ctx.json(message.json().deepCopy());
  }

  private void listMessages(Context ctx) {
    Identity caller = Http.require(ctx, "spark:messages_read", BOT, PERSON);
    String roomId = ctx.queryParam("roomId");
    if (roomId == null || roomId.isBlank()) {
      throw WebexError.badRequest("Missing required query parameter 'roomId'.");
    }
    SimState.Room room = memberRoom(roomId, caller);
    String mentioned = ctx.queryParam("mentionedPeople");
    if (caller.kind() == BOT && room.type().equals("group") && !"me".equals(mentioned)) {
      throw WebexError.forbidden("Bots must include mentionedPeople=me to list messages in group rooms.");
    }
    int max = Http.max(ctx, 50, mentioned != null ? 100 : 1000);
    List<SimState.Message> newestFirst = new ArrayList<>(state.messagesInRoom(room.id()));
    Collections.reverse(newestFirst);
    Stream<SimState.Message> matches = newestFirst.stream().filter(m -> visibleTo(m, caller));
    if (mentioned != null) {
      List<String> ids = Arrays.stream(mentioned.split(","))
          .map(String::trim)
          .map(v -> v.equals("me") ? caller.personId() : v)
          .toList();
      matches = matches.filter(m -> m.mentionedPeople().stream().anyMatch(ids::contains));
    }
    String parentId = ctx.queryParam("parentId");
    if (parentId != null) {
      matches = matches.filter(m -> parentId.equals(m.parentId()));
    }
    String before = ctx.queryParam("before");
    if (before != null) {
      Instant limit;
      try {
        limit = Instant.parse(before);
      } catch (DateTimeParseException e) {
        throw WebexError.badRequest("Invalid value '" + before + "' for 'before'; an ISO 8601 time is required.");
      }
      matches = matches.filter(m -> m.created().isBefore(limit));
    }
    List<SimState.Message> page =
        Http.pageAfter(ctx, matches.toList(), SimState.Message::id, max, "beforeMessage");
    ObjectNode body = state.mapper.createObjectNode();
    ArrayNode items = body.putArray("items");
    page.forEach(m -> items.add(m.json().deepCopy()));
    ctx.json(body);
  }

  private void createAction(Context ctx) {
    Identity caller = Http.require(ctx, "spark:messages_write (a person submitting a card)", PERSON);
    ObjectNode body = Http.jsonBody(ctx, state.mapper);
    JsonNode type = body.get("type");
    if (type == null || type.isNull()) {
      throw WebexError.badRequest("Missing required field 'type'.");
    }
    Http.requireEnum(type, "type", List.of("submit"));
    String messageId = Http.requiredString(body, "messageId");
    JsonNode inputs = body.get("inputs");
    if (inputs == null || inputs.isNull()) {
      throw WebexError.badRequest("Missing required field 'inputs'.");
    }
    if (!inputs.isObject()) {
      throw WebexError.badRequest("Invalid value for 'inputs': an object is required.");
    }
    SimState.Message card = state.message(messageId)
        .filter(m -> state.room(m.roomId()).map(r -> r.members().contains(caller.personId())).orElse(false))
        .orElseThrow(() -> WebexError.notFound("Could not find the message with the card."));
    if (!card.hasAttachments()) {
      throw WebexError.badRequest("The message has no card to submit.");
    }
    Instant created = state.now();
    String id = WebexIds.random(WebexIds.ATTACHMENT_ACTION);
    ObjectNode json = state.mapper.createObjectNode();
    json.put("id", id);
    json.put("type", "submit");
    json.put("messageId", messageId);
    json.set("inputs", inputs.deepCopy());
    json.put("personId", caller.personId());
    json.put("roomId", card.roomId());
    json.put("created", SimState.timestamp(created));
    SimState.AttachmentAction action =
        new SimState.AttachmentAction(id, messageId, caller.personId(), card.roomId(), created, json);
    state.addAction(action);
    webhooks.actionCreated(action, card);
    mercury.actionCreated(action, card);
    ctx.status(202).json(json);
  }

  private void getAction(Context ctx) {
    Identity caller = Http.require(ctx, "spark:messages_read", BOT, PERSON);
    SimState.AttachmentAction action = state.action(ctx.pathParam("actionId"))
        .filter(a -> state.room(a.roomId()).map(r -> r.members().contains(caller.personId())).orElse(false))
        .orElseThrow(WebexError::notFound);
    ctx.json(action.json().deepCopy());
  }
}
