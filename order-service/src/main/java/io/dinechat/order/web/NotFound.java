package io.dinechat.order.web;

/** Something the request names does not exist in this business (or belongs to another one): 404. */
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what);
    }
}
