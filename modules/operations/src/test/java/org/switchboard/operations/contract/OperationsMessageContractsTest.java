package org.switchboard.operations.contract;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import java.time.Instant;
import java.util.UUID;
import org.switchboard.messaging.JsonMessages;
import org.switchboard.messaging.contract.MessageProviderContract;
import org.switchboard.operations.sagas.control.SentRedrives;
import org.switchboard.operations.sagas.entity.RedriveAction;
import org.switchboard.operations.sagas.entity.RedriveRequest;

/**
 * Operations, as the provider of {@code RedriveSaga} (to Ordering), against the consumer's pact in
 * {@code schema/pacts/}: the command comes from the real {@code RedriveCommands} for a request an
 * approver approved, through the real envelope builder, as the outbox stores it.
 */
@Provider("operations")
@PactFolder
class OperationsMessageContractsTest extends MessageProviderContract {

    @PactVerifyProvider("a RedriveSaga command to resend the pending step")
    MessageAndMetadata resend() {
        return message(approved(RedriveAction.RESEND_PENDING, "Shipping lost the command"));
    }

    @PactVerifyProvider("a RedriveSaga command to force compensation")
    MessageAndMetadata forceCompensation() {
        return message(approved(RedriveAction.FORCE_COMPENSATION, "The customer cancelled by phone"));
    }

    private static JsonMessages.Envelope approved(RedriveAction action, String reason) {
        var request =
                new RedriveRequest(UUID.randomUUID(), UUID.randomUUID(), action, reason, "operator", Instant.now());
        request.decide("approver", true, "Checked", Instant.now());
        return JsonMessages.envelope(SentRedrives.of(request));
    }
}
