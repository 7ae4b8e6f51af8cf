package io.claimtrack.dashboard;

import java.net.URI;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signing out of the pages: the session cookie is expired and the browser sent to the overview. A post,
 * not a link, so no image or prefetch signs a user out; the same-origin check on forms guards it.
 */
@Path("/logout")
public class SignOut {

    private final String cookieName;

    public SignOut(@ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
                   String cookieName) {
        this.cookieName = cookieName;
    }

    @POST
    public Response signOut() {
        NewCookie expired = new NewCookie.Builder(cookieName).value("").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
        return Response.seeOther(URI.create("/")).cookie(expired).build();
    }
}
