package io.claimtrack.refusal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Names the field at fault the way the client wrote it, for a request body and for a line of an
 * import alike.
 */
public final class FieldErrors {

    /** Every resource names its request body parameter so. */
    private static final String BODY = "request";

    private FieldErrors() {
    }

    public static FieldError of(ConstraintViolation<?> violation) {
        return new FieldError(field(violation), violation.getMessage());
    }

    /** Every violation as a field error, ordered by field, so the same input is always described alike. */
    public static List<FieldError> of(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream().map(FieldErrors::of).sorted(Comparator.comparing(FieldError::field)).toList();
    }

    /**
     * Refuses a request body that is missing ({@code shape} says what one looks like) or breaks its own
     * constraints, each field at fault named: the check every service taking a body makes first.
     */
    public static void requireValid(jakarta.validation.Validator validator, Object request, String shape) {
        if (request == null) {
            throw new InvalidInput("a JSON body is required: " + shape);
        }
        List<FieldError> problems = of(validator.validate(request));
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
    }

    /** The refusal of a request with these faults: each named, and all of them in the detail. */
    public static InvalidInput invalid(List<FieldError> errors) {
        return new InvalidInput(errors.stream().map(err -> err.field() + ": " + err.message())
                .collect(Collectors.joining("; ")), errors);
    }

    /** The property a JSON document got wrong, or null when the fault is not in one property. */
    public static FieldError of(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return new FieldError(field, jsonMessage(e));
        }
        return null;
    }

    private static String jsonMessage(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown property";
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            Class<?> type = invalid.getTargetType();
            if (type.isEnum()) {
                return "must be one of " + Arrays.toString(type.getEnumConstants());
            }
            if (type == Instant.class) {
                return "must be an ISO-8601 instant such as 2015-09-30T12:00:00Z";
            }
            return "cannot be read as " + simpleType(type);
        }
        return "has the wrong type or shape";
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "the expected type";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        return type == String.class ? "text" : "a " + type.getSimpleName().toLowerCase();
    }

    /**
     * The field as the client named it: "create.request.text" → "text" (a body property),
     * "list.page" → "page" (a query parameter), "create.request.blocs[0]" → "blocs[0]".
     */
    private static String field(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(node -> {
            if (node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.CONSTRUCTOR) {
                nodes.add(node);
            }
        });
        if (!nodes.isEmpty() && nodes.get(0).getKind() == ElementKind.PARAMETER && BODY.equals(nodes.get(0).getName())) {
            nodes.remove(0); // the body parameter itself: the client only sees its properties
        }
        StringBuilder field = new StringBuilder();
        for (Path.Node node : nodes) {
            if (node.getIndex() != null || node.getKey() != null) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                field.append(field.length() == 0 ? "" : ".").append(node.getName());
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }
}
