// Calls tRPC procedures over HTTP with the page's session cookie (superjson envelope), to set
// up or verify what the screens did — the same API any client would use.
import type { APIRequestContext } from "@playwright/test";

type TrpcResult<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

async function unwrap<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<TrpcResult<T>> {
  const body = (await response.json()) as {
    result?: { data: { json: T } };
    error?: { json: { message: string; data: { code: string } } };
  };
  if (body.error) return { ok: false, code: body.error.json.data.code, message: body.error.json.message };
  return { ok: true, data: body.result!.data.json };
}

export async function trpcQuery<T>(
  request: APIRequestContext,
  path: string,
  input: unknown = undefined,
): Promise<TrpcResult<T>> {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  return unwrap<T>(await request.get(`/api/trpc/${path}${query}`));
}

export async function trpcMutation<T>(
  request: APIRequestContext,
  path: string,
  input: unknown,
): Promise<TrpcResult<T>> {
  return unwrap<T>(await request.post(`/api/trpc/${path}`, { data: { json: input } }));
}
