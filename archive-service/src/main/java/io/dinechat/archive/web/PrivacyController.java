package io.dinechat.archive.web;

import io.dinechat.archive.application.GuestPrivacy;
import io.dinechat.archive.application.GuestPrivacy.Erasure;
import io.dinechat.archive.application.GuestPrivacy.Export;
import io.dinechat.platform.security.Actors;
import io.dinechat.platform.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A guest's export and erasure, on the owner's request (a legal duty, so not a premium feature).
 * Only the business's owner, or a platform admin acting on it; every call is audited.
 */
@RestController
@RequestMapping("/api/analytics/privacy")
class PrivacyController {

    private final GuestPrivacy privacy;

    PrivacyController(GuestPrivacy privacy) {
        this.privacy = privacy;
    }

    @PostMapping("/erase")
    Mono<Erasure> erase(@RequestBody(required = false) GuestRequest request) {
        return Actors.require(Role.OWNER, Role.PLATFORM_ADMIN)
                .flatMap(actor -> privacy.erase(actor, phone(request == null ? null : request.phone())));
    }

    @GetMapping("/export")
    Mono<Export> export(@RequestParam(required = false) String phone) {
        return Actors.require(Role.OWNER, Role.PLATFORM_ADMIN).flatMap(actor -> privacy.export(actor, phone(phone)));
    }

    private static String phone(String phone) {
        if (phone == null || !phone.matches("\\+?[0-9 ()-]{6,24}") || phone.replaceAll("\\D", "").length() < 6) {
            throw Problems.badRequest("phone must be the guest's phone number in international format");
        }
        return phone;
    }

    record GuestRequest(String phone) {
    }
}
