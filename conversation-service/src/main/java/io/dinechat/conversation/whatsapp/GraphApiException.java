package io.dinechat.conversation.whatsapp;

/** Meta refused or failed a Graph API call; {@code code} is Meta's error code (190 = bad token, 131047 = window closed...). */
public class GraphApiException extends RuntimeException {

    private final int httpStatus;
    private final int code;

    public GraphApiException(int httpStatus, int code, String message) {
        super("Graph API " + httpStatus + " (code " + code + "): " + message);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    /** Worth another try later: Meta or the network had a moment, or we were throttled. */
    public boolean isTransient() {
        return httpStatus >= 500 || httpStatus == 429 || code == 4 || code == 80007 || code == 130429;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int code() {
        return code;
    }
}
