package io.dinechat.gateway.identity.mail;

import io.dinechat.gateway.config.IdentityProperties;
import io.dinechat.gateway.identity.domain.EmailAddress;
import io.dinechat.gateway.identity.domain.PasswordMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The mail adapter until a real one (SMTP or a provider) is configured: it writes one line per
 * mail. A one-time link is as good as a password, so the link itself is written only when
 * {@code DINECHAT_MAIL_LOG_LINKS=true}, which the local stack sets and production never does;
 * otherwise the line says a link was withheld.
 */
@Component
public class LoggingPasswordMail implements PasswordMail {

    private static final Logger log = LoggerFactory.getLogger(LoggingPasswordMail.class);

    private final boolean logLinks;

    public LoggingPasswordMail(IdentityProperties properties) {
        this.logLinks = properties.mail().logLinks();
    }

    @Override
    public void sendPasswordReset(String email, String name, String link) {
        log.info("Mail to {}: reset your DineChat password: {}", EmailAddress.masked(email), shown(link));
    }

    @Override
    public void sendInvitation(String email, String name, String businessName, String link) {
        log.info("Mail to {}: you are invited to {} on DineChat, accept here: {}", EmailAddress.masked(email),
                businessName, shown(link));
    }

    private String shown(String link) {
        return logLinks ? link : "<link withheld: one-time links are logged only with DINECHAT_MAIL_LOG_LINKS=true>";
    }
}
