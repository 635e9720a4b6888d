// superjson, as the server's transformer (src/server/api/trpc.ts), but decoding in place: what it
// decodes here is always fresh (a response just parsed, or the page's dehydrated answers, decoded
// once), so superjson's deep copy of every answer first is work for nothing. On the office screens
// that copy was about a third of hydrating their first answers.
import superjson from "superjson";

type Encoded = Parameters<typeof superjson.deserialize>[0];

export const decodeInPlace = <T = unknown>(payload: Encoded): T => superjson.deserialize<T>(payload, { inPlace: true });

export const transformer = { serialize: superjson.serialize, deserialize: decodeInPlace };
