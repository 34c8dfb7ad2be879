package org.switchboard.webstore.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {

    @Test
    void noHeaderIsNoKey() {
        assertThat(IdempotencyKey.fromHeader(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "3f6c1a0e-8f1e-4c1b-9d0a-3b1f1f0e2a11", "order 17 / try #1", "~!@#$%^&*()_+{}|:\"<>?"})
    void printableAsciiIsAKey(String header) {
        assertThat(IdempotencyKey.fromHeader(header))
                .hasValueSatisfying(key -> assertThat(key.value()).isEqualTo(header));
    }

    @Test
    void twoHundredCharactersAreTheMost() {
        assertThat(IdempotencyKey.fromHeader("k".repeat(200))).isPresent();
        assertThatThrownBy(() -> IdempotencyKey.fromHeader("k".repeat(201)))
                .isInstanceOf(IdempotencyKey.Invalid.class)
                .hasMessageContaining("1 to 200 printable ASCII");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tab\there", "line\nbreak", "naïve", "del\u007f", "emoji\uD83D\uDE00"})
    void anythingElseIsRefused(String header) {
        assertThatThrownBy(() -> IdempotencyKey.fromHeader(header)).isInstanceOf(IdempotencyKey.Invalid.class);
    }
}
