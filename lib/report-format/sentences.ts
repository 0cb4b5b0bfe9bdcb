// Cutting text into sentences, and remembering what was read from each: the checks that read
// words (narrative figures, years) run on every keystroke over texts of up to 20,000 characters,
// and a keystroke changes one sentence, so each sentence is read once and its reading reused.
// Pure (the memory is a bounded cache of pure results).

export type Sentence = { start: number; end: number; text: string; opensParagraph: boolean };

const SENTENCE = /[^。！？；;!?]+[。！？；;!?]*/g;

/** The text's sentences (ended by 。！？； or a line break), with their offsets. */
export function sentencesOf(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    let first = true;
    for (const match of line.matchAll(SENTENCE)) {
      sentences.push({ start: offset + match.index, end: offset + match.index + match[0].length, text: match[0], opensParagraph: first });
      first = false;
    }
    offset += line.length + 1;
  }
  return sentences;
}

/** A bounded memory of pure results: forgets everything when full (a keystroke's readings are few). */
export function memory<T>(limit = 5_000) {
  const map = new Map<string, T>();
  return (key: string, compute: () => T): T => {
    const known = map.get(key);
    if (known !== undefined) return known;
    const value = compute();
    if (map.size >= limit) map.clear();
    map.set(key, value);
    return value;
  };
}
