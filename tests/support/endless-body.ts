// A request body that arrives in pieces without announcing its length (as with chunked transfer
// encoding), and records how much of it the server pulled.
export function streamedBody(totalBytes: number, pieceBytes = 64 * 1024) {
  const state = { pulled: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= totalBytes) return controller.close();
      const size = Math.min(pieceBytes, totalBytes - state.pulled);
      state.pulled += size;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
  return { body, state };
}

/** RequestInit for a streamed body (fetch's Request requires duplex for a stream). */
export const streamed = (body: ReadableStream<Uint8Array>) => ({ body, duplex: "half" }) as RequestInit;
