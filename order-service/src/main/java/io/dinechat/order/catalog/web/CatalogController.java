package io.dinechat.order.catalog.web;

import io.dinechat.order.catalog.application.CatalogEditor;
import io.dinechat.order.catalog.application.ImageRules;
import io.dinechat.order.catalog.application.ImageStore;
import io.dinechat.order.catalog.domain.Branch;
import io.dinechat.order.catalog.domain.Catalog;
import io.dinechat.order.catalog.domain.HourOverride;
import io.dinechat.order.catalog.domain.Item;
import io.dinechat.order.catalog.domain.Menu;
import io.dinechat.order.catalog.domain.OpeningHours;
import io.dinechat.order.catalog.domain.Policy;
import io.dinechat.order.catalog.storage.LocalImageStore;
import io.dinechat.order.catalog.web.CatalogRequests.AvailabilityRequest;
import io.dinechat.order.catalog.web.CatalogRequests.BranchRequest;
import io.dinechat.order.catalog.web.CatalogRequests.BusinessRequest;
import io.dinechat.order.catalog.web.CatalogRequests.HourOverrideRequest;
import io.dinechat.order.catalog.web.CatalogRequests.ItemRequest;
import io.dinechat.order.catalog.web.CatalogRequests.MenuRequest;
import io.dinechat.order.catalog.web.CatalogRequests.PolicyRequest;
import io.dinechat.order.catalog.web.CatalogRequests.WeeklyHoursRequest;
import io.dinechat.order.web.InvalidRequest;
import io.dinechat.order.web.NotFound;
import io.dinechat.platform.security.Actor;
import io.dinechat.platform.security.Actors;
import io.dinechat.platform.security.Role;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The dashboard's catalog editor. Owners (and platform admins acting as one) change everything;
 * staff read it and switch items in and out of stock. Every change is audited and republishes the
 * catalog snapshot; items, menus and branches are soft-deleted (past orders keep naming them).
 */
@RestController
@RequestMapping("/api/catalog")
class CatalogController {

    private static final Role[] READERS = {Role.OWNER, Role.STAFF, Role.PLATFORM_ADMIN};

    private final CatalogEditor editor;
    private final ImageStore images;
    private final LocalImageStore.Settings media;

    CatalogController(CatalogEditor editor, ImageStore images, LocalImageStore.Settings media) {
        this.editor = editor;
        this.images = images;
        this.media = media;
    }

    @GetMapping
    Mono<Catalog> catalog() {
        return Actors.require(READERS).flatMap(actor -> editor.view(actor)
                .map(c -> actor.role() == Role.STAFF ? withoutCosts(c) : c)
                .switchIfEmpty(Mono.error(() -> new NotFound("This business has no catalog yet."))));
    }

    @PutMapping("/business")
    Mono<Object> business(@RequestBody BusinessRequest request) {
        return Actors.requireManager().flatMap(actor -> {
            var business = request.toBusiness(actor.tenantId());
            return editor.apply(actor, "business.updated", "business", actor.tenantId(), c -> Optional.of(c.business()),
                    store -> store.saveBusiness(business)).map(Optional::get);
        });
    }

    @PostMapping("/branches")
    Mono<ResponseEntity<Branch>> createBranch(@RequestBody BranchRequest request) {
        Branch branch = request.toBranch(UUID.randomUUID());
        return Actors.requireManager().flatMap(actor -> editor.apply(actor, "branch.created", "branch", branch.id(),
                        branchOf(branch.id()), store -> store.saveBranch(actor.tenantId(), branch)))
                .map(saved -> created("/api/catalog/branches/" + branch.id(), saved.orElseThrow()));
    }

    @PutMapping("/branches/{branchId}")
    Mono<Branch> updateBranch(@PathVariable UUID branchId, @RequestBody BranchRequest request) {
        Branch branch = request.toBranch(branchId);
        return Actors.requireManager().flatMap(actor -> existing(actor, c -> c.branch(branchId), "branch " + branchId)
                .then(editor.apply(actor, "branch.updated", "branch", branchId, branchOf(branchId),
                        store -> store.saveBranch(actor.tenantId(), branch))))
                .map(Optional::orElseThrow);
    }

    @DeleteMapping("/branches/{branchId}")
    Mono<ResponseEntity<Void>> deleteBranch(@PathVariable UUID branchId) {
        return Actors.requireManager().flatMap(actor -> existing(actor, c -> c.branch(branchId), "branch " + branchId)
                .then(editor.apply(actor, "branch.deleted", "branch", branchId, branchOf(branchId),
                        store -> store.deleteBranch(branchId))))
                .thenReturn(ResponseEntity.noContent().build());
    }

