package io.claimtrack.publishing;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/** Who the desk is and where readers reach it: the author and the links of everything it publishes. */
@ConfigMapping(prefix = "claimtrack.publishing")
public interface PublishingSettings {

    /** The public address readers reach claimtrack at, without a trailing slash in use. */
    @WithName("base-url")
    String baseUrl();

    String organization();

    @WithName("organization-url")
    Optional<String> organizationUrl();

    /** The base URL as links are built from it. */
    default String base() {
        return baseUrl().replaceAll("/+$", "");
    }
}
