/** The longest summary a zoomed-out note shows, in characters: a few words to recognise it by. */
const summaryLength = 90;

/** A note's first lines, up to `summaryLength` characters (cut at a word), for the zoomed-out overview. */
export function noteSummary(text: string): string {
  const flat = text.trim().replace(/\s+/g, ' ');
  if (flat.length <= summaryLength) return flat;
  const cut = flat.slice(0, summaryLength);
  return `${cut.slice(0, cut.lastIndexOf(' ') > summaryLength / 2 ? cut.lastIndexOf(' ') : summaryLength)}…`;
}
