// Where a page sends a browser whose session has ended: the cookie is removed (a page render
// cannot do it) and the browser goes to the sign-in page.
import { NextResponse } from "next/server";
import { getServerAuthSession } from "~/server/auth/session";

export async function GET(request: Request) {
  await getServerAuthSession(); // removes the cookie of an ended session
  return NextResponse.redirect(new URL("/login", request.url), { status: 303 });
}
