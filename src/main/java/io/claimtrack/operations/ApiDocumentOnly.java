package io.claimtrack.operations;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The OpenAPI document describes the API (/api/**) only: the pages, the feeds and the live stream are JAX-RS
 * resources too, but they are not an API a client programs against, and listed there they mislead.
 */
public class ApiDocumentOnly implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        List<String> notApi = openAPI.getPaths().getPathItems().keySet().stream()
                .filter(path -> !path.startsWith("/api/")).toList();
        notApi.forEach(openAPI.getPaths()::removePathItem);
    }
}
