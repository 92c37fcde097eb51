package org.suanli.settlement.notice;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Optional;

/**
 * What the public notice allows: objections while the window is open, one answer per objection, and which
 * orders settlement must hold out of its batches. Plain Java.
 */
public final class ObjectionRules {

    public static final String WINDOW_CLOSED = "objection-window-closed";
    public static final String ALREADY_ANSWERED = "objection-answered";
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(ObjectionWindow.SHANGHAI);

    private ObjectionRules() {
    }

    public enum Status { OPEN, UPHELD, DISMISSED }

    public enum Decision {
        UPHELD, DISMISSED;

        Status status() {
            return this == UPHELD ? Status.UPHELD : Status.DISMISSED;
        }
    }

    /** An objection as far as holding its order is concerned. */
    public record Standing(Status status, boolean clawedBack) {
    }

    public static Optional<Refusal> mayFile(String orderId, Instant closesAt, Instant now) {
        if (!now.isBefore(closesAt)) {
            return Optional.of(new Refusal(422, WINDOW_CLOSED, "the objection window of order " + orderId + " closed on "
                    + DEADLINE.format(closesAt) + " (Asia/Shanghai); objections are taken only while it is open"));
        }
        return Optional.empty();
    }

    public static Optional<Refusal> mayAnswer(long id, Status current) {
        if (current != Status.OPEN) {
            return Optional.of(new Refusal(409, ALREADY_ANSWERED, "objection " + id + " was already answered ("
                    + current + "); an answer is final"));
        }
        return Optional.empty();
    }

    /**
     * An order is held out of settlement while any objection to it is open, or one was upheld and voucher-service
     * has not yet clawed the subsidy back (paying it first would pay what is to be taken back).
     */
    public static boolean holdsOrder(Collection<Standing> objections) {
        return objections.stream().anyMatch(o -> o.status() == Status.OPEN
                || (o.status() == Status.UPHELD && !o.clawedBack()));
    }
}
