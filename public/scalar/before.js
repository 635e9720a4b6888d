// Runs before Scalar's bundle: its copy of zod would otherwise probe for eval (`Function("")`),
// which the page's policy refuses (script-src 'self', no 'unsafe-eval'); jitless skips the probe.
globalThis.__zod_globalConfig = { ...globalThis.__zod_globalConfig, jitless: true };
