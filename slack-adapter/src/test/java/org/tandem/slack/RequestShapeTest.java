package org.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shapes Slack always sends, and what breaks them, read as Bolt reads a body. */
class RequestShapeTest {

    static final String USER = "\"user\":{\"id\":\"U1\"}";

    static String payload(String json) {
        return "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"type\":\"url_verification\",\"challenge\":\"abc\"}",
        "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event\":{\"type\":\"message\"}}",
        "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event\":{\"type\":\"app_mention\"},\"authorizations\":[{}]}",
        "  {\"type\":\"event_callback\",\"enterprise_id\":\"E1\",\"event\":{\"type\":\"app_home_opened\"}}",
        "command=%2Fmentor&team_id=T1&user_id=U1&text=help",
        "ssl_check=1&token=x",
    })
    void slacksShapesPass(String body) {
        assertThat(RequestShape.problem(body)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"type\":\"block_actions\"," + USER + ",\"actions\":[{\"action_id\":\"a\"}],\"team\":{\"id\":\"T1\"}}",
        "{\"type\":\"block_actions\"," + USER + ",\"actions\":[],\"channel\":null}",
        "{\"type\":\"view_submission\"," + USER + ",\"view\":{\"id\":\"V1\",\"state\":{\"values\":{\"b\":{\"a\":{}}}}}}",
        "{\"type\":\"view_submission\"," + USER + ",\"view\":{\"id\":\"V1\"}}",
    })
    void interactivityShapesPass(String json) {
        assertThat(RequestShape.problem(payload(json))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
        "empty                     | ^   ^                                                       | empty request",
        "JSON that is not JSON     | {\"type\":                                                 | malformed JSON",
        "a JSON array              | [{\"type\":\"event_callback\"}]                            | not a JSON object",
        "type null                 | {\"type\":null}                                            | no type",
        "an unknown JSON type      | {\"type\":\"app_rate_limited\"}                            | not a Slack request",
        "no challenge              | {\"type\":\"url_verification\"}                            | no challenge",
        "an event without one      | {\"type\":\"event_callback\",\"team_id\":\"T1\"}           | without an event",
        "an event as a string      | {\"type\":\"event_callback\",\"team_id\":\"T1\",\"event\":\"x\"} | without an event",
        "an event without a type   | {\"type\":\"event_callback\",\"team_id\":\"T1\",\"event\":{}} | without an event",
        "an event of no workspace  | {\"type\":\"event_callback\",\"event\":{\"type\":\"message\"}} | without a workspace",
        "odd authorizations        | {\"type\":\"event_callback\",\"team_id\":\"T1\",\"event\":{\"type\":\"m\"},\"authorizations\":[1]} | authorizations",
        "a user that is null       | {\"type\":\"event_callback\",\"team_id\":\"T1\",\"event\":{\"type\":\"m\",\"user\":null}} | malformed user",
        "a user without an id      | {\"type\":\"event_callback\",\"team_id\":\"T1\",\"event\":{\"type\":\"m\",\"user\":{}}} | malformed user",
        "a bot id that is a list   | {\"type\":\"event_callback\",\"team_id\":\"T1\",\"event\":{\"type\":\"m\",\"bot_id\":[]}} | malformed bot_id",
        "a form of nothing known   | hello=world                                                 | not a Slack request",
        "a bad escape              | payload=%zz                                                 | malformed form encoding",
        "a payload given twice     | payload=%7B%7D&payload=%7B%7D                               | given twice",
        "a command without a user  | command=%2Fmentor&team_id=T1                                | without user_id",
        "a command without a team  | command=%2Fmentor&user_id=U1                                | without team_id",
        "a user id with a newline  | command=%2Fmentor&team_id=T1&user_id=U1%0Ax                  | malformed user_id",
        "a team id with a pipe     | command=%2Fmentor&team_id=T%7C1&user_id=U1                   | malformed team_id",
        "an event's odd workspace  | {\"type\":\"event_callback\",\"team_id\":\"t 1\",\"event\":{\"type\":\"m\"}} | malformed workspace id",
        "an event's odd user       | {\"type\":\"event_callback\",\"team_id\":\"T1\",\"event\":{\"type\":\"m\",\"user\":\"u 1\"}} | malformed user",
        "a command that is no slash | command=mentor&team_id=T1&user_id=U1                       | malformed command",
    })
    void brokenBodiesSayWhy(String what, String body, String reason) {
        assertThat(RequestShape.problem(body == null ? "" : body)).as(what).hasValueSatisfying(r ->
                assertThat(r).contains(reason));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
        "not JSON                    | not json                                                  | malformed JSON",
        "a JSON array                | [1,2]                                                     | not a JSON object",
        "type null                   | {\"type\":null}                                           | without a type",
        "block_actions without user  | {\"type\":\"block_actions\",\"actions\":[]}               | without a user",
        "a user without an id        | {\"type\":\"block_actions\",\"user\":{},\"actions\":[]}   | without a user",
        "a user that is a string     | {\"type\":\"block_actions\",\"user\":\"U1\",\"actions\":[]} | without a user",
        "no actions                  | {\"type\":\"block_actions\"," + USER + "}                  | without actions",
        "an action without its id    | {\"type\":\"block_actions\"," + USER + ",\"actions\":[{}]} | without an action_id",
        "a channel that is a list    | {\"type\":\"block_actions\"," + USER + ",\"actions\":[],\"channel\":[]} | malformed channel",
        "a user id of odd characters | {\"type\":\"block_actions\",\"user\":{\"id\":\"u 1\"},\"actions\":[]} | without a user",
        "a channel without an id     | {\"type\":\"block_actions\"," + USER + ",\"actions\":[],\"channel\":{}} | malformed channel",
        "a team that is a string     | {\"type\":\"block_actions\"," + USER + ",\"actions\":[],\"team\":\"T1\"} | malformed team",
        "view_submission, no view    | {\"type\":\"view_submission\"," + USER + "}               | without a view",
        "values that are a list      | {\"type\":\"view_submission\"," + USER + ",\"view\":{\"state\":{\"values\":[]}}} | view values",
        "a value that is a string    | {\"type\":\"view_submission\"," + USER + ",\"view\":{\"state\":{\"values\":{\"b\":{\"a\":\"x\"}}}}} | view values",
        "a type Tandem does not use  | {\"type\":\"shortcut\"," + USER + "}                      | does not use",
    })
    void brokenPayloadsSayWhy(String what, String json, String reason) {
        assertThat(RequestShape.problem(payload(json))).as(what).hasValueSatisfying(r ->
                assertThat(r).contains(reason));
    }

    @Test
    void deepNestingIsRefusedBeforeAnyParserRecurses() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertThat(RequestShape.problem(payload(deep))).hasValue("malformed JSON");
        assertThat(RequestShape.problem("{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event\":" + deep + "}"))
                .hasValue("malformed JSON");
        String fine = "[".repeat(RequestShape.MAX_DEPTH) + "]".repeat(RequestShape.MAX_DEPTH);
        assertThat(RequestShape.tooDeep(fine)).isFalse();
        assertThat(RequestShape.tooDeep("[" + fine + "]")).isTrue();
        assertThat(RequestShape.tooDeep("[\"" + "[".repeat(100) + "\\\"\"]")).as("brackets in a string").isFalse();
    }
}
