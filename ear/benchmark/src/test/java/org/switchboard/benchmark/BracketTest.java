package org.switchboard.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BracketTest {

    @Test
    void probesTheMiddleOfTheStepUpsBracket() {
        assertThat(new Bracket(100, 125).probe()).isEqualTo(112);
    }

    @Test
    void aProbeKeptUpWithRaisesTheLowerEnd() {
        var next = new Bracket(100, 125).after(true);

        assertThat(next).isEqualTo(new Bracket(112, 125));
        assertThat(next.probe()).isEqualTo(118);
    }

    @Test
    void aFailedProbeLowersTheUpperEnd() {
        var next = new Bracket(100, 125).after(false);

        assertThat(next).isEqualTo(new Bracket(100, 112));
        assertThat(next.probe()).isEqualTo(106);
    }

    @Test
    void twoRoundsNarrowAStepOf25ToAbout6() {
        for (var first : new boolean[] {true, false}) {
            for (var second : new boolean[] {true, false}) {
                var bracket = new Bracket(100, 125).after(first).after(second);

                assertThat(bracket.resolution()).isBetween(6, 7);
                assertThat(bracket.kept()).isBetween(100, 118);
            }
        }
    }

    @Test
    void theStepUpBracketsBetweenTheHighestKeptRateAndTheLowestFailedAboveIt() {
        // A miss the step-up forgave (125) lies below the maximum: the bracket starts at 150.
        var outcomes = Map.of(50, true, 100, true, 125, false, 150, true, 200, false, 250, false);

        assertThat(Bracket.of(outcomes)).contains(new Bracket(150, 200));
    }

    @Test
    void aFlowThatKeptUpWithNoRateIsBracketedFromZero() {
        assertThat(Bracket.of(Map.of(25, false, 50, false))).contains(new Bracket(0, 25));
    }

    @Test
    void aFlowThatFailedNoRateHasOnlyALowerBound() {
        assertThat(Bracket.of(Map.of(25, true, 50, true))).isEmpty();
        assertThat(Bracket.of(Map.of())).isEmpty();
    }

    @Test
    void aBracketOfOneRateIsResolved() {
        var bracket = new Bracket(112, 113);

        assertThat(bracket.resolved()).isTrue();
        assertThatThrownBy(() -> bracket.after(true)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theUpperEndMustLieAboveTheLowerOne() {
        assertThatThrownBy(() -> new Bracket(125, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Bracket(100, 100)).isInstanceOf(IllegalArgumentException.class);
    }
}
