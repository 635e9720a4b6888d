// Loaded into the Next server process by scripts/serve.ts (NODE_OPTIONS --import). Next hands
// route handlers the request's headers but not the connection's address, and keeps a client's
// own X-Forwarded-For. This stamps the connection's address on every request under a header that
// it always overwrites, so no client can choose it; src/server/http/client-ip.ts reads it.
import http from "node:http";

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithPeer(event, req, ...rest) {
  if (event === "request" && req && req.headers) req.headers["x-rs-peer-address"] = req.socket?.remoteAddress ?? "";
  return emit.call(this, event, req, ...rest);
};
