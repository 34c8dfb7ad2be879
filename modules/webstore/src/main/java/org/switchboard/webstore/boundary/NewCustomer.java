package org.switchboard.webstore.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a visitor submits to register. The constraints are the Web Store's rules for a registration. */
public record NewCustomer(
        @NotBlank(message = "E-mail address is required")
        @Email(message = "Not a valid e-mail address")
        @Size(max = 254, message = "E-mail address is longer than 254 characters")
        String email,

        @NotBlank(message = "Full name is required")
        @Size(max = 200, message = "Full name is longer than 200 characters")
        String fullName) {}
