import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { decodeInPlace, transformer } from "./transformer";

const answer = () => ({
  items: [
    { id: "r1", createdAt: new Date("2026-12-07T14:05:00Z"), priceCents: 4500, note: undefined },
    { id: "r2", createdAt: new Date("2025-01-31T00:00:00Z"), priceCents: null, tags: new Set(["urgent"]) },
  ],
  totals: new Map([["CHIP", 2]]),
  nextCursor: undefined,
});

describe("decodeInPlace", () => {
  it("decodes what superjson encodes exactly as superjson does", () => {
    const encoded = superjson.serialize(answer());
    const expected = superjson.deserialize(structuredClone(encoded));
    expect(decodeInPlace(encoded)).toEqual(expected);
    expect(decodeInPlace(superjson.serialize(answer()))).toEqual(answer());
  });

  it("decodes in the parsed answer itself instead of a copy of it", () => {
    const encoded = JSON.parse(JSON.stringify(superjson.serialize(answer()))) as ReturnType<typeof superjson.serialize>;
    const decoded = decodeInPlace<ReturnType<typeof answer>>(encoded);
    expect(decoded).toBe(encoded.json);
    expect(decoded.items[0]!.createdAt).toBeInstanceOf(Date);
  });

  it("is the tRPC link's transformer, encoding as the server expects", () => {
    const value = answer();
    expect(transformer.serialize(value)).toEqual(superjson.serialize(value));
    expect(transformer.deserialize(transformer.serialize(value))).toEqual(value);
  });
});
