package org.switchboard.marketing.entity;

import java.util.UUID;
import org.switchboard.ids.Ids;

public record ContactId(UUID value) {

    public ContactId {
        if (value == null) {
            throw new IllegalArgumentException("A contact id needs a value");
        }
    }

    public static ContactId next() {
        return new ContactId(Ids.next());
    }
}
