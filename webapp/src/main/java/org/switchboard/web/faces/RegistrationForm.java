package org.switchboard.web.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import java.util.UUID;
import org.switchboard.ids.Ids;
import org.switchboard.messaging.Transience;
import org.switchboard.web.rest.Outage;
import org.switchboard.webstore.boundary.EmailAlreadyRegistered;
import org.switchboard.webstore.boundary.InvalidRegistration;
import org.switchboard.webstore.boundary.NewCustomer;
import org.switchboard.webstore.boundary.RegisteredCustomer;
import org.switchboard.webstore.boundary.Registrations;
import org.switchboard.webstore.boundary.UnpublishableRegistration;

/**
 * Backs register.xhtml. The rules live in the Web Store; this bean turns their verdicts into Faces
 * messages. A registration that went through redirects to the page with its sealed confirmation in
 * {@code ?welcome=} (post-redirect-get): a reload shows the confirmation again, it does not post twice.
 */
@Named
@RequestScoped
public class RegistrationForm {

    private static final System.Logger LOG = System.getLogger(RegistrationForm.class.getName());
    private static final String FORM = "registration";

    @Inject
    Registrations registrations;

    @Inject
    FacesContext faces;

    @Inject
    Confirmations confirmations;

    private String email;
    private String givenName;
    private String familyName;
    private boolean marketingConsent;
    private Optional<Confirmations.Confirmation> confirmation;

    /** The outcome: the page again, redirected, with the confirmation; null (stay, with messages) when refused. */
    public String register() {
        try {
            RegisteredCustomer registered =
                    registrations.register(new NewCustomer(email, givenName, familyName, marketingConsent), Ids.next());
            return "/register.xhtml?faces-redirect=true&welcome=" + confirmations.seal(registered);
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
                return null;
            }
            if (Outage.isOutage(e)) {
                // An outage, not a bug: one line, no stack trace.
                LOG.log(System.Logger.Level.WARNING, "Database unavailable, registration form refused: {0}", e);
                error(null, "The shop cannot store registrations right now; please try again in a minute.");
                return null;
            }
            var incident = UUID.randomUUID();
            LOG.log(System.Logger.Level.ERROR, () -> "Incident " + incident + ": registration failed", e);
            error(
                    null,
                    "Registration could not be completed (incident " + incident + "). Please try again;"
                            + " if the address is then reported as registered, the first attempt went through.");
        }
        return null;
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

    /** Whether the address carries a confirmation at all (shown, or said to be no longer shown). */
    public boolean isWelcomed() {
        return welcome() != null;
    }

    /** The confirmation from {@code ?welcome=}, or null when there is none or it is no longer valid. */
    public Confirmations.Confirmation getConfirmation() {
        if (confirmation == null) {
            var token = welcome();
            confirmation = token == null ? Optional.empty() : confirmations.open(token);
        }
        return confirmation.orElse(null);
    }

    private String welcome() {
        var token = faces.getExternalContext().getRequestParameterMap().get("welcome");
        return token == null || token.isBlank() ? null : token;
    }
}
