import NextAuth from "next-auth";
import { authOptions } from "~/server/auth/options";
import { AUTH_BODY_BYTES, withinBodyLimit } from "~/server/http/body-limit";

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = NextAuth(authOptions) as (req: Request, context: Context) => Promise<Response>;

/** Sign-in and sign-out post a few form fields: a longer body is refused before next-auth reads it. */
async function post(req: Request, context: Context) {
  const limited = await withinBodyLimit(req, AUTH_BODY_BYTES);
  return limited instanceof Response ? limited : handler(limited, context);
}

export { handler as GET, post as POST };
