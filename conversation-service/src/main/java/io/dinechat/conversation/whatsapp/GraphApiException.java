package io.dinechat.conversation.whatsapp;

/** Meta refused or failed a Graph API call; {@code code} is Meta's error code (190 = bad token, 131047 = window closed...). */
public class GraphApiException extends RuntimeException {

    /** Meta's "re-engagement message": more than 24 hours since the guest last wrote. */
    public static final int REENGAGEMENT_REQUIRED = 131047;

    private final int httpStatus;
    private final int code;

    public GraphApiException(int httpStatus, int code, String message) {
        super("Graph API " + httpStatus + " (code " + code + "): " + message);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    /**
     * Worth another try later: Meta or the network had a moment, or we were throttled (429, 4 and
     * 80007 app/account rate limits, 130429 throughput, 131056 pair rate, 1/2/131016 temporary).
     */
    public boolean isTransient() {
        return httpStatus >= 500 || httpStatus == 429 || code == 1 || code == 2 || code == 4 || code == 80007
                || code == 130429 || code == 131016 || code == 131056;
    }

    public boolean reEngagementRequired() {
        return code == REENGAGEMENT_REQUIRED;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int code() {
        return code;
    }
}
