package io.claimtrack.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class that runs on PostgreSQL: skipped, with one line saying so, on a machine where the server
 * does not answer (CI makes sure it does: see .ci/run).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(RequiresPostgres.Condition.class)
public @interface RequiresPostgres {

    class Condition implements ExecutionCondition {

        private static final AtomicBoolean SAID = new AtomicBoolean();
        private static volatile Boolean answers;

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (answers == null) {
                answers = PostgresDatabase.answers();
            }
            if (answers) {
                return ConditionEvaluationResult.enabled("PostgreSQL answers at " + PostgresDatabase.HOST);
            }
            String why = "PostgreSQL does not answer at " + PostgresDatabase.HOST + ": the tests on PostgreSQL are skipped";
            if (SAID.compareAndSet(false, true)) {
                System.out.println("*** " + why);
            }
            return ConditionEvaluationResult.disabled(why);
        }
    }
}
