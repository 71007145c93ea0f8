package io.dinechat.localstack.whatsapp;

/**
 * A business phone number the simulator hosts, as Meta knows it: the id the Graph API addresses, the
 * number guests see, the business's verified name, and the access token the Graph API stand-in
 * accepts for sends from this number.
 */
public record SimulatedNumber(String phoneNumberId, String displayPhoneNumber, String verifiedName, String accessToken) {

    public SimulatedNumber {
        Require.text(phoneNumberId, "phoneNumberId");
        Require.text(displayPhoneNumber, "displayPhoneNumber");
        Require.text(verifiedName, "verifiedName");
        Require.text(accessToken, "accessToken");
    }

    /** Meta's webhooks carry the display number as digits only, whatever its configured formatting. */
    String displayPhoneNumberDigits() {
        return displayPhoneNumber.replaceAll("\\D", "");
    }

    /** Keeps the access token out of logs and assertion messages. */
    @Override
    public String toString() {
        return "SimulatedNumber[phoneNumberId=" + phoneNumberId + ", displayPhoneNumber=" + displayPhoneNumber
                + ", verifiedName=" + verifiedName + ", accessToken=<redacted>]";
    }
}
