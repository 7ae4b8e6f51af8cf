package io.claimtrack.guard;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import io.claimtrack.problem.Problem;
import io.claimtrack.refusal.FieldError;

/**
 * A query parameter the API endpoint does not take is a 400 naming the ones it does: {@code ?stauts=REFUTED}
 * would otherwise answer every claim, and the caller would never know the filter was not applied. The allowed
 * names are read once per endpoint from its {@code @QueryParam}s (its {@code @BeanParam}s' included).
 */
@Provider
public class KnownQueryParameters implements ContainerRequestFilter {

    private static final Map<Method, Set<String>> TAKEN = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath().startsWith("/") ? request.getUriInfo().getPath()
                : "/" + request.getUriInfo().getPath();
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || !(path.startsWith("/api/") || path.startsWith("/feeds/"))) {
            return;
        }
        Set<String> taken = TAKEN.computeIfAbsent(method, KnownQueryParameters::queryParameters);
        Set<String> unknown = new TreeSet<>(request.getUriInfo().getQueryParameters().keySet());
        unknown.removeAll(taken);
        if (unknown.isEmpty()) {
            return;
        }
        String takes = taken.isEmpty() ? "it takes none" : "it takes " + String.join(", ", taken);
        List<FieldError> errors = unknown.stream().map(name -> new FieldError(name, "is not a parameter of "
                + request.getMethod() + " " + path + "; " + takes)).toList();
        request.abortWith(Problem.of(400, "Unknown query parameter" + (unknown.size() == 1 ? " " : "s ")
                + String.join(", ", unknown) + ": " + takes, path, errors).response().build());
    }

    private static Set<String> queryParameters(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> type = parameter.getType(); type != null && type != Object.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        QueryParam fieldQuery = field.getAnnotation(QueryParam.class);
                        if (fieldQuery != null) {
                            names.add(fieldQuery.value());
                        }
                    }
                }
            }
        }
        return java.util.Collections.unmodifiableSet(names); // sorted, as the refusal lists them
    }
}
