// Every setting RS Systems reads from the environment, declared once and validated with zod: the
// server's own and the browser's NEXT_PUBLIC_* ones (read into the bundle by src/config/public.ts,
// checked here at start-up). The README's settings table lists exactly these variables (a unit
// test compares them). Bad configuration stops start-up with one sentence naming the variable
// (scripts/serve.ts).
import { z } from "zod";
import { PUBLIC_DEFAULTS } from "~/config/public";

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const httpUrl = /^https?:\/\/\S+$/;

export const settingsSchema = z.object({
  /** Set by scripts/serve.ts: production for `npm start`, development for `npm run dev`. */
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z
    .string()
    .default("3000")
    .refine((v) => /^\d{1,5}$/.test(v) && Number(v) >= 1 && Number(v) <= 65535, {
      error: (issue) => `"${String(issue.input)}" is not a port number between 1 and 65535`,
    })
    .transform(Number),
  /** The embedded database, the development auth secret and (without S3_URL) the blob store live here. */
  RS_DATA_DIR: z.string().default("data"),
  /**
   * S3-compatible object storage for photos, voice notes and signatures (src/server/blobs); all
   * four S3_* together, or none (then files under RS_DATA_DIR/blobs).
   */
  S3_URL: z
    .string()
    .regex(httpUrl, { message: "must be the storage endpoint, such as https://s3.example.com" })
    .optional(),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Set by scripts/serve.ts to the embedded database when the operator gave none. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, {
      message: "must be a URL such as postgresql://user:password@host:5432/database",
    })
    .optional(),
  /** 1 for the embedded database (one PGlite session); a real server takes a pool. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  NEXTAUTH_SECRET: z.string().min(16, { message: "must be a random secret of at least 16 characters" }).optional(),
  /** The public URL; scripts/serve.ts gives next-auth http://localhost:$PORT when unset. */
  NEXTAUTH_URL: z
    .string()
    .regex(httpUrl, { message: "must be the public URL, such as https://rs.example.com" })
    .optional(),
  /**
   * Addresses (or CIDR ranges) of the reverse proxies in front of the app, comma-separated. Only
   * a request whose connection comes from one of them may name the client in X-Forwarded-For;
   * otherwise the connection's own address is the client (sign-in throttle, audit trail).
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every((entry) => /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(entry)), {
      message: "must be IP addresses or CIDR ranges separated by commas, such as 10.0.0.2,10.1.0.0/16",
    }),
  /** Outgoing mail server for email notifications; unset = mails are kept in the outbox, not sent. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, { message: "must be a URL such as smtp://user:password@mail.example.com:587" })
    .optional(),
  /**
   * How long an instant notification waits before it goes out, gathering the events of its group
   * (a walk synced in several batches is one mail).
   */
  NOTIFICATION_GATHER_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /** The From of notification mails. */
  MAIL_FROM: z.string().min(3).default("RS Systems <notifications@localhost>"),
  /** Calendar months for volume discounts are counted in the business's time zone. */
  BUSINESS_TIME_ZONE: z
    .string()
    .default("America/Denver")
    .refine(isTimeZone, {
      error: (issue) => `"${String(issue.input)}" is not a time zone name such as America/Denver`,
    }),
  /** Unset: seed on the embedded database only. */
  SEED_DEMO: z
    .enum(["true", "false"], { error: "must be true or false" })
    .transform((v) => v === "true")
    .optional(),
  /** true: webhooks may target loopback/private/link-local addresses in production (refused by default: SSRF). */
  WEBHOOK_ALLOW_PRIVATE: z
    .enum(["true", "false"], { error: "must be true or false" })
    .default("false")
    .transform((v) => v === "true"),
  /** Twilio's API with the account's SID and auth token as user and password; unset: SMS kept in the outbox. */
  SMS_URL: z
    .url({ protocol: /^https?$/, error: "must be a URL such as https://ACCOUNT_SID:AUTH_TOKEN@api.twilio.com" })
    .optional(),
  /** The number (E.164) or sender id SMS are sent from. */
  SMS_FROM: z.string().optional(),
  /**
   * Web Push's VAPID key pair (base64url, as `npx web-push generate-vapid-keys` prints). Unset on
   * the embedded database or in development: generated once into RS_DATA_DIR/vapid-keys.json. On
   * a server both must be set (every instance signs with the same pair), or push is off.
   */
  VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{87}$/, { message: "must be the 65-byte public key in base64url (87 characters)" })
    .optional(),
  VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, { message: "must be the 32-byte private key in base64url (43 characters)" })
    .optional(),
  /** Who push services may contact about this server's pushes: a mailto: or https: URL. */
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, { message: "must be a mailto: address or an https:// URL" })
    .default("mailto:notifications@rs-systems.invalid"),
  /** Server log lines at this level and above (JSON on stdout). */
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "must be one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
  /** On SIGTERM/SIGINT, how long requests already being served may take before they are cut. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** Public API (/api/v1): requests per minute each key or OAuth client may make, refilled steadily. */
  API_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
  /** Public API: how many requests a key may send at once above the steady rate. */
  API_RATE_BURST: z.coerce.number().int().min(1).max(100_000).default(60),
  /** `npm run admin:create` only: the first admin's password (a random one is printed when unset). */
  ADMIN_PASSWORD: z.string().optional(),
  NEXT_PUBLIC_MAP_TILES_URL: z
    .string()
    .regex(/^https?:\/\/\S*\{z\}\S*\{x\}\S*\{y\}\S*$/, {
      message: "must be a tile URL template such as https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    })
    .default(PUBLIC_DEFAULTS.NEXT_PUBLIC_MAP_TILES_URL),
  NEXT_PUBLIC_MAP_ATTRIBUTION: z.string().default(PUBLIC_DEFAULTS.NEXT_PUBLIC_MAP_ATTRIBUTION),
});

export type ServerConfig = z.infer<typeof settingsSchema>;

/**
 * Whether users open the app over https: then session cookies are Secure and carry the __Host-
 * prefix (a page on another subdomain or on plain http cannot set or replace them). Read here
 * because the request proxy and next-auth must agree on the cookie's name.
 */
export function servedOverHttps(settings: ServerConfig = config()): boolean {
  return settings.NEXTAUTH_URL?.startsWith("https://") ?? false;
}

/** The session cookie: one name for next-auth (src/server/auth/options.ts) and the proxy. */
export function sessionCookieName(https: boolean = servedOverHttps()): string {
  return https ? "__Host-next-auth.session-token" : "next-auth.session-token";
}

const S3_SETTINGS = ["S3_URL", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  // An empty variable counts as unset (shells and CI often export VAR= ).
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = settingsSchema.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${issue.path.join(".")}: ${issue.message}.`);
  }
  const s3 = S3_SETTINGS.filter((name) => parsed.data[name] !== undefined);
  if (s3.length > 0 && s3.length < S3_SETTINGS.length) {
    const missing = S3_SETTINGS.filter((name) => !s3.includes(name));
    throw new ConfigError(
      `${missing[0]}: set it too, since ${s3.join(", ")} ${s3.length > 1 ? "are" : "is"} set (S3 needs all four).`,
    );
  }
  return parsed.data;
}

let cached: ServerConfig | undefined;
export function config(): ServerConfig {
  return (cached ??= readConfig());
}
