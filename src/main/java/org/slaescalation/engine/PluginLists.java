package org.slaescalation.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine configuration's lists of extensions (history levels, serializers, parse listeners, history event
 * handlers) are {@code null} until something sets them, and may be shared: a plugin adds to a copy.
 */
public final class PluginLists {

  private PluginLists() {}

  /** A new list of what {@code configured} holds (nothing when it is {@code null}), then {@code added}. */
  public static <T> List<T> with(List<T> configured, T added) {
    List<T> list = configured == null ? new ArrayList<>() : new ArrayList<>(configured);
    list.add(added);
    return list;
  }
}
