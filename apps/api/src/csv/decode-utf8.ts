import { badEncoding } from './errors';

/** Anything we can iterate for bytes: a Node Readable or an old-style NodeJS.ReadableStream. */
export type ByteSource = AsyncIterable<Buffer | Uint8Array | string>;

/**
 * A file held in memory as a source of 64 KB pieces (views, not copies), so that its rows are parsed
 * a few at a time rather than all at once.
 */
export async function* inPieces(bytes: Buffer, size = 64 * 1024): ByteSource {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

const LF = 0x0a;

/**
 * Decodes UTF-8 chunk by chunk, strictly: a spreadsheet saved as Windows-1252 would otherwise turn
 * "Zoë" into "Zo�" and create learners with mangled names. The streaming decoder keeps a character split
 * across two chunks whole, and drops a leading byte order mark.
 */
export async function* decodeUtf8(source: ByteSource): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let linesBefore = 0;
  let first = true;
  for await (const chunk of source) {
    const atStart = first;
    first = false;
    if (typeof chunk === 'string') {
      // A stream with setEncoding() has already decoded (bad bytes became U+FFFD); only the BOM is left.
      const text = atStart && chunk.startsWith('\ufeff') ? chunk.slice(1) : chunk;
      linesBefore += countLines(text);
      yield text;
      continue;
    }
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw badEncoding(linesBefore + 1 + linesBeforeBadByte(chunk));
    }
    linesBefore += countLines(text);
    if (text !== '') yield text;
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    // A multi-byte character cut off by the end of the file.
    throw badEncoding(linesBefore + 1);
  }
  if (rest !== '') yield rest;
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Line feeds in the chunk before its first invalid byte, so the error can name the line. A line feed
 * byte is never part of a multi-byte character, so counting raw bytes is safe.
 */
function linesBeforeBadByte(chunk: Uint8Array): number {
  const bad = firstInvalidByte(chunk);
  let n = 0;
  for (let i = 0; i < bad; i++) if (chunk[i] === LF) n++;
  return n;
}

/** Offset of the first byte that cannot start or continue a UTF-8 sequence here (chunk end if none). */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  // Continuation bytes at the start belong to a character begun in the previous chunk.
  while (i < bytes.length && i < 3 && ((bytes[i] ?? 0) & 0xc0) === 0x80) i++;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return bytes.length;
      if ((c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
