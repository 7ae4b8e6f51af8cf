package io.claimtrack.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.claimtrack.refusal.InvalidInput;

/**
 * Where a webhook may be sent: http or https only, and never to this machine or a private network (a
 * subscription must not make claimtrack probe its own neighbourhood) unless the host is on the allow-list
 * ({@code claimtrack.webhooks.allowed-hosts}; with a list, only its hosts). Checked at registration and again,
 * with a fresh lookup, before every delivery: a name may point elsewhere by then.
 */
@ApplicationScoped
public class WebhookTargets {

    private final List<String> allowed;

    public WebhookTargets(@ConfigProperty(name = "claimtrack.webhooks.allowed-hosts") Optional<List<String>> allowed) {
        this.allowed = allowed.orElse(List.of()).stream().map(host -> host.strip().toLowerCase(Locale.ROOT))
                .filter(host -> !host.isEmpty()).toList();
    }

    /** The URL, checked. @throws InvalidInput naming {@code url} and what is wrong */
    URI checked(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidInput("url", "is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidInput("url", "must be an http or https URL");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new InvalidInput("url", "has no host");
        }
        if (uri.getUserInfo() != null) {
            throw new InvalidInput("url", "must not carry a user name or password: the signature authenticates");
        }
        String key = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|\\]$", "");
        if (!allowed.isEmpty()) {
            if (!allowed.contains(key)) {
                throw new InvalidInput("url", "its host " + host + " is not among claimtrack.webhooks.allowed-hosts");
            }
            return uri;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(key)) {
                if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                        || address.isSiteLocalAddress() || address.isMulticastAddress() || isUniqueLocal(address)) {
                    throw new InvalidInput("url", "its host " + host + " is this machine or a private network ("
                            + address.getHostAddress() + "): allow it in claimtrack.webhooks.allowed-hosts if meant");
                }
            }
        } catch (UnknownHostException e) {
            throw new InvalidInput("url", "its host " + host + " is not known");
        }
        return uri;
    }

    /** IPv6 unique local addresses (fc00::/7), which Java does not call site-local. */
    private static boolean isUniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }
}
