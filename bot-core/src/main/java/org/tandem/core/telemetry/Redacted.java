package org.tandem.core.telemetry;

import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a log line at INFO or above may say of a failure or a key: never a message text, a name or a person's id.
 * An exception's message may echo what it was given (a duplicate key's value, a request body, a user id), so
 * {@link #of} keeps its class and stack trace and drops its message, and {@link #describe} names its class; both keep
 * what cannot carry a person and helps an operator: a MongoDB error code, the message of a network or database
 * connection failure (a host, a timeout). {@link #key} hides the person in a key that embeds one.
 */
public final class Redacted extends RuntimeException {

    /** A person's key inside another key ({@code platform|tenant|userId}), but not a workspace's date or week. */
    private static final Pattern PERSON = Pattern.compile(
            "\\b(slack|teams|webchat)\\|([^|\\s]+)\\|(?!\\d{4}-[W\\d])[^|\\s]+");
    /** Causes followed at most, so that a loop of causes cannot hang a log line. */
    private static final int DEPTH = 8;

    private Redacted(String described, Throwable cause) {
        super(described, cause, true, true);
    }

    /** The stack trace is the redacted exception's, set after: none of this constructor's own. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    /**
     * The same failure for a log line: the class and the safe detail of {@code e} (see {@link #describe}) as its
     * message, {@code e}'s stack trace, and its causes and suppressed exceptions redacted alike.
     */
    public static Throwable of(Throwable e) {
        return e == null ? null : of(e, new IdentityHashMap<>(), 0);
    }

    private static Redacted of(Throwable e, Map<Throwable, Redacted> seen, int depth) {
        Redacted known = seen.get(e);
        if (known != null) {
            return known;
        }
        Throwable cause = e.getCause();
        Redacted r = new Redacted(describe(e),
                cause == null || cause == e || depth >= DEPTH ? null : of(cause, seen, depth + 1));
        seen.put(e, r);
        r.setStackTrace(e.getStackTrace());
        for (Throwable s : e.getSuppressed()) {
            if (depth < DEPTH) {
                r.addSuppressed(of(s, seen, depth + 1));
            }
        }
        return r;
    }

    /**
     * The class of {@code e}, with what of its message cannot name a person: the code of a MongoDB error, the message
     * of a failure to reach the database or a host (a socket's, a timeout's, an unknown host's). Never another
     * message: not even a URI's, which may hold what a person typed.
     */
    public static String describe(Throwable e) {
        if (e == null) {
            return "(none)";
        }
        String name = e instanceof Redacted ? e.getMessage() : e.getClass().getName();
        if (e instanceof MongoSocketException || e instanceof MongoTimeoutException || e instanceof SocketException
                || e instanceof SocketTimeoutException || e instanceof UnknownHostException
                || e instanceof HttpTimeoutException) {
            return e.getMessage() == null ? name : name + ": " + e.getMessage();
        }
        if (e instanceof MongoException m && m.getCode() != -1) {
            return name + " (code " + m.getCode() + ")";
        }
        return name;
    }

    /**
     * A key (a due item's, a question's) with the user id of any person's key in it replaced by {@code *}:
     * {@code shortlist|p1|slack|T1|U123} becomes {@code shortlist|p1|slack|T1|*}. Pairs, programmes, kinds, workspaces
     * and dates stay, so an operator can still find the item.
     */
    public static String key(String key) {
        return key == null ? null : PERSON.matcher(key).replaceAll("$1|$2|*");
    }

    /** The message is already what may be logged; the rest of a {@code Throwable}'s {@code toString} is the class. */
    @Override
    public String toString() {
        return getClass().getName() + ": " + getMessage();
    }
}
