package org.switchboard.provider;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** An HTTP answer of the provider: status, JSON body, and whether it replays an earlier request. */
record Answer(int status, JsonObject body, boolean replayed) {

    static Answer problem(int status, String title, String detail) {
        return new Answer(
                status,
                Json.createObjectBuilder()
                        .add("type", "about:blank")
                        .add("title", title)
                        .add("status", status)
                        .add("detail", detail)
                        .build(),
                false);
    }
}
