package io.dinechat.order.catalog.application;

import reactor.core.publisher.Mono;

/**
 * Where item and menu photos live: an object store (S3-compatible in production, local files in
 * the local stack). Only the public URL it returns goes into SQL.
 */
public interface ImageStore {

    /**
     * Stores the bytes under a key and answers the URL guests and the dashboard load them from.
     *
     * @param key         path-like and unique, e.g. {@code <tenant>/items/<item>/<random>.jpg}
     * @param contentType one of the allowed image types
     */
    Mono<String> put(String key, String contentType, byte[] bytes);
}
