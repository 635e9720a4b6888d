// An SMS is one 160-character segment: longer texts cost several and some phones show them split.

export const SMS_MAX_CHARS = 160;

const ELLIPSIS = "…";

/**
 * `text` kept to 160 characters: cut at a word with an ellipsis. A link (the last http(s) URL in
 * the text) is kept whole at the end when it fits with some words before it, since it is what the
 * recipient acts on.
 */
export function smsText(text: string, max: number = SMS_MAX_CHARS): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if ([...clean].length <= max) return clean;
  const links = clean.match(/https?:\/\/\S+/g);
  const link = links ? links[links.length - 1] : null;
  if (link && link.length + 1 + 10 <= max) {
    const rest = clean.replace(link, "").replace(/\s+/g, " ").trim();
    return `${cut(rest, max - link.length - 1)} ${link}`;
  }
  return cut(clean, max);
}

function cut(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join("");
  const space = head.lastIndexOf(" ");
  // Cut at a word unless that would throw away most of the room.
  const words = space > head.length / 2 ? head.slice(0, space) : head;
  return words.replace(/[\s,.;:–-]+$/, "") + ELLIPSIS;
}
