package vn.signer.server.routes;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One entry of the route table.
 *
 * @param method  the HTTP method
 * @param path    the path
 * @param access  who may call it
 * @param handler what answers it
 */
record Route(HandlerType method, String path, Access access, Handler handler) {
}
