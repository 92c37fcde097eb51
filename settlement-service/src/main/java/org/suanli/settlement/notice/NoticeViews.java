package org.suanli.settlement.notice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.suanli.kernel.json.FreeText;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The public notice's requests and answers. Public ones carry nothing personal: no contact, no user. */
public final class NoticeViews {

    private NoticeViews() {
    }

    /** The subsidies granted in a month (the month the order completed, Asia/Shanghai). */
    public record NoticeView(String period, int objectionWorkingDays, List<NoticeLine> lines) {
    }

    /**
     * One program's subsidy on one order. {@code enterprise} and {@code computeCentre} are the organisations'
     * names (their ids when no name was ever told). {@code objectionOpen}: objections are taken now;
     * {@code underObjection}: an objection to the order awaits the program office's answer.
     */
    public record NoticeLine(String orderId, String enterprise, String computeCentre, String program, String programName,
                             String contractAmount, String subsidy, LocalDate date, LocalDate publishedOn,
                             Instant objectionClosesAt, boolean objectionOpen, boolean underObjection) {
    }

    /** An objection as anyone may file it: a way to reach the filer (for the program office only) and why. */
    public record ObjectionForm(@NotBlank @Size(max = 100) String contact,
                                @FreeText @NotBlank @Size(max = 2000) String reason) {
    }

    /** What the filer is told: the objection's number and state, not the contact they gave. */
    public record FiledView(long id, String orderId, String status, Instant filedAt, Instant objectionClosesAt) {
    }

    /** The program office's answer: UPHELD (the subsidy is to be clawed back) or DISMISSED, with a note. */
    public record AnswerForm(@NotNull ObjectionRules.Decision decision,
                             @FreeText @NotBlank @Size(max = 2000) String note) {
    }

    /**
     * For the program office. {@code heldOut}: the order is kept out of settlement batches now. {@code clawback}
     * (UPHELD only): what voucher-service must claw back, as the body of its
     * {@code POST /api/holds/{orderId}/clawbacks}, and whether the clawback has reached the ledger.
     */
    public record ObjectionView(long id, String orderId, String enterprise, String computeCentre, String contact,
                                String reason, Instant filedAt, String status, String note, String answeredBy,
                                Instant answeredAt, boolean heldOut, ClawbackDue clawback) {
    }

    public record ClawbackDue(String clawbackId, String suanli, String zhineng, String reason, String evidenceRef,
                              boolean done, Long entryId) {
    }
}
