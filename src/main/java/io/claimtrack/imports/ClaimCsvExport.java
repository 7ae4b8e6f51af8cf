package io.claimtrack.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.claimtrack.claim.ClaimEntity;
import io.claimtrack.claim.ClaimFilter;
import io.claimtrack.review.ReviewEntity;
import io.claimtrack.status.ClaimStatusEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A filtered claim list as CSV for spreadsheets (RFC 4180: a header row, CRLF line ends, fields with a comma, a
 * quote or a line break quoted, quotes doubled), read a batch at a time in short transactions: the memory it
 * takes does not grow with the list.
 */
@ApplicationScoped
public class ClaimCsvExport {

    static final List<String> HEADER = List.of("id", "assertedAt", "recordedAt", "claimant", "claimantKind",
            "claimantBlocs", "topic", "text", "disputes", "supports", "retracts", "thread", "status", "flags", "rule",
            "reason", "review", "rating", "sourceUrl");
    private static final int BATCH = 500;

    public void write(OutputStream out, ClaimFilter filter) throws IOException {
        Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        row(csv, HEADER);
        Instant afterAt = null;
        long afterId = 0;
        while (true) {
            Instant fromAt = afterAt;
            long fromId = afterId;
            List<ClaimEntity> batch = new ArrayList<>();
            List<List<String>> rows = QuarkusTransaction.requiringNew().call(() -> {
                batch.addAll(filter.after(fromAt, fromId, BATCH));
                List<Long> ids = batch.stream().map(claim -> claim.id).toList();
                Map<Long, ClaimStatusEntity> statuses = ClaimStatusEntity.forClaims(ids);
                Map<Long, ReviewEntity> reviews = ReviewEntity.forClaims(ids).stream()
                        .collect(Collectors.toMap(review -> review.claimId, review -> review));
                return batch.stream().map(claim -> row(claim, statuses.get(claim.id), reviews.get(claim.id))).toList();
            });
            if (batch.isEmpty()) {
                break;
            }
            for (List<String> row : rows) {
                row(csv, row);
            }
            afterAt = batch.get(batch.size() - 1).assertedAt;
            afterId = batch.get(batch.size() - 1).id;
        }
        csv.flush();
    }

    private static List<String> row(ClaimEntity claim, ClaimStatusEntity status, ReviewEntity review) {
        List<String> row = new ArrayList<>();
        row.add(String.valueOf(claim.id));
        row.add(claim.assertedAt.toString());
        row.add(claim.recordedAt.toString());
        row.add(text(claim.claimant.name));
        row.add(claim.claimant.kind.name());
        row.add(text(String.join("; ", claim.claimant.blocs)));
        row.add(text(claim.topic));
        row.add(text(claim.text));
        row.add(id(claim.disputesId));
        row.add(id(claim.supportsId));
        row.add(id(claim.retractsId));
        row.add(String.valueOf(claim.threadId));
        row.add(status == null ? "" : status.status.name());
        row.add(status == null ? "" : status.flagSet().stream().map(Enum::name).collect(Collectors.joining(" ")));
        row.add(status == null ? "" : text(status.rule));
        row.add(status == null ? "" : text(status.explanation));
        row.add(review == null ? "UNASSIGNED" : review.state.name());
        row.add(review == null || review.rating == null ? "" : review.rating);
        row.add(claim.source == null ? "" : text(claim.source.url));
        return row;
    }

    private static String id(Long id) {
        return id == null ? "" : String.valueOf(id);
    }

    /**
     * Text as a spreadsheet should show it: a cell that begins like a formula (=, +, -, @, a tab or a carriage
     * return) is prefixed with an apostrophe, so opening the file never runs what someone wrote in a claim.
     */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static void row(Writer csv, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.write(',');
            }
            csv.write(quoted(fields.get(i)));
        }
        csv.write("\r\n");
    }

    /** RFC 4180: a field with a comma, a double quote or a line break is quoted, and its quotes doubled. */
    static String quoted(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
