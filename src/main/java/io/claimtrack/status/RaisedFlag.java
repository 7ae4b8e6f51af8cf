package io.claimtrack.status;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.claimtrack.facts.Flag;

/** A flag on a claim's current status, with the rule that raised it and why. */
@Embeddable
public class RaisedFlag {

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    public Flag flag;

    @Column(name = "rule_name", nullable = false)
    public String rule;

    @Column(nullable = false, length = 20_000)
    public String explanation;

    static RaisedFlag of(Flag flag, String rule, String explanation) {
        RaisedFlag raised = new RaisedFlag();
        raised.flag = flag;
        raised.rule = rule;
        raised.explanation = explanation;
        return raised;
    }
}
