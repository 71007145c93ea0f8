package io.dinechat.localstack.whatsapp;

import java.util.Base64;
import java.util.Collection;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request the real Graph API would refuse, with the HTTP status, code, subcode and message Meta
 * uses, so callers exercise the same error handling they need in production. {@code details}
 * goes into {@code error_data.details} and says in plain words what the simulator objected to.
 */
final class GraphApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private static final int OAUTH_EXCEPTION = 190;
    private static final int INVALID_PARAMETER = 100;
    private static final int PARAMETER_VALUE_NOT_VALID = 131009;
    private static final int INVALID_ACCESS_TOKEN_SUBCODE = 467;
    private static final int UNKNOWN_OBJECT_SUBCODE = 33;

    private final int httpStatus;
    private final int code;
    private final Integer subcode;
    private final String details;

    private GraphApiException(int httpStatus, String message, int code, Integer subcode, String details) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.code = code;
        this.subcode = subcode;
        this.details = details;
    }

    static GraphApiException missingAccessToken() {
        return new GraphApiException(401, "An active access token must be used to query information about the current user.",
                OAUTH_EXCEPTION, null, "Send the header 'Authorization: Bearer <token>' with the access token"
                        + " configured for this phone number id.");
    }

    static GraphApiException invalidAccessToken(String phoneNumberId) {
        return new GraphApiException(401, "Invalid OAuth access token - Cannot parse access token",
                OAUTH_EXCEPTION, INVALID_ACCESS_TOKEN_SUBCODE,
                "The bearer token is not the one configured for phone number id " + phoneNumberId + ".");
    }

    static GraphApiException unknownPhoneNumberId(String phoneNumberId, Collection<String> configured) {
        return new GraphApiException(400, "Unsupported post request. Object with ID '" + phoneNumberId
                + "' does not exist, cannot be loaded due to missing permissions, or does not support this operation.",
                INVALID_PARAMETER, UNKNOWN_OBJECT_SUBCODE,
                "The simulator knows phone number ids " + configured + ".");
    }

    static GraphApiException unsupportedRequest(String method, String path) {
        return new GraphApiException(400, "Unsupported " + method.toLowerCase() + " request.",
                INVALID_PARAMETER, UNKNOWN_OBJECT_SUBCODE,
                "The simulator's Graph API only accepts POST /{version}/{phone-number-id}/messages, not "
                        + method + " " + path + ".");
    }

    /** @param parameter in Meta's notation, e.g. {@code text['body']} */
    static GraphApiException requiredParameter(String parameter) {
        return new GraphApiException(400, "(#100) The parameter " + parameter + " is required.",
                INVALID_PARAMETER, null, parameter + " is missing or empty.");
    }

    static GraphApiException invalidParameter(String details) {
        return new GraphApiException(400, "(#100) Invalid parameter", INVALID_PARAMETER, null, details);
    }

    /** A value Meta parses but rejects, such as a button title over 20 characters. */
    static GraphApiException valueNotValid(String details) {
        return new GraphApiException(400, "(#131009) Parameter value is not valid",
                PARAMETER_VALUE_NOT_VALID, null, details);
    }

    int httpStatus() {
        return httpStatus;
    }

    /** Meta's error envelope; each response gets its own trace id, as Meta's do. */
    ObjectNode toEnvelope(JsonMapper json) {
        ObjectNode root = json.createObjectNode();
        ObjectNode error = root.putObject("error")
                .put("message", getMessage())
                .put("type", "OAuthException")
                .put("code", code);
        if (subcode != null) {
            error.put("error_subcode", subcode);
        }
        error.putObject("error_data")
                .put("messaging_product", "whatsapp")
                .put("details", details);
        error.put("fbtrace_id", fbtraceId());
        return root;
    }

    private static String fbtraceId() {
        byte[] random = new byte[12];
        ThreadLocalRandom.current().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
