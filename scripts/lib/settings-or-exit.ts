// The settings for a command-line script: a wrong or missing setting prints its message and
// exits 1 (no stack trace for a typo in an environment variable).
import { ConfigError, type ServerConfig, readConfig } from "../../src/server/config";

export function settingsOrExit(): ServerConfig {
  try {
    return readConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
