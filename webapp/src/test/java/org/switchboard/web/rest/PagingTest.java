package org.switchboard.web.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void wholeNumbersInRangeAreTakenAbsentOnesDefault() {
        assertThat(Paging.of(null, null, 200)).isEqualTo(new Paging(0, 50));
        assertThat(Paging.of("0", "1", 200)).isEqualTo(new Paging(0, 1));
        assertThat(Paging.of("007", "200", 200)).isEqualTo(new Paging(7, 200));
        assertThat(Paging.of("2147483647", null, 200)).isEqualTo(new Paging(Integer.MAX_VALUE, 50));
        assertThat(Paging.of(null, null, 20)).isEqualTo(new Paging(0, 20));
    }

    @Test
    void anythingElseIsTheClientsMistake() {
        var offsets = new String[] {
            "abc", "-1", "1e3", "1.5", "+1", " 1", "1 ", "0x10", "", "2147483648", "99999999999999999999", "١"
        };
        var limits = new String[] {"abc", "-1", "0", "1e3", "201", "", "99999999999999999999"};
        Arrays.stream(offsets)
                .forEach(offset -> assertThatThrownBy(() -> Paging.of(offset, null, 200))
                        .as("offset %s", offset)
                        .isInstanceOf(InvalidPaging.class)
                        .hasMessageStartingWith("offset must be a whole number from 0 to 2147483647"));
        Arrays.stream(limits)
                .forEach(limit -> assertThatThrownBy(() -> Paging.of(null, limit, 200))
                        .as("limit %s", limit)
                        .isInstanceOf(InvalidPaging.class)
                        .hasMessageStartingWith("limit must be a whole number from 1 to 200"));
    }
}
