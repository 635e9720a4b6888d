// /walk's first screen is drawn before Dexie has loaded (src/app/walk/_lib/lazy-device-store.ts):
// nothing the home app imports statically may bring the device database's code into the first
// load. Follows the static value imports (not `import type`, not `import()`) from walk-shell.tsx.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(import.meta.dirname, "../..");
const ENTRY = path.join(SRC, "app/walk/_components/walk-shell.tsx");
const FORBIDDEN_PACKAGES = ["dexie"];
const FORBIDDEN_MODULES = ["client/store/db.ts"];

const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^;'"]*?\sfrom\s+)?["']([^"']+)["']/gm;

function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith("~/")
    ? path.join(SRC, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")])
    if (existsSync(candidate) && candidate.match(/\.tsx?$/)) return candidate;
  throw new Error(`cannot resolve ${specifier} from ${from}`);
}

/** Each module reached statically from `entry`, with the import chain that reaches it. */
function staticGraph(entry: string) {
  const chains = new Map<string, string[]>([[entry, [entry]]]);
  const packages: { name: string; chain: string[] }[] = [];
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift()!;
    const source = readFileSync(file, "utf8");
    for (const [, specifier] of source.matchAll(STATIC_IMPORT)) {
      const target = resolve(file, specifier!);
      if (!target) {
        packages.push({ name: specifier!, chain: chains.get(file)! });
        continue;
      }
      if (chains.has(target)) continue;
      chains.set(target, [...chains.get(file)!, target]);
      queue.push(target);
    }
  }
  return { chains, packages };
}

const rel = (chain: string[]) => chain.map((f) => path.relative(SRC, f)).join(" → ");

describe("/walk's first screen", () => {
  const { chains, packages } = staticGraph(ENTRY);

  it("follows the home components' imports", () => {
    expect([...chains.keys()].map((f) => path.relative(SRC, f))).toEqual(
      expect.arrayContaining(["app/walk/_components/walk-list.tsx", "app/walk/_hooks/use-device-query.ts"]),
    );
  });

  it("imports neither Dexie nor the device database statically", () => {
    const offending = [
      ...packages.filter((p) => FORBIDDEN_PACKAGES.includes(p.name)).map((p) => `${p.name} via ${rel(p.chain)}`),
      ...[...chains]
        .filter(([file]) => FORBIDDEN_MODULES.includes(path.relative(SRC, file)))
        .map(([, chain]) => rel(chain)),
    ];
    expect(offending).toEqual([]);
  });
});
