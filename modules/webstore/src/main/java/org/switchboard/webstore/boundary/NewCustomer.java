package org.switchboard.webstore.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.switchboard.webstore.entity.Customer;

/** What a visitor submits to register. The constraints are the Web Store's rules for a registration. */
public record NewCustomer(
        @NotBlank(message = "E-mail address is required")
        @Email(message = "Not a valid e-mail address")
        @Size(max = 254, message = "E-mail address is longer than 254 characters")
        @Pattern(regexp = NO_CONTROL_CHARACTERS, message = "E-mail address contains control characters")
        String email,

        @NotBlank(message = "Full name is required")
        @Size(max = 200, message = "Full name is longer than 200 characters")
        @Pattern(regexp = NO_CONTROL_CHARACTERS, message = "Full name contains control characters")
        String fullName) {

    static final String NO_CONTROL_CHARACTERS = "[^\\p{Cntrl}]*";

    /** As the Web Store stores it: e-mail trimmed and in lower case, name trimmed. Rules apply to this form. */
    NewCustomer normalized() {
        return new NewCustomer(
                email == null ? null : Customer.normalizeEmail(email), fullName == null ? null : fullName.strip());
    }
}
