package org.switchboard.web.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import java.util.UUID;
import org.switchboard.operations.journeys.boundary.Journey;
import org.switchboard.operations.journeys.boundary.Journeys;

/** Backs ops/journey.xhtml: one flow's messages, looked up by the correlation id in the address. */
@Named
@RequestScoped
public class JourneyPage {

    @Inject
    Journeys journeys;

    private String correlationId;
    private Optional<Journey> journey;

    /** The {@code correlationId} query parameter, as typed. */
    public String getCorrelationId() {
        if (correlationId == null) {
            var given = FacesContext.getCurrentInstance()
                    .getExternalContext()
                    .getRequestParameterMap()
                    .get("correlationId");
            correlationId = given == null ? "" : given.strip();
        }
        return correlationId;
    }

    /** The journey asked for, or null (with a Faces message saying why) when there is none to show. */
    public Journey getJourney() {
        if (journey == null) {
            journey = Optional.empty();
            if (!getCorrelationId().isEmpty()) {
                try {
                    var id = UUID.fromString(correlationId);
                    journey = journeys.of(id);
                    if (journey.isEmpty()) {
                        say(
                                FacesMessage.SEVERITY_WARN,
                                "Nothing is known of flow " + id
                                        + ": no message of it was handled in the last days, and none is in a queue.");
                    }
                } catch (IllegalArgumentException e) {
                    say(
                            FacesMessage.SEVERITY_ERROR,
                            "A correlation id is a UUID, such as 5b1d7a3e-8c2f-4e19-b6a0-93f4e2c8d710.");
                }
            }
        }
        return journey.orElse(null);
    }

    private static void say(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage("correlationId", new FacesMessage(severity, text, text));
    }
}
