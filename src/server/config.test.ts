import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PUBLIC_DEFAULTS } from "~/config/public";
import { ConfigError, readConfig, settingsSchema } from "./config";

const root = path.resolve(import.meta.dirname, "../..");
const declared = Object.keys(settingsSchema.shape).sort();

/** The README's settings table: variable name → its default column. */
function readmeSettings(): Map<string, string> {
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  const table = readme.slice(readme.indexOf("| variable | default | meaning |"));
  const rows = table
    .slice(0, table.search(/\n(?!\|)/))
    .split("\n")
    .slice(2);
  return new Map(
    rows.map((row) => {
      const [, name, byDefault] = row.split("|").map((cell) => cell.trim());
      return [name!.replace(/`/g, ""), byDefault!];
    }),
  );
}

const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;
const refusal = (vars: Record<string, string>) => {
  try {
    readConfig(env(vars));
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return null;
};

describe("the settings", () => {
  it("are the README's settings table, no more and no fewer", () => {
    expect([...readmeSettings().keys()].sort()).toEqual(declared);
  });

  it("have their defaults written in the README", () => {
    const table = readmeSettings();
    for (const name of declared) {
      const fallback = settingsSchema.shape[name as keyof typeof settingsSchema.shape].parse(undefined);
      expect(table.get(name), name).not.toBe("");
      // Single words, numbers and URLs verbatim; a long HTML default is described in words.
      if (fallback !== undefined && !/\s/.test(String(fallback)))
        expect(table.get(name), name).toContain(String(fallback));
    }
  });

  it("that reach the browser are all declared, and each declared one is read into the bundle", () => {
    const source = readFileSync(path.join(root, "src/config/public.ts"), "utf8").replace(/\/\/.*$/gm, "");
    const read = new Set([...source.matchAll(/process\.env\.(\w+)/g)].map((m) => m[1]!));
    for (const name of read) expect(declared, name).toContain(name);
    for (const name of declared.filter((n) => n.startsWith("NEXT_PUBLIC_"))) expect(read, name).toContain(name);
    for (const name of Object.keys(PUBLIC_DEFAULTS)) expect(declared).toContain(name);
  });
});

describe("readConfig", () => {
  it("gives the documented defaults, an empty variable counting as unset", () => {
    const config = readConfig(env({ PORT: "", SEED_DEMO: "" }));
    expect(config).toMatchObject({
      NODE_ENV: "development",
      PORT: 3000,
      RS_DATA_DIR: "data",
      DATABASE_POOL_MAX: 10,
      BUSINESS_TIME_ZONE: "America/Denver",
      NEXT_PUBLIC_MAP_TILES_URL: PUBLIC_DEFAULTS.NEXT_PUBLIC_MAP_TILES_URL,
    });
    expect(config.SEED_DEMO).toBeUndefined();
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it("reads what is given", () => {
    const config = readConfig(
      env({ PORT: "4123", SEED_DEMO: "false", DATABASE_POOL_MAX: "4", NEXTAUTH_URL: "https://rs.example.com" }),
    );
    expect(config).toMatchObject({ PORT: 4123, SEED_DEMO: false, DATABASE_POOL_MAX: 4 });
    expect(readConfig(env({ SEED_DEMO: "true" })).SEED_DEMO).toBe(true);
  });

  it("refuses a bad value in one sentence naming the variable", () => {
    expect(refusal({ PORT: "http" })).toBe('PORT: "http" is not a port number between 1 and 65535.');
    expect(refusal({ PORT: "70000" })).toBe('PORT: "70000" is not a port number between 1 and 65535.');
    expect(refusal({ BUSINESS_TIME_ZONE: "Mars/Olympus" })).toBe(
      'BUSINESS_TIME_ZONE: "Mars/Olympus" is not a time zone name such as America/Denver.',
    );
    expect(refusal({ DATABASE_URL: "localhost:5432" })).toBe(
      "DATABASE_URL: must be a URL such as postgresql://user:password@host:5432/database.",
    );
    expect(refusal({ NEXTAUTH_SECRET: "short" })).toBe(
      "NEXTAUTH_SECRET: must be a random secret of at least 16 characters.",
    );
    expect(refusal({ NEXTAUTH_URL: "rs.example.com" })).toBe(
      "NEXTAUTH_URL: must be the public URL, such as https://rs.example.com.",
    );
    expect(refusal({ SEED_DEMO: "yes" })).toBe("SEED_DEMO: must be true or false.");
    expect(refusal({ NEXT_PUBLIC_MAP_TILES_URL: "https://tiles.example.com/map.png" })).toMatch(
      /^NEXT_PUBLIC_MAP_TILES_URL: must be a tile URL template/,
    );
    expect(refusal({ DATABASE_POOL_MAX: "0" })).toMatch(/^DATABASE_POOL_MAX: /);
  });

  it("takes the S3 settings all four together or not at all", () => {
    const s3 = {
      S3_URL: "http://127.0.0.1:9000",
      S3_BUCKET: "rs",
      S3_ACCESS_KEY_ID: "key",
      S3_SECRET_ACCESS_KEY: "secret",
    };
    expect(readConfig(env(s3))).toMatchObject(s3);
    expect(refusal({ ...s3, S3_SECRET_ACCESS_KEY: "" })).toBe(
      "S3_SECRET_ACCESS_KEY: set it too, since S3_URL, S3_BUCKET, S3_ACCESS_KEY_ID are set (S3 needs all four).",
    );
    expect(refusal({ S3_BUCKET: "rs" })).toBe("S3_URL: set it too, since S3_BUCKET is set (S3 needs all four).");
    expect(refusal({ ...s3, S3_URL: "s3.example.com" })).toMatch(/^S3_URL: must be the storage endpoint/);
  });
});

describe("webhook and SMS settings", () => {
  it("refuses private webhook targets by default and reads the Twilio URL", () => {
    expect(readConfig({ NODE_ENV: "test" }).WEBHOOK_ALLOW_PRIVATE).toBe(false);
    expect(readConfig({ NODE_ENV: "test", WEBHOOK_ALLOW_PRIVATE: "true" }).WEBHOOK_ALLOW_PRIVATE).toBe(true);
    expect(readConfig({ NODE_ENV: "test", SMS_URL: "https://AC1:tok@api.twilio.com" }).SMS_URL).toBe(
      "https://AC1:tok@api.twilio.com",
    );
    expect(() => readConfig({ NODE_ENV: "test", SMS_URL: "ftp://x" })).toThrow();
  });
});
