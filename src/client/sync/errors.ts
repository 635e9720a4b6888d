// The two ways a sync stops early. Neither touches the queue: the next run sends it again.

/** The session ended (401 / UNAUTHORIZED): sync pauses until the user signs in again. */
export class SessionExpired extends Error {
  readonly code = "UNAUTHORIZED";
  constructor() {
    super("Your session has ended: sign in again to send your work. Nothing on this device is lost.");
  }
}

/** No answer or a server error (5xx): everything sent stays pending. */
export class TransportFailed extends Error {
  constructor(
    readonly code: "OFFLINE" | "SERVER_ERROR" | "FORBIDDEN",
    message: string,
  ) {
    super(message);
  }
}
