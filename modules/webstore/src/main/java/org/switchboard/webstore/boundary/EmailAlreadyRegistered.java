package org.switchboard.webstore.boundary;

import jakarta.ejb.ApplicationException;

/** A registration for an e-mail address that already belongs to a customer. Nothing is stored or published. */
@ApplicationException(rollback = true)
public class EmailAlreadyRegistered extends RuntimeException {

    private final String email;

    public EmailAlreadyRegistered(String email) {
        super("E-mail address " + email + " is already registered");
        this.email = email;
    }

    public String email() {
        return email;
    }
}
