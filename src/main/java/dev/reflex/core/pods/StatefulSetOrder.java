package dev.reflex.core.pods;

import java.util.OptionalInt;

/**
 * The StatefulSet controller's scale-down order: highest ordinal first. Pods without an ordinal (not members
 * by name) go first, by name; equal ordinals are ordered by name.
 */
final class StatefulSetOrder implements PodLess {

  static final StatefulSetOrder INSTANCE = new StatefulSetOrder();

  private StatefulSetOrder() {
  }

  @Override
  public boolean less(PodInfo a, PodInfo b) {
    OptionalInt oa = a.effectiveOrdinal();
    OptionalInt ob = b.effectiveOrdinal();
    if (oa.isPresent() != ob.isPresent()) {
      return oa.isEmpty();
    }
    if (oa.isPresent() && oa.getAsInt() != ob.getAsInt()) {
      return oa.getAsInt() > ob.getAsInt();
    }
    return a.name().compareTo(b.name()) < 0;
  }
}
