package io.claimtrack.operations;

import java.lang.reflect.Method;

import jakarta.ws.rs.container.ResourceInfo;

/** The resource method a request was matched to, if it was matched to one. */
final class MatchedResource {

    private MatchedResource() {
    }

    /**
     * @return "ClaimResource.submit", or null for a request no resource method took (a 404, 405 or 415 is answered
     * before matching, and the request's ResourceInfo then cannot even be asked: its producer fails)
     */
    static String of(ResourceInfo resource) {
        try {
            Method method = resource == null ? null : resource.getResourceMethod();
            return method == null ? null : resource.getResourceClass().getSimpleName() + "." + method.getName();
        } catch (RuntimeException noResourceMatched) {
            return null;
        }
    }
}
