// The server's one logger: JSON lines on stdout (pino), level from LOG_LEVEL. Inside a request,
// requestLog() adds that request's id, so every line of one request can be found together and
// matched with the id a 5xx answer shows. Secrets never reach a line: known secret fields are
// redacted wherever they sit, and byte buffers (photo chunks) are logged as their length only.
import "server-only";
import pino, { type DestinationStream, type Logger, type LoggerOptions } from "pino";
import { config } from "../config";
import { currentRequest } from "./request-context";

export type { Logger };

const SECRET_KEYS = [
  "password",
  "newPassword",
  "currentPassword",
  "passwordHash",
  "token",
  "sessionToken",
  "csrfToken",
  "secret",
  "cookie",
  "cookies",
  "authorization",
  "set-cookie",
];

/** Redacted at the top level and one or two levels down (a request's headers, an input object). */
export const REDACTED_PATHS = SECRET_KEYS.flatMap((key) => {
  const k = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
  const join = (prefix: string) => (k.startsWith("[") ? `${prefix}${k}` : `${prefix}.${k}`);
  return [k, join("*"), join("*.*")];
});

function withoutBytes(value: unknown): unknown {
  if (value instanceof Uint8Array) return `[${value.byteLength} bytes]`;
  if (value instanceof ArrayBuffer) return `[${value.byteLength} bytes]`;
  return value;
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    // No hostname or pid: the lines say what happened, not where the server runs.
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => Object.fromEntries(Object.entries(object).map(([k, v]) => [k, withoutBytes(v)])),
    },
    serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
  };
}

/** A logger writing to `destination` (tests) or stdout. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level));
}

const globalForLog = globalThis as unknown as { rsLogger?: Logger };

/** The process's root logger (one per process, shared by Next's bundles and the server hook). */
export function logger(): Logger {
  return (globalForLog.rsLogger ??= createLogger(config().LOG_LEVEL));
}

/** The current request's logger (its id on every line), or the root logger outside a request. */
export function requestLog(): Logger {
  const request = currentRequest();
  return request ? logger().child({ requestId: request.id }) : logger();
}
