package io.dinechat.gateway.identity.domain;

/**
 * The port through which one-time password links reach people. The link carries a secret: an
 * adapter delivers it to the mailbox and never anywhere else (logs included).
 */
public interface PasswordMail {

    void sendPasswordReset(String email, String name, String link);

    void sendInvitation(String email, String name, String businessName, String link);
}
