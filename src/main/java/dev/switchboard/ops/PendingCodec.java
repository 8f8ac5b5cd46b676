package dev.switchboard.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The wire format of a pending change, for a store outside this process: JSON of the records as they are, with
 * the concrete type named only where a field is one of our sealed interfaces ({@link Plan}, a timing's moment, a
 * location target, a number option), so the grammar's records need no annotations. Types are resolved only inside
 * {@code dev.switchboard}: a row cannot name any other class.
 */
public final class PendingCodec {

  private static final String OURS = "dev.switchboard.";

  private final ObjectMapper mapper;

  public PendingCodec() {
    ObjectMapper.DefaultTypeResolverBuilder sealedOnly = new ObjectMapper.DefaultTypeResolverBuilder(
        ObjectMapper.DefaultTyping.NON_FINAL, BasicPolymorphicTypeValidator.builder()
            .allowIfSubType(OURS).build()) {
      @Override
      public boolean useForType(JavaType type) {
        return type.isInterface() && type.getRawClass().getName().startsWith(OURS);
      }
    };
    sealedOnly.init(JsonTypeInfo.Id.CLASS, null).inclusion(JsonTypeInfo.As.PROPERTY).typeProperty("@type");
    this.mapper = JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .setDefaultTyping(sealedOnly)
        .build();
  }

  public String write(Confirmations.Pending pending) {
    try {
      return mapper.writeValueAsString(pending);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("A pending change that cannot be written as JSON: " + e.getMessage(), e);
    }
  }

  public Confirmations.Pending read(String json) {
    try {
      return mapper.readValue(json, Confirmations.Pending.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("A pending change that cannot be read back: " + e.getOriginalMessage(), e);
    }
  }
}
