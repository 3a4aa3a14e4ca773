package org.slaescalation.ticket;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** An enum whose external (API, DMN, process variable) representation is a lower-case code. */
public interface Coded {

  String code();

  static <E extends Enum<E> & Coded> Optional<E> fromCode(Class<E> type, String code) {
    return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equals(code)).findFirst();
  }

  static <E extends Enum<E> & Coded> List<String> codes(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Coded::code).toList();
  }
}
