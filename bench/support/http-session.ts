// A user signed in over plain HTTP with a tRPC client that sends the session cookie: for
// benchmarks of the API without a browser.
import { type TrpcClient, signIn, trpcClient } from "../../tests/support/http-sign-in";

export type HttpSession = { cookie: string; trpc: TrpcClient };

export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<HttpSession> {
  const { cookie, error } = await signIn(baseUrl, email, password);
  if (!cookie) throw new Error(`Sign-in of ${email} failed: ${error}.`);
  return { cookie, trpc: trpcClient(baseUrl, cookie) };
}
