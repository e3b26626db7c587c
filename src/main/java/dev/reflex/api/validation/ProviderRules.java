package dev.reflex.api.validation;

import dev.reflex.api.v1alpha1.HorizontalPortraitProvider;
import dev.reflex.api.v1alpha1.PortraitProviderType;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rules for the portrait providers of an IHPA: the member for each type present and the others absent, the
 * provider's own rules, Dynamic portrait types unique (each names a HorizontalPortrait {@code <ihpa>-<type>}), and
 * no provider that can never win because a Static provider, which always has a value, outranks it.
 */
final class ProviderRules {

  private ProviderRules() {
  }

  static void check(Checks checks, String path, List<HorizontalPortraitProvider> providers) {
    if (providers == null || providers.isEmpty()) {
      checks.add(path, "at least one portrait provider is required");
      return;
    }
    Map<String, Integer> dynamicTypes = new HashMap<>();
    for (int i = 0; i < providers.size(); i++) {
      String at = path + "[" + i + "]";
      HorizontalPortraitProvider p = providers.get(i);
      if (p == null) {
        checks.add(at, "is required");
        continue;
      }
      checks.required(at + ".priority", p.priority());
      PortraitProviderType type = p.type();
      if (type == null) {
        checks.add(at + ".type", "is required (Static, Cron or Dynamic)");
        continue;
      }
      String forType = "type " + type;
      if (type != PortraitProviderType.Static) {
        checks.absent(at + ".static", p.staticValue(), forType);
      }
      if (type != PortraitProviderType.Cron) {
        checks.absent(at + ".cron", p.cron(), forType);
      }
      if (type != PortraitProviderType.Dynamic) {
        checks.absent(at + ".dynamic", p.dynamic(), forType);
      }
      switch (type) {
        case Static -> {
          if (memberRequired(checks, at + ".static", p.staticValue(), forType)
              && checks.required(at + ".static.replicas", p.staticValue().replicas())) {
            checks.atLeast(at + ".static.replicas", p.staticValue().replicas(), 0);
          }
        }
        case Cron -> {
          if (memberRequired(checks, at + ".cron", p.cron(), forType)) {
            CronRules.check(checks, at + ".cron.crons", p.cron().crons());
          }
        }
        case Dynamic -> {
          if (memberRequired(checks, at + ".dynamic", p.dynamic(), forType)) {
            PortraitRules.check(checks, at + ".dynamic", p.dynamic());
            String portraitType = p.dynamic().portraitType();
            if (portraitType != null && !portraitType.isBlank()) {
              Integer first = dynamicTypes.putIfAbsent(portraitType.toLowerCase(Locale.ROOT), i);
              if (first != null) {
                checks.add(at + ".dynamic.portraitType", "portrait type " + portraitType
                    + " is already used by " + path + "[" + first + "]; each Dynamic provider needs its own");
              }
            }
          }
        }
        default -> throw new IllegalStateException("unhandled provider type " + type);
      }
    }
    shadowedByStatic(checks, path, providers);
  }

  /**
   * A Static provider always has a value, so every provider with a lower priority never wins; at equal priority
   * the larger replica count wins, so a second Static provider with fewer replicas never wins either.
   */
  private static void shadowedByStatic(Checks checks, String path, List<HorizontalPortraitProvider> providers) {
    for (int i = 0; i < providers.size(); i++) {
      HorizontalPortraitProvider p = providers.get(i);
      if (p == null || p.priority() == null) {
        continue;
      }
      for (int s = 0; s < providers.size(); s++) {
        HorizontalPortraitProvider st = providers.get(s);
        if (s == i || !isCompleteStatic(st)) {
          continue;
        }
        boolean lower = p.priority() < st.priority();
        boolean tiedAndSmaller = p.priority().equals(st.priority()) && isCompleteStatic(p)
            && (p.staticValue().replicas() < st.staticValue().replicas()
                || p.staticValue().replicas().equals(st.staticValue().replicas()) && i > s);
        if (lower || tiedAndSmaller) {
          checks.add(path + "[" + i + "].priority", "this provider can never win: the Static provider " + path
              + "[" + s + "] always has a value and " + (lower ? "a higher priority (" + st.priority() + ")"
              : "the same priority with at least as many replicas"));
          break;
        }
      }
    }
  }

  private static boolean isCompleteStatic(HorizontalPortraitProvider p) {
    return p != null && p.type() == PortraitProviderType.Static && p.priority() != null
        && p.staticValue() != null && p.staticValue().replicas() != null;
  }

  private static boolean memberRequired(Checks checks, String path, Object member, String forType) {
    if (member == null) {
      checks.add(path, "is required for " + forType);
      return false;
    }
    return true;
  }
}
