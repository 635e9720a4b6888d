// What the server logs during a test: the process's root logger (src/server/logging/logger.ts)
// is replaced by one writing to memory until `restore`.
import { Writable } from "node:stream";
import { type Logger, createLogger } from "~/server/logging/logger";

export function captureServerLog() {
  const lines: Record<string, unknown>[] = [];
  const holder = globalThis as unknown as { rsLogger?: Logger };
  const before = holder.rsLogger;
  holder.rsLogger = createLogger(
    "debug",
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split("\n").filter(Boolean)) {
          lines.push(JSON.parse(line) as Record<string, unknown>);
        }
        done();
      },
    }),
  );
  return {
    lines,
    /** Every line's values as one text, to search (strings unescaped). */
    text: () => lines.map((line) => JSON.stringify(line, null, 1).replaceAll('\\"', '"')).join("\n"),
    restore: () => {
      holder.rsLogger = before;
    },
  };
}
