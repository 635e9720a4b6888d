// What the one line logged per request may show.
import "server-only";

/** The path alone, at most 300 characters: a query string may carry a token or an address. */
export function loggedPath(url: string | undefined): string {
  return (url ?? "").split(/[?#]/, 1)[0]!.slice(0, 300);
}
