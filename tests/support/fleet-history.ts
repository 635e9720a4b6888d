// The seeded history generator lives in src/domain (the dashboard's accuracy panel runs the same
// backtest); tests and bench p import it from here as before.
export * from "~/domain/fleet-history";
