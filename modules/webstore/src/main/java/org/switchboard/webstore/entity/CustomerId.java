package org.switchboard.webstore.entity;

import java.util.UUID;
import org.switchboard.ids.Ids;

public record CustomerId(UUID value) {

    public CustomerId {
        if (value == null) {
            throw new IllegalArgumentException("A customer id needs a value");
        }
    }

    public static CustomerId next() {
        return new CustomerId(Ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
