package org.switchboard.operations.deadletters.boundary;

import java.util.List;

/** Dead letters of one queue that came from the same place for the same reason. */
public record DeadLetterGroup(
        String queue,
        String originalAddress,
        String originalQueue,
        String reason,
        int count,
        List<DeadLetter> messages) {}
