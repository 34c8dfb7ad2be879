package org.switchboard.benchmark;

import java.util.Map;
import java.util.Optional;

/**
 * Where a flow's maximum sustainable rate lies: it kept up with {@code kept} per second and not
 * with {@code failed}. The step-up's rates are 25/s apart, so from it the maximum is known only to
 * a rate step; each probe at the middle halves that (two rounds: about 6/s).
 */
record Bracket(int kept, int failed) {

    Bracket {
        if (kept < 0 || failed <= kept) {
            throw new IllegalArgumentException("Not a bracket: kept " + kept + "/s, failed " + failed + "/s");
        }
    }

    /**
     * From the step-up's outcomes (rate to kept up or not): the highest rate kept up with (0 if
     * none) and the lowest failed rate above it; empty if the flow failed no rate above it, so that
     * only a lower bound is known.
     */
    static Optional<Bracket> of(Map<Integer, Boolean> keptUpByRate) {
        var kept = keptUpByRate.entrySet().stream()
                .filter(Map.Entry::getValue)
                .mapToInt(Map.Entry::getKey)
                .max()
                .orElse(0);
        return keptUpByRate.entrySet().stream()
                .filter(e -> !e.getValue() && e.getKey() > kept)
                .mapToInt(Map.Entry::getKey)
                .min()
                .stream()
                .mapToObj(failed -> new Bracket(kept, failed))
                .findFirst();
    }

    /** The rate to try next, the middle of the bracket. */
    int probe() {
        return kept + (failed - kept) / 2;
    }

    /** Whether a probe can still tell anything: rates are whole registrations per second. */
    boolean resolved() {
        return failed - kept <= 1;
    }

    /** The bracket once the flow kept up with {@link #probe()}, or did not. */
    Bracket after(boolean keptUp) {
        if (resolved()) {
            throw new IllegalStateException("Nothing left between " + kept + " and " + failed + "/s");
        }
        return keptUp ? new Bracket(probe(), failed) : new Bracket(kept, probe());
    }

    /** How far the maximum ({@code kept}) may lie below the true one: the width of the bracket. */
    int resolution() {
        return failed - kept;
    }
}
