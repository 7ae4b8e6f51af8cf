package io.claimtrack.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.restassured.RestAssured;

/**
 * REST Assured's default credentials are one global setting: every test class starts signed out, so a
 * class that forgets to sign in fails loudly instead of running as whoever the previous class chose.
 * Registered for every test through the service loader (junit.jupiter.extensions.autodetection.enabled).
 */
public class SignedOutBetweenClasses implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }
}
