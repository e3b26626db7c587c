package dev.reflex.core.hpa;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The conditions one reconcile sets. Setting a type again replaces it in place, so the order is that of first
 * appearance: AbleToScale, ScalingActive, ScalingLimited after a normal reconcile.
 */
final class Conditions {

  private final Map<ConditionType, HpaCondition> byType = new EnumMap<>(ConditionType.class);
  private final List<ConditionType> order = new ArrayList<>(3);

  void set(ConditionType type, boolean status, HpaReason reason, String message) {
    if (!byType.containsKey(type)) {
      order.add(type);
    }
    byType.put(type, new HpaCondition(type, status, reason, message));
  }

  List<HpaCondition> toList() {
    List<HpaCondition> list = new ArrayList<>(order.size());
    for (ConditionType type : order) {
      list.add(byType.get(type));
    }
    return list;
  }
}
