package org.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Slack's signature, with Slack's documented example, and a window of five minutes both ways. */
class SignatureCheckTest {

    // the example of Slack's "Verifying requests from Slack" page
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String TIMESTAMP = "1531420618";
    private static final byte[] BODY = ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect"
            + "&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c").getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static SignatureCheck at(long epochSecond) {
        return new SignatureCheck(SECRET, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    @Test
    void acceptsSlacksExample() {
        assertThat(at(1531420618L + 60).valid(TIMESTAMP, SIGNATURE, BODY)).isTrue();
        assertThat(at(1531420618L).sign(TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void refusesAChangedBodyOrSignature() {
        byte[] changed = BODY.clone();
        changed[changed.length - 1] = 'x';
        assertThat(at(1531420618L).valid(TIMESTAMP, SIGNATURE, changed)).isFalse();
        assertThat(at(1531420618L).valid(TIMESTAMP, SIGNATURE.replace('a', 'b'), BODY)).isFalse();
        assertThat(new SignatureCheck("other", Clock.fixed(Instant.ofEpochSecond(1531420618L), ZoneOffset.UTC))
                .valid(TIMESTAMP, SIGNATURE, BODY)).isFalse();
    }

    @Test
    void refusesTimestampsMoreThanFiveMinutesOffEitherWay() {
        assertThat(at(1531420618L + 301).valid(TIMESTAMP, SIGNATURE, BODY)).as("too old").isFalse();
        assertThat(at(1531420618L - 301).valid(TIMESTAMP, SIGNATURE, BODY)).as("from the future").isFalse();
        assertThat(at(1531420618L - 299).valid(TIMESTAMP, SIGNATURE, BODY)).isTrue();
    }

    @Test
    void refusesMissingOrOddHeaders() {
        assertThat(at(1531420618L).valid(null, SIGNATURE, BODY)).isFalse();
        assertThat(at(1531420618L).valid(TIMESTAMP, null, BODY)).isFalse();
        assertThat(at(1531420618L).valid("15314206.18", SIGNATURE, BODY)).isFalse();
        assertThat(at(1531420618L).valid("", SIGNATURE, BODY)).isFalse();
    }
}
