package org.switchboard.operations.deadletters.control;

import java.util.UUID;

/** A request was approved: once that is committed, it is carried out (see {@link ApprovedRequests}). */
public record RequestApproved(UUID requestId, String approver) {}
