// Types of setup.mjs for the TypeScript that imports it (tests that need the production build).
export function run(
  cmd: string,
  args: string[],
  options?: { env?: Record<string, string>; exitWithChild?: boolean },
): void;
export function ensureInstalled(): void;
export function ensureBuilt(): void;
export function buildIsCurrent(): boolean;
export function buildInputs(): string[];
export function ensureChromium(): void;