    /** Replaces the weekly hours of the business ({@code branchId} null) or of one branch. */
    @PutMapping("/opening-hours")
    Mono<List<OpeningHours>> openingHours(@RequestBody WeeklyHoursRequest request) {
        List<OpeningHours> hours = request.toHours();
        UUID branchId = request.branchId();
        Function<Catalog, Optional<List<OpeningHours>>> find = c -> Optional.of(c.openingHours().stream()
                .filter(h -> java.util.Objects.equals(h.branchId(), branchId)).toList());
        return Actors.requireManager().flatMap(actor -> knownBranches(actor, "branchId", branchIdList(branchId))
                .then(editor.apply(actor, "opening_hours.replaced", branchId == null ? "business" : "branch",
                        branchId == null ? actor.tenantId() : branchId, find,
                        store -> store.replaceOpeningHours(actor.tenantId(), branchId, hours))))
                .map(Optional::orElseThrow);
    }

    @PostMapping("/hour-overrides")
    Mono<ResponseEntity<HourOverride>> createOverride(@RequestBody HourOverrideRequest request) {
        HourOverride override = request.toOverride(UUID.randomUUID());
        return Actors.requireManager().flatMap(actor -> knownBranches(actor, "branchId", branchIdList(override.branchId()))
                        .then(editor.apply(actor, "hour_override.created", "hour_override", override.id(),
                                overrideOf(override.id()), store -> store.saveHourOverride(actor.tenantId(), override))))
                .map(saved -> created("/api/catalog/hour-overrides/" + override.id(), saved.orElse(override)));
    }

