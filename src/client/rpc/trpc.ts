// The device's tRPC calls, typed by the server's router (type-only imports). The code that sends
// them (trpc-call.ts, with superjson) loads with the first call, in one chunk for every caller;
// recognizing a refusal (TrpcCallError) loads nothing.
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "~/server/api/root";
import type { TrpcCallOptions } from "./trpc-call";

/** What the server's error shape carries (src/server/api/trpc.ts errorFormatter). */
export type TrpcErrorData = { code?: string; httpStatus?: number; domainCode?: string | null };

/** The server answered with a tRPC error. A failed fetch or an answer that is not tRPC's is a plain Error. */
export class TrpcCallError extends Error {
  constructor(
    message: string,
    readonly data: TrpcErrorData | undefined,
  ) {
    super(message);
    this.name = "TrpcCallError";
  }
}

type Inputs = inferRouterInputs<AppRouter>;
type Outputs = inferRouterOutputs<AppRouter>;

/** "router.procedure", as the URL names it. */
export type TrpcPath = { [R in keyof Outputs & string]: `${R}.${keyof Outputs[R] & string}` }[keyof Outputs & string];
type Split<P extends TrpcPath> = P extends `${infer R extends keyof Outputs & keyof Inputs}.${infer N}`
  ? [R, N]
  : never;
export type TrpcInput<P extends TrpcPath> = Inputs[Split<P>[0]][Split<P>[1] & keyof Inputs[Split<P>[0]]];
export type TrpcOutput<P extends TrpcPath> = Outputs[Split<P>[0]][Split<P>[1] & keyof Outputs[Split<P>[0]]];

async function call<P extends TrpcPath>(
  type: "query" | "mutation",
  path: P,
  input: unknown,
  options?: TrpcCallOptions,
): Promise<TrpcOutput<P>> {
  const { trpcCall } = await import("./trpc-call");
  return trpcCall<TrpcOutput<P>>(type, path, input, options);
}

export const trpcQuery = <P extends TrpcPath>(path: P, input?: TrpcInput<P>, options?: TrpcCallOptions) =>
  call("query", path, input, options);

export const trpcMutation = <P extends TrpcPath>(path: P, input: TrpcInput<P>, options?: TrpcCallOptions) =>
  call("mutation", path, input, options);
