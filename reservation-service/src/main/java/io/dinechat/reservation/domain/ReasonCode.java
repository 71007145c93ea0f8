package io.dinechat.reservation.domain;

/** Why a request could not be met, in words the assistant can act on (offer another time, a human...). */
public enum ReasonCode {
    FULLY_BOOKED,
    CLOSED,
    PARTY_TOO_LARGE,
    TOO_SOON,
    TOO_FAR_AHEAD,
    NOT_OWNER,
    NOT_FOUND,
    PROVIDER_UNAVAILABLE,
    INVALID
}
