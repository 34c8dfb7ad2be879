package org.switchboard.web.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.switchboard.web.login.PresentedCredentials.Form;

class PresentedCredentialsTest {

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void wellFormedBasicNamesItsUserAndForgetsThePassword() {
        var read = PresentedCredentials.read(basic("viewer:viewer-demo"));
        assertThat(read.form()).isEqualTo(Form.BASIC);
        assertThat(read.user()).isEqualTo("viewer");
        assertThat(read.toString()).doesNotContain("viewer-demo");
        assertThat(PresentedCredentials.read(basic("ünïcode:pässword:with:colons"))
                        .user())
                .isEqualTo("ünïcode");
    }

    @Test
    void anythingButCanonicalBase64OfUserColonPasswordIsMalformed() {
        for (var header : new String[] {
            "Basic !!!",
            "Basic dXNlcg===", // over-padded
            "Basic dXNlcg=", // under-padded
            "Basic dmlld2VyOnZpZXdlci1kZW1v=", // padding where none belongs
            "Basic " + Base64.getEncoder().encodeToString("user".getBytes(StandardCharsets.UTF_8)), // no colon
            "Basic " + Base64.getEncoder().encodeToString(":password".getBytes(StandardCharsets.UTF_8)), // no user
            "Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, ':', 'x'}), // not UTF-8
            "Basic " + "QUFB".repeat(300), // overlong
            "Basic",
            "Basic ",
            "basic a b"
        }) {
            assertThat(PresentedCredentials.read(header).form()).as(header).isEqualTo(Form.MALFORMED);
        }
    }

    @Test
    void otherSchemesAndNoHeaderAreLeftToTheContainer() {
        assertThat(PresentedCredentials.read(null).form()).isEqualTo(Form.NONE);
        assertThat(PresentedCredentials.read("Bearer abc").form()).isEqualTo(Form.OTHER);
    }

    @Test
    void aLoggedUserNameCannotForgeLogLines() {
        var read = PresentedCredentials.read(basic("evil\nINFO forged line\u202e:x"));
        assertThat(read.loggableUser()).doesNotContain("\n").doesNotContain("\u202e");
        assertThat(PresentedCredentials.read(basic("x".repeat(500) + ":p")).loggableUser())
                .hasSize(64);
    }
}
