package org.slaescalation.engine;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.impl.variable.serializer.PrimitiveValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Stores string variables longer than Camunda's text column ({@value #TEXT_COLUMN_LENGTH} characters) as UTF-8 in
 * the engine's byte array table instead, so that a long description, reply or note is kept whole instead of failing
 * the transaction. Readers see an ordinary {@code String} variable (Java API, REST, Tasklist forms); only variable
 * queries by value cannot match such a string. Shorter strings keep Camunda's own serializer.
 */
final class LongStringValueSerializer extends PrimitiveValueSerializer<StringValue> {

  /** The size of {@code TEXT_} in Camunda's variable tables, in characters. */
  static final int TEXT_COLUMN_LENGTH = 4_000;

  static final String NAME = "longString";

  LongStringValueSerializer() {
    super(ValueType.STRING);
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  protected boolean canWriteValue(TypedValue value) {
    return value.getValue() instanceof String text && text.length() > TEXT_COLUMN_LENGTH;
  }

  @Override
  public StringValue convertToTypedValue(UntypedValueImpl untypedValue) {
    return Variables.stringValue((String) untypedValue.getValue(), untypedValue.isTransient());
  }

  @Override
  public StringValue readValue(ValueFields valueFields, boolean asTransientValue) {
    byte[] bytes = valueFields.getByteArrayValue();
    return Variables.stringValue(bytes == null ? null : new String(bytes, StandardCharsets.UTF_8), asTransientValue);
  }

  @Override
  public void writeValue(StringValue value, ValueFields valueFields) {
    valueFields.setByteArrayValue(value.getValue().getBytes(StandardCharsets.UTF_8));
  }
}
