// A real SMTP server on loopback (smtp-server), mails read back with mailparser. Its behaviour
// can be switched per test: accept, refuse every mail with 5xx, bounce chosen recipients with
// 550 on RCPT TO, or hang after the greeting.
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type SmtpMode = "accept" | "refuse" | "hang";

export type SmtpPeer = {
  url: string;
  mails: ParsedMail[];
  mode: SmtpMode;
  /** Addresses answered 550 on RCPT TO (a bounce). */
  bouncing: Set<string>;
  /** Mails refused or hung, for "it was tried" checks. */
  attempts: number;
  /** Connections the client cut mid-mail (a killed sender resets its socket after MAIL FROM). */
  dropped: Error[];
  close(): Promise<void>;
};

export async function startSmtpPeer(): Promise<SmtpPeer> {
  const hung: Array<() => void> = [];
  const peer: SmtpPeer = {
    url: "",
    mails: [],
    mode: "accept",
    bouncing: new Set(),
    attempts: 0,
    dropped: [],
    close: async () => {},
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onConnect(_session, callback) {
      peer.attempts += 1;
      // Never answering leaves the client waiting for the rest of the exchange: its timeouts must end the try.
      if (peer.mode === "hang") return void hung.push(() => callback(new Error("closing")));
      callback();
    },
    onMailFrom(_address, _session, callback) {
      if (peer.mode === "refuse") {
        const error = Object.assign(new Error("Service refused"), { responseCode: 554 });
        return callback(error);
      }
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (peer.bouncing.has(address.address.toLowerCase())) {
        return callback(Object.assign(new Error("No such user here"), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          peer.mails.push(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  // smtp-server re-emits a socket error inside a transaction on the server; unheard, it is an
  // uncaught exception that fails the whole test run. A sender killed mid-mail is what the fault
  // tests do on purpose, so the peer keeps the error for them to read instead.
  server.on("error", (error: Error) => peer.dropped.push(error));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  peer.url = `smtp://127.0.0.1:${port}`;
  peer.close = () =>
    new Promise<void>((resolve) => {
      for (const release of hung.splice(0)) release();
      server.close(() => resolve());
    });
  return peer;
}

/** The value of a header of a parsed mail, as text. */
export function headerOf(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((header) => header.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(":") + 1).trim();
}
