package org.slaescalation.ticket;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;

/** The annotated string must be an IANA time-zone id such as {@code Europe/Amsterdam} (null is left to @NotNull). */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = TimeZoneId.Validator.class)
public @interface TimeZoneId {

  String message() default "must be an IANA time zone id such as Europe/Amsterdam";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<TimeZoneId, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      // Region ids only: fixed offsets such as +02:00 would hide daylight-saving changes from the customer.
      return value == null || (value.contains("/") && ZoneId.getAvailableZoneIds().contains(value)) || "UTC".equals(value);
    }
  }
}
