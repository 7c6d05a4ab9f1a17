/** A catalog text with a little markup, as React nodes (no stylesheet: the Paper view uses it too). */
import type { ReactNode } from 'react';

const RICH_TOKEN = /<(strong|sub)>(.*?)<\/\1>|\[\[(\w+)\]\]/g;

/**
 * A catalog text with a little markup, as React nodes: <strong>…</strong> and <sub>…</sub> as those elements,
 * [[name]] as slots[name] (a badge, a number in bold); everything else as text (React escapes it).
 */
export function Rich({ text, slots = {} }: { text: string; slots?: Readonly<Record<string, ReactNode>> }) {
  const nodes: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(RICH_TOKEN)) {
    const at = match.index ?? 0;
    if (at > last) nodes.push(text.slice(last, at));
    const key = `${at}`;
    if (match[1] === 'strong') nodes.push(<strong key={key}>{match[2]}</strong>);
    else if (match[1] === 'sub') nodes.push(<sub key={key}>{match[2]}</sub>);
    else nodes.push(<span key={key}>{slots[match[3]] ?? null}</span>);
    last = at + match[0].length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return <>{nodes}</>;
}
