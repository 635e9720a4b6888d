// A Web Push service on loopback for tests, standing in for the browser vendor's: it checks each
// request's VAPID Authorization (RFC 8292: an ES256 JWT for this origin, signed by the key given in
// k=) and decrypts the aes128gcm body (RFC 8291) with the subscriber's keys, made here as a browser
// would (ECDH on P-256 and a 16-byte auth secret). Endpoints answer 201, or 410 once marked gone.
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, randomUUID, verify } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type PushReceived = {
  endpointId: string;
  vapidValid: boolean;
  vapidProblem: string | null;
  jwt: { aud?: string; exp?: number; sub?: string } | null;
  ttl: string | undefined;
  payload: unknown;
};

export type TestSubscriber = {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  id: string;
};

const b64u = (buf: Buffer) => buf.toString("base64url");

/** A subscriber's key pair and auth secret, as a browser makes them. */
function newSubscriber() {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  return { ecdh, auth: randomBytes(16) };
}

/** RFC 8291 for one record: keys from ECDH + auth secret, AES-128-GCM, padding delimiter 0x02. */
export function decryptAes128gcm(body: Buffer, ecdh: ReturnType<typeof createECDH>, auth: Buffer): Buffer {
  const salt = body.subarray(0, 16);
  const idlen = body.readUInt8(20);
  const asPublic = body.subarray(21, 21 + idlen);
  const ciphertext = body.subarray(21 + idlen);
  const uaPublic = ecdh.getPublicKey();
  const ecdhSecret = ecdh.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), uaPublic, asPublic]);
  const ikm = Buffer.from(hkdfSync("sha256", ecdhSecret, auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12));
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const plain = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  let end = plain.length - 1;
  while (end >= 0 && plain[end] === 0) end -= 1;
  if (plain[end] !== 2) throw new Error("not the last record's padding delimiter");
  return plain.subarray(0, end);
}

/** Checks `vapid t=<jwt>, k=<public key>`; answers the problem, or null. */
function checkVapid(header: string | undefined, origin: string, nowS: number) {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? "");
  if (!match) return { problem: "no vapid Authorization", jwt: null };
  const [, token, k] = match as unknown as [string, string, string];
  const [h, p, s] = token.split(".");
  if (!h || !p || !s) return { problem: "malformed JWT", jwt: null };
  const head = JSON.parse(Buffer.from(h, "base64url").toString()) as { alg?: string };
  const jwt = JSON.parse(Buffer.from(p, "base64url").toString()) as { aud?: string; exp?: number; sub?: string };
  const point = Buffer.from(k, "base64url");
  if (point.length !== 65 || point[0] !== 4) return { problem: "k is not an uncompressed P-256 point", jwt };
  const key = createPublicKey({
    key: { kty: "EC", crv: "P-256", x: b64u(point.subarray(1, 33)), y: b64u(point.subarray(33)) },
    format: "jwk",
  });
  const signed = verify(
    "sha256",
    Buffer.from(`${h}.${p}`),
    { key, dsaEncoding: "ieee-p1363" },
    Buffer.from(s, "base64url"),
  );
  if (head.alg !== "ES256" || !signed) return { problem: "bad signature", jwt };
  if (jwt.aud !== origin) return { problem: `aud ${jwt.aud} is not ${origin}`, jwt };
  if (!jwt.exp || jwt.exp <= nowS || jwt.exp > nowS + 24 * 3600) return { problem: "exp out of range", jwt };
  if (!jwt.sub || !/^(mailto:|https:)/.test(jwt.sub)) return { problem: "no sub", jwt };
  return { problem: null, jwt };
}

export async function startPushService() {
  const received: PushReceived[] = [];
  const subscribers = new Map<string, ReturnType<typeof newSubscriber>>();
  const gone = new Set<string>();
  let answer = 201;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const id = (req.url ?? "").replace(/^\/push\//, "");
      const subscriber = subscribers.get(id);
      if (!subscriber || gone.has(id)) return void res.writeHead(410).end();
      const { problem, jwt } = checkVapid(req.headers.authorization, origin, Math.floor(Date.now() / 1000));
      let payload: unknown = null;
      try {
        if (req.headers["content-encoding"] !== "aes128gcm") throw new Error("not aes128gcm");
        payload = JSON.parse(
          decryptAes128gcm(Buffer.concat(chunks), subscriber.ecdh, subscriber.auth).toString("utf8"),
        );
      } catch (error) {
        payload = { undecryptable: String(error) };
      }
      received.push({
        endpointId: id,
        vapidValid: problem === null,
        vapidProblem: problem,
        jwt,
        ttl: req.headers.ttl as string | undefined,
        payload,
      });
      res.writeHead(problem ? 401 : answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
    /** A browser's subscription at this service: its endpoint and public keys. */
    subscribe(): TestSubscriber {
      const id = randomUUID();
      const s = newSubscriber();
      subscribers.set(id, s);
      return {
        id,
        endpoint: `${origin}/push/${id}`,
        keys: { p256dh: b64u(s.ecdh.getPublicKey()), auth: b64u(s.auth) },
      };
    },
    /** The browser dropped it: the service answers 410 Gone from now on. */
    markGone(id: string) {
      gone.add(id);
    },
    answerWith(status: number) {
      answer = status;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
