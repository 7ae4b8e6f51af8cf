package io.claimtrack.authoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;

import io.claimtrack.refusal.NotFound;
import io.quarkus.panache.common.Sort;

/** Reads the stored ruleset versions and their audit trail; changes nothing. */
@ApplicationScoped
public class RulesetVersions {

    /** Every version, newest first, with file names only. */
    @Transactional
    public List<RulesetView> list() {
        return RulesetEntity.<RulesetEntity>listAll(Sort.descending("version")).stream().map(RulesetView::summary).toList();
    }

    @Transactional
    public Optional<RulesetView> active() {
        return RulesetEntity.active().map(RulesetView::full);
    }

    /** A version with its files' text. */
    @Transactional
    public RulesetView get(int version) {
        return RulesetView.full(existing(version));
    }

    /** Who created, failed to validate, activated or rolled back which version, newest first. */
    @Transactional
    public List<AuditEntry> audit(int limit) {
        return RulesetAuditEntity.<RulesetAuditEntity>findAll(Sort.descending("id")).page(0, limit).list().stream()
                .map(AuditEntry::of).toList();
    }

    /** Per-file unified diff of {@code version} against {@code against}. */
    @Transactional
    public List<FileDiff> diff(int version, int against) {
        Map<String, String> files = existing(version).files;
        Map<String, String> base = existing(against).files;
        TreeSet<String> names = new TreeSet<>(files.keySet());
        names.addAll(base.keySet());
        List<FileDiff> diffs = new ArrayList<>();
        for (String name : names) {
            String before = base.get(name);
            String after = files.get(name);
            FileDiff.Change change = before == null ? FileDiff.Change.ADDED : after == null ? FileDiff.Change.REMOVED
                    : before.equals(after) ? FileDiff.Change.UNCHANGED : FileDiff.Change.MODIFIED;
            List<String> original = lines(before);
            List<String> revised = lines(after);
            String text = change == FileDiff.Change.UNCHANGED ? "" : String.join("\n",
                    UnifiedDiffUtils.generateUnifiedDiff("v" + against + "/" + name, "v" + version + "/" + name,
                            original, DiffUtils.diff(original, revised), 3)) + "\n";
            diffs.add(new FileDiff(name, change, text));
        }
        return diffs;
    }

    /** The version in the caller's transaction, or a refusal naming it. */
    static RulesetEntity existing(int version) {
        RulesetEntity ruleset = RulesetEntity.findById(version);
        if (ruleset == null) {
            throw NotFound.of("ruleset version", version);
        }
        return ruleset;
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.asList(text.split("\n", -1));
    }
}
