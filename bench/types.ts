// One benchmark module measures one or more figures against a running production build.
export type BenchEnv = {
  /** e.g. http://localhost:3290, serving the demo business on a fresh embedded database */
  baseUrl: string;
  chromiumPath: string;
  /** scratch folder for this run */
  tmpDir: string;
};

export type BenchFigure = {
  id: string; // "a", "b", ...
  label: string;
  value: number;
  unit: string;
  /** e.g. "<= 2 s" */
  target: string;
  pass: boolean;
  /** extra figures: per-batch ms, ratio parts, ... */
  details?: Record<string, number | string>;
  /** when this figure was taken: a run of some modules keeps the other figures of an earlier run */
  measuredAt?: string;
};

export type BenchModule = { name: string; run: (env: BenchEnv) => Promise<BenchFigure[]> };
