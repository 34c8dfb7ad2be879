package org.switchboard.web.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;
import org.switchboard.messaging.Transience;
import org.switchboard.web.rest.Outage;
import org.switchboard.webstore.boundary.EmailAlreadyRegistered;
import org.switchboard.webstore.boundary.InvalidRegistration;
import org.switchboard.webstore.boundary.NewCustomer;
import org.switchboard.webstore.boundary.RegisteredCustomer;
import org.switchboard.webstore.boundary.Registrations;
import org.switchboard.webstore.boundary.UnpublishableRegistration;

/** Backs register.xhtml. The rules live in the Web Store; this bean turns their verdicts into Faces messages. */
@Named
@RequestScoped
public class RegistrationForm {

    private static final System.Logger LOG = System.getLogger(RegistrationForm.class.getName());
    private static final String FORM = "registration";

    @Inject
    Registrations registrations;

    @Inject
    FacesContext faces;

    private String email;
    private String givenName;
    private String familyName;
    private boolean marketingConsent;
    private RegisteredCustomer registered;

    public void register() {
        try {
            registered = registrations.register(
                    new NewCustomer(email, givenName, familyName, marketingConsent), UUID.randomUUID());
            email = null;
            givenName = null;
            familyName = null;
            marketingConsent = false;
        } catch (InvalidRegistration e) {
            e.fieldErrors().forEach((field, message) -> error(FORM + ":" + field, message));
        } catch (UnpublishableRegistration e) {
            e.fieldErrors()
                    .forEach((field, message) ->
                            error(null, "Your registration cannot be sent on (" + field + "): " + message));
        } catch (EmailAlreadyRegistered e) {
            error(FORM + ":email", "This e-mail address is already registered.");
        } catch (RuntimeException e) {
            if (Transience.isOutcomeUnknown(e)) {
                LOG.log(System.Logger.Level.WARNING, "Registration commit failed, outcome unknown: {0}", e);
                error(
                        null,
                        "The shop could not confirm your registration. Please try again in a minute; if the"
                                + " address is then reported as registered, this attempt went through.");
                return;
            }
            if (Outage.isOutage(e)) {
                // An outage, not a bug: one line, no stack trace.
                LOG.log(System.Logger.Level.WARNING, "Database unavailable, registration form refused: {0}", e);
                error(null, "The shop cannot store registrations right now; please try again in a minute.");
                return;
            }
            var incident = UUID.randomUUID();
            LOG.log(System.Logger.Level.ERROR, () -> "Incident " + incident + ": registration failed", e);
            error(
                    null,
                    "Registration could not be completed (incident " + incident + "). Please try again;"
                            + " if the address is then reported as registered, the first attempt went through.");
        }
    }

    private void error(String clientId, String message) {
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getGivenName() {
        return givenName;
    }

    public void setGivenName(String givenName) {
        this.givenName = givenName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public void setFamilyName(String familyName) {
        this.familyName = familyName;
    }

    public boolean isMarketingConsent() {
        return marketingConsent;
    }

    public void setMarketingConsent(boolean marketingConsent) {
        this.marketingConsent = marketingConsent;
    }

    public RegisteredCustomer getRegistered() {
        return registered;
    }
}
