/**
 * A shard file holds a contiguous range of the vocabulary and every posting of those terms:
 *
 *     varint termCount
 *     termCount × (varint shared-prefix length, varint suffix byte length, UTF-8 suffix)   front-coded, sorted
 *     termCount × varint (postingCount × 2 + 1 if the documents are a bitmap)
 *     per term, its documents, either
 *       postingCount × varint doc-number gap (first gap from -1), or
 *       varint first doc, varint span, ceil(span / 8) bytes of bitmap (bit i of byte j: doc first + 8j + i)
 *     and then postingCount × weight byte
 *
 * A bitmap is used when it is smaller: for a word in most items ("council") it is an eighth of the
 * size of the gaps.
 * Binary because it is most of what a search downloads, and hosts rarely compress
 * application/octet-stream: the file is already about as small as gzip would make it.
 */
export interface ShardTerm {
  term: string;
  /** Document numbers, ascending. */
  docs: ArrayLike<number>;
  /** Weight bytes (see weights.ts), one per document. */
  weights: ArrayLike<number>;
}

/** A term as decoded, in typed arrays. */
export interface DecodedTerm extends ShardTerm {
  docs: Int32Array;
  weights: Uint8Array;
}

class ByteWriter {
  private bytes = new Uint8Array(4096);
  private length = 0;
  private room(size: number): void {
    if (this.length + size <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + size));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
  varint(value: number): void {
    this.room(8);
    let v = value;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.bytes[this.length++] = v;
  }
  raw(values: ArrayLike<number>): void {
    this.room(values.length);
    this.bytes.set(values, this.length);
    this.length += values.length;
  }
  done(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

class ByteReader {
  offset = 0;
  constructor(private readonly bytes: Uint8Array) {}
  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.bytes[this.offset++];
      if (byte === undefined) throw new Error('Search shard ends early');
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
  }
  slice(length: number): Uint8Array {
    const out = this.bytes.subarray(this.offset, this.offset + length);
    if (out.length !== length) throw new Error('Search shard ends early');
    this.offset += length;
    return out;
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Number of leading UTF-8 bytes two encoded terms share. */
function sharedPrefix(a: Uint8Array, b: Uint8Array): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function varintSize(value: number): number {
  return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : 4;
}

function gapsSize(docs: ArrayLike<number>): number {
  let size = 0;
  let last = -1;
  for (let i = 0; i < docs.length; i++) {
    size += varintSize(docs[i]! - last - 1);
    last = docs[i]!;
  }
  return size;
}

/** Bytes of the documents' bitmap, if a bitmap is smaller than their gaps (else undefined). */
function bitmapSize(docs: ArrayLike<number>): number | undefined {
  if (docs.length < 16) return undefined;
  const first = docs[0]!;
  const span = docs[docs.length - 1]! - first + 1;
  const size = Math.ceil(span / 8);
  return size + varintSize(first) + varintSize(span) >= gapsSize(docs) ? undefined : size;
}

/** The documents as a bitmap, when that is smaller than their gaps. */
function bitmapOf(docs: ArrayLike<number>): Uint8Array | undefined {
  const size = bitmapSize(docs);
  if (size === undefined) return undefined;
  const first = docs[0]!;
  const bitmap = new Uint8Array(size);
  for (let i = 0; i < docs.length; i++) {
    const bit = docs[i]! - first;
    bitmap[bit >> 3]! |= 1 << (bit & 7);
  }
  return bitmap;
}

/** Bytes of a string in UTF-8. */
function utf8Length(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) length += 1;
    else if (code < 0x800) length += 2;
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      length += 4;
      i++;
    } else length += 3;
  }
  return length;
}

/** Encode a shard's terms (sorted by JS string order) and their postings. */
export function encodeShard(terms: ShardTerm[]): Uint8Array {
  const out = new ByteWriter();
  out.varint(terms.length);
  let previous = new Uint8Array();
  for (const { term } of terms) {
    const bytes = encoder.encode(term);
    const shared = sharedPrefix(previous, bytes);
    out.varint(shared);
    out.varint(bytes.length - shared);
    out.raw(bytes.subarray(shared));
    previous = bytes;
  }
  const bitmaps = terms.map(({ docs }) => bitmapOf(docs));
  terms.forEach(({ docs }, i) => out.varint(docs.length * 2 + (bitmaps[i] ? 1 : 0)));
  terms.forEach(({ docs, weights }, i) => {
    const bitmap = bitmaps[i];
    if (bitmap) {
      out.varint(docs[0]!);
      out.varint(docs[docs.length - 1]! - docs[0]! + 1);
      out.raw(bitmap);
    } else {
      let last = -1;
      for (let j = 0; j < docs.length; j++) {
        out.varint(docs[j]! - last - 1);
        last = docs[j]!;
      }
    }
    out.raw(weights);
  });
  return out.done();
}

/** Decode a shard back into its terms and postings. */
export function decodeShard(bytes: Uint8Array): DecodedTerm[] {
  const input = new ByteReader(bytes);
  const count = input.varint();
  const names: string[] = [];
  let previous = new Uint8Array();
  for (let i = 0; i < count; i++) {
    const shared = input.varint();
    const suffix = input.slice(input.varint());
    const full = new Uint8Array(shared + suffix.length);
    full.set(previous.subarray(0, shared));
    full.set(suffix, shared);
    names.push(decoder.decode(full));
    previous = full;
  }
  const headers = names.map(() => input.varint());
  return names.map((term, i) => {
    const size = Math.floor(headers[i]! / 2);
    const docs = new Int32Array(size);
    if (headers[i]! % 2 === 1) {
      const first = input.varint();
      const bitmap = input.slice(Math.ceil(input.varint() / 8));
      let j = 0;
      for (let byte = 0; byte < bitmap.length; byte++) {
        const bits = bitmap[byte]!;
        if (bits === 0) continue;
        for (let bit = 0; bit < 8; bit++) if (bits & (1 << bit)) docs[j++] = first + byte * 8 + bit;
      }
      if (j !== size) throw new Error('Search shard bitmap does not match its count');
    } else {
      let doc = -1;
      for (let j = 0; j < size; j++) docs[j] = doc += input.varint() + 1;
    }
    return { term, docs, weights: input.slice(size).slice() };
  });
}

/** Bytes a term will take in a shard (an estimate that ignores front coding), for partitioning. */
export function encodedSize(term: ShardTerm): number {
  const bitmap = bitmapSize(term.docs);
  const docs = bitmap !== undefined ? bitmap + 6 : gapsSize(term.docs);
  return utf8Length(term.term) + 3 + docs + term.weights.length;
}
