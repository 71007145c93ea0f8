package io.dinechat.order;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The demo restaurant's fixed ids, derived the way its seeder derives them. */
final class DemoIds {

    static final UUID MARGHERITA = id("item:margherita");
    static final UUID TIRAMISU = id("item:tiramisu");
    static final UUID CACIO_E_PEPE = id("item:cacio-e-pepe");
    static final UUID TARTUFO = id("item:tagliolini-tartufo");
    static final UUID REGULAR = id("options:Margherita:size:regular");
    static final UUID LARGE = id("options:Margherita:size:large");
    static final UUID EXTRA_BURRATA = id("options:Margherita:extras:burrata");
    static final UUID BRANCH = id("branch:mar-mikhael");

    private DemoIds() {
    }

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes((RunningOrderService.DEMO_TENANT + ":demo:" + name).getBytes(StandardCharsets.UTF_8));
    }
}
