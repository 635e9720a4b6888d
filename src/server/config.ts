// Server configuration read once from the environment, validated with zod. Bad configuration
// stops start-up with one sentence naming the variable (see scripts/serve.ts).
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
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
  /** Calendar months for volume discounts are counted in the business's time zone. */
  BUSINESS_TIME_ZONE: z.string().default("America/Denver"),
});

export type ServerConfig = z.infer<typeof schema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  // An empty variable counts as unset (shells and CI often export VAR= ).
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${issue.path.join(".")}: ${issue.message}.`);
  }
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: parsed.data.BUSINESS_TIME_ZONE });
  } catch {
    throw new ConfigError(
      `BUSINESS_TIME_ZONE: "${parsed.data.BUSINESS_TIME_ZONE}" is not a time zone name such as America/Denver.`,
    );
  }
  return parsed.data;
}

let cached: ServerConfig | undefined;
export function config(): ServerConfig {
  return (cached ??= readConfig());
}
