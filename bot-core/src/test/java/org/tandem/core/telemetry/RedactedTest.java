package org.tandem.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.tandem.core.testing.TestMongo;

/** A failure or a key as a log line may say it: where and what went wrong, never who or what they wrote. */
class RedactedTest {

    private static final String KEY = "slack|T1|U0PELICAN7";
    private static final String TEXT = "Zanzibar pelican 7Q";

    @Test
    void aDuplicateKeyKeepsItsClassCodeAndStackButNotTheKeysValue() {
        MongoCollection<Document> people = TestMongo.freshDatabase().getCollection("people");
        people.insertOne(new Document("_id", KEY));
        Throwable e = catchThrowable(() -> people.insertOne(new Document("_id", KEY)));
        assertThat(e).isInstanceOf(MongoWriteException.class).hasMessageContaining("U0PELICAN7");

        String line = logged(Redacted.of(e));

        assertThat(line).contains("com.mongodb.MongoWriteException (code 11000)",
                "at " + RedactedTest.class.getName()).doesNotContain("U0PELICAN7");
        assertThat(Redacted.describe(e)).isEqualTo("com.mongodb.MongoWriteException (code 11000)");
    }

    @Test
    void causesAndSuppressedOnesAreRedactedToo() {
        IllegalStateException e = new IllegalStateException("handling " + TEXT + " failed",
                new IllegalArgumentException("not a valid identity part: " + KEY));
        e.addSuppressed(new UnsupportedOperationException(TEXT));

        Throwable r = Redacted.of(e);
        String line = logged(r);

        assertThat(line).contains("java.lang.IllegalStateException", "Caused by: ", "java.lang.IllegalArgumentException",
                "Suppressed: ", "java.lang.UnsupportedOperationException").doesNotContain("Zanzibar", "PELICAN");
        assertThat(r.getStackTrace()).isEqualTo(e.getStackTrace());
        assertThat(r.getCause().getStackTrace()).isEqualTo(e.getCause().getStackTrace());
        assertThat(r.toString()).isEqualTo(Redacted.class.getName() + ": java.lang.IllegalStateException");
        assertThat(Redacted.describe(r)).isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void aLoopOfCausesEnds() {
        RuntimeException a = new RuntimeException(TEXT);
        RuntimeException b = new RuntimeException(TEXT, a);
        a.initCause(b);
        assertThat(logged(Redacted.of(a))).doesNotContain("Zanzibar");
    }

    @Test
    void aConnectionFailureSaysWhereItCouldNotConnect() {
        assertThat(Redacted.describe(new ConnectException("Connection refused")))
                .isEqualTo("java.net.ConnectException: Connection refused");
        assertThat(Redacted.describe(new UncheckedIOException(new java.io.IOException(TEXT))))
                .isEqualTo("java.io.UncheckedIOException");
        assertThat(Redacted.describe(null)).isEqualTo("(none)");
        assertThat(Redacted.of(null)).isNull();
    }

    @Test
    void aKeyLosesThePersonItEmbedsAndKeepsTheRest() {
        assertThat(Redacted.key("shortlist-remind|p1a2|slack|T1|U0PELICAN7|2026-03-02T09:00:00Z|1"))
                .isEqualTo("shortlist-remind|p1a2|slack|T1|*|2026-03-02T09:00:00Z|1");
        assertThat(Redacted.key("reply|webchat|local|zanzibar.pelican@example.org|4f1c"))
                .isEqualTo("reply|webchat|local|*|4f1c");
        assertThat(Redacted.key("form|teams|tenant-1|aad-7f3e|agreement.form"))
                .isEqualTo("form|teams|tenant-1|*|agreement.form");
        assertThat(Redacted.key("weekly-digest|slack|T1|2026-W05")).isEqualTo("weekly-digest|slack|T1|2026-W05");
        assertThat(Redacted.key("retention|teams|tenant-1|2026-03-02")).isEqualTo("retention|teams|tenant-1|2026-03-02");
        assertThat(Redacted.key("rhythm.checkin|pr0a1b2c|3")).isEqualTo("rhythm.checkin|pr0a1b2c|3");
        assertThat(Redacted.key(null)).isNull();
    }

    /** How Logback writes an ERROR with this throwable: the line and its stack trace. */
    private static String logged(Throwable t) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %msg%n%ex");
        encoder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        Logger logger = context.getLogger("redacted-test");
        logger.setAdditive(false);
        logger.addAppender(appender);
        try {
            logger.error("it failed", t);
        } finally {
            logger.detachAppender(appender);
            appender.stop();
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