    @DeleteMapping("/hour-overrides/{overrideId}")
    Mono<ResponseEntity<Void>> deleteOverride(@PathVariable UUID overrideId) {
        // Like every delete here: another business's id (invisible under row-level security) is a 404, not a 204.
        return Actors.requireManager().flatMap(actor -> existing(actor, overrideOf(overrideId), "hour override " + overrideId)
                        .then(editor.apply(actor, "hour_override.deleted", "hour_override", overrideId,
                                overrideOf(overrideId), store -> store.deleteHourOverride(overrideId))))
                .thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/policies")
    Mono<ResponseEntity<Policy>> createPolicy(@RequestBody PolicyRequest request) {
        Policy policy = request.toPolicy(UUID.randomUUID());
        return Actors.requireManager().flatMap(actor -> knownBranches(actor, "branchId", branchIdList(policy.branchId()))
                        .then(editor.apply(actor, "policy.created", "policy", policy.id(), policyOf(policy.id()),
                                store -> store.savePolicy(actor.tenantId(), policy))))
                .map(saved -> created("/api/catalog/policies/" + policy.id(), saved.orElse(policy)));
    }

    @PutMapping("/policies/{policyId}")
    Mono<Policy> updatePolicy(@PathVariable UUID policyId, @RequestBody PolicyRequest request) {
        Policy policy = request.toPolicy(policyId);
        return Actors.requireManager().flatMap(actor -> existing(actor, policyOf(policyId), "policy " + policyId)
                .then(knownBranches(actor, "branchId", branchIdList(policy.branchId())))
                .then(editor.apply(actor, "policy.updated", "policy", policyId, policyOf(policyId),
                        store -> store.savePolicy(actor.tenantId(), policy))))
                .map(saved -> saved.orElse(policy));
    }

    @DeleteMapping("/policies/{policyId}")
    Mono<ResponseEntity<Void>> deletePolicy(@PathVariable UUID policyId) {
        return Actors.requireManager().flatMap(actor -> existing(actor, policyOf(policyId), "policy " + policyId)
                        .then(editor.apply(actor, "policy.deleted", "policy", policyId, policyOf(policyId),
                                store -> store.deletePolicy(policyId))))
                .thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/menus")
    Mono<ResponseEntity<Menu>> createMenu(@RequestBody MenuRequest request) {
        Menu menu = request.toMenu(UUID.randomUUID());
        return Actors.requireManager().flatMap(actor -> knownBranches(actor, "branchIds", menu.branchIds())
                        .then(editor.apply(actor, "menu.created", "menu", menu.id(), menuOf(menu.id()),
                                store -> store.saveMenu(actor.tenantId(), menu))))
                .map(saved -> created("/api/catalog/menus/" + menu.id(), saved.orElse(menu)));
    }

    @PutMapping("/menus/{menuId}")
    Mono<Menu> updateMenu(@PathVariable UUID menuId, @RequestBody MenuRequest request) {
        Menu menu = request.toMenu(menuId);
        return Actors.requireManager().flatMap(actor -> existing(actor, menuOf(menuId), "menu " + menuId)
                .then(knownBranches(actor, "branchIds", menu.branchIds()))
                .then(editor.apply(actor, "menu.updated", "menu", menuId, menuOf(menuId),
                        store -> store.saveMenu(actor.tenantId(), menu))))
                .map(saved -> saved.orElse(menu));
    }

    @DeleteMapping("/menus/{menuId}")
    Mono<ResponseEntity<Void>> deleteMenu(@PathVariable UUID menuId) {
        return Actors.requireManager().flatMap(actor -> existing(actor, menuOf(menuId), "menu " + menuId)
                        .then(editor.apply(actor, "menu.deleted", "menu", menuId, menuOf(menuId),
                                store -> store.deleteMenu(menuId))))
                .thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/items")
    Mono<ResponseEntity<Item>> createItem(@RequestBody ItemRequest request) {
        Item item = request.toItem(UUID.randomUUID(), null);
        return Actors.requireManager().flatMap(actor -> knownMenu(actor, request.menuId())
                        .then(editor.apply(actor, "menu_item.created", "menu_item", item.id(), itemOf(item.id()),
                                store -> store.saveItem(actor.tenantId(), request.menuId(), item))))
                .map(saved -> created("/api/catalog/items/" + item.id(), saved.orElseThrow()));
    }

    @PutMapping("/items/{itemId}")
    Mono<Item> updateItem(@PathVariable UUID itemId, @RequestBody ItemRequest request) {
        request.toItem(itemId, null); // validate before touching anything
        return Actors.requireManager().flatMap(actor -> existing(actor, itemOf(itemId), "item " + itemId)
                .flatMap(current -> knownMenu(actor, request.menuId())
                        .then(editor.apply(actor, "menu_item.updated", "menu_item", itemId, itemOf(itemId),
                                store -> store.saveItem(actor.tenantId(), request.menuId(),
                                        request.toItem(itemId, current.imageUrl()))))))
                .map(Optional::orElseThrow);
    }

    /** Staff switch an item in and out of stock (or hide it) during service. */
    @PatchMapping("/items/{itemId}/availability")
    Mono<Item> availability(@PathVariable UUID itemId, @RequestBody AvailabilityRequest request) {
        String availability = request.checked();
        return Actors.require(READERS).flatMap(actor -> existing(actor, itemOf(itemId), "item " + itemId)
                        .then(editor.apply(actor, "menu_item.availability_changed", "menu_item", itemId, itemOf(itemId),
                                store -> store.setAvailability(itemId, availability)))
                        .map(saved -> actor.role() == Role.STAFF ? withoutCost(saved.orElseThrow()) : saved.orElseThrow()));
    }

    @DeleteMapping("/items/{itemId}")
    Mono<ResponseEntity<Void>> deleteItem(@PathVariable UUID itemId) {
        return Actors.requireManager().flatMap(actor -> existing(actor, itemOf(itemId), "item " + itemId)
                        .then(editor.apply(actor, "menu_item.deleted", "menu_item", itemId, itemOf(itemId),
                                store -> store.deleteItem(actor.tenantId(), itemId))))
                .thenReturn(ResponseEntity.noContent().build());
    }

    /**
     * Uploads the item's photo (multipart field {@code file}): JPEG, PNG or WebP recognised by their
     * bytes, at most {@code dinechat.media.max-bytes}; 413 or 415 problem+json otherwise.
     */
    @PostMapping(path = "/items/{itemId}/image", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<Map<String, String>> image(@PathVariable UUID itemId, @RequestPart("file") Mono<FilePart> file) {
        return Actors.requireManager().flatMap(actor -> existing(actor, itemOf(itemId), "item " + itemId)
                .then(file.switchIfEmpty(Mono.error(() -> new InvalidRequest(List.of(
                        new InvalidRequest.FieldProblem("file", "required"))))))
                .flatMap(part -> DataBufferUtils.join(part.content(), media.maxBytes() + 1)
                        .onErrorMap(org.springframework.core.io.buffer.DataBufferLimitException.class,
                                e -> tooLarge())
                        .map(buffer -> {
                            byte[] bytes = new byte[buffer.readableByteCount()];
                            buffer.read(bytes);
                            DataBufferUtils.release(buffer);
                            return bytes;
                        }))
                .flatMap(bytes -> {
                    if (bytes.length > media.maxBytes()) {
                        return Mono.error(tooLarge());
                    }
                    String kind = ImageRules.kindOf(bytes).orElseThrow(() -> problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                            "unsupported-image", "Photos must be JPEG, PNG or WebP images."));
                    String key = actor.tenantId() + "/items/" + itemId + "/" + UUID.randomUUID() + "." + kind;
                    return images.put(key, ImageRules.contentType(kind), bytes);
                })
                .flatMap(url -> editor.apply(actor, "menu_item.image_changed", "menu_item", itemId, itemOf(itemId),
                                store -> store.setImageUrl(itemId, url))
                        .thenReturn(Map.of("imageUrl", url))));
    }

    private ErrorResponseException tooLarge() {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "image-too-large",
                "Photos may be at most " + (media.maxBytes() / 1024) + " KB.");
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create("https://dinechat.io/problems/" + type));
        body.setTitle(status.getReasonPhrase());
        return new ErrorResponseException(status, body, null);
    }

    // --- lookups in the staff view ---------------------------------------------------------------

    private <T> Mono<T> existing(Actor actor, Function<Catalog, Optional<T>> find, String what) {
        return editor.view(actor).map(find).flatMap(Mono::justOrEmpty)
                .switchIfEmpty(Mono.error(() -> new NotFound("No " + what + " in this business.")));
    }

    private Mono<Void> knownBranches(Actor actor, String field, Collection<UUID> branchIds) {
        if (branchIds.isEmpty()) {
            return Mono.empty();
        }
        return editor.view(actor).flatMap(c -> branchIds.stream().allMatch(id -> c.branch(id).isPresent())
                ? Mono.<Void>empty()
                : Mono.error(new InvalidRequest(List.of(new InvalidRequest.FieldProblem(field, "no such branch")))));
    }

    private Mono<Void> knownMenu(Actor actor, UUID menuId) {
        return editor.view(actor).flatMap(c -> c.menus().stream().anyMatch(m -> m.id().equals(menuId))
                ? Mono.<Void>empty()
                : Mono.error(new InvalidRequest(List.of(new InvalidRequest.FieldProblem("menuId", "no such menu")))));
    }

    private static List<UUID> branchIdList(UUID branchId) {
        return branchId == null ? List.of() : List.of(branchId);
    }

    private static Function<Catalog, Optional<Branch>> branchOf(UUID id) {
        return c -> c.branch(id);
    }

    private static Function<Catalog, Optional<HourOverride>> overrideOf(UUID id) {
        return c -> c.hourOverrides().stream().filter(o -> o.id().equals(id)).findFirst();
    }

    private static Function<Catalog, Optional<Policy>> policyOf(UUID id) {
        return c -> c.policies().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** A menu without its items: the audit record of a menu change names the menu, not the dishes. */
    private static Function<Catalog, Optional<Menu>> menuOf(UUID id) {
        return c -> c.menus().stream().filter(m -> m.id().equals(id)).findFirst()
                .map(m -> new Menu(m.id(), m.name(), m.description(), m.shared(), m.branchIds(), List.of()));
    }

    private static Function<Catalog, Optional<Item>> itemOf(UUID id) {
        return c -> c.menus().stream().flatMap(m -> m.items().stream()).filter(i -> i.id().equals(id)).findFirst();
    }

    private static Catalog withoutCosts(Catalog c) {
        return new Catalog(c.business(), c.branches(), c.openingHours(), c.hourOverrides(), c.policies(),
                c.menus().stream().map(m -> new Menu(m.id(), m.name(), m.description(), m.shared(), m.branchIds(),
                        m.items().stream().map(CatalogController::withoutCost).toList())).toList());
    }

    /** What an item costs the business is the owner's affair. */
    private static Item withoutCost(Item i) {
        return new Item(i.id(), i.name(), i.description(), i.price(), null, i.availability(), i.tags(), i.allergens(),
                i.ingredients(), i.featured(), i.sortOrder(), i.preparationTimeMinutes(), i.imageUrl(), i.optionGroups());
    }

    private static <T> ResponseEntity<T> created(String location, T body) {
        return ResponseEntity.created(URI.create(location)).body(body);
    }
}
