import { quantize } from './weights.ts';

/**
 * A shard file holds a contiguous range of the vocabulary and every posting of those terms:
 *
 *     varint termCount
 *     termCount × (varint shared-prefix length, varint suffix byte length, UTF-8 suffix)   front-coded, sorted
 *     termCount × varint postingCount
 *     per term: postingCount × varint doc-number gap (first gap from -1), then postingCount × weight byte
 *
 * Binary because it is most of what a search downloads, and hosts rarely compress
 * application/octet-stream: the file is already about as small as gzip would make it.
 */
export interface ShardTerm {
  term: string;
  /** Document numbers, ascending. */
  docs: number[];
  /** Weight bytes (see weights.ts), one per document. */
  weights: number[];
}

class ByteWriter {
  private bytes: number[] = [];
  varint(value: number): void {
    let v = value;
    while (v >= 0x80) {
      this.bytes.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    this.bytes.push(v);
  }
  raw(values: ArrayLike<number>): void {
    for (let i = 0; i < values.length; i++) this.bytes.push(values[i]!);
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
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
  for (const { docs } of terms) out.varint(docs.length);
  for (const { docs, weights } of terms) {
    let last = -1;
    for (const doc of docs) {
      out.varint(doc - last - 1);
      last = doc;
    }
    out.raw(weights);
  }
  return out.done();
}

/** Decode a shard back into its terms and postings. */
export function decodeShard(bytes: Uint8Array): ShardTerm[] {
  const input = new ByteReader(bytes);
  const count = input.varint();
  const terms: ShardTerm[] = [];
  let previous = new Uint8Array();
  for (let i = 0; i < count; i++) {
    const shared = input.varint();
    const suffix = input.slice(input.varint());
    const full = new Uint8Array(shared + suffix.length);
    full.set(previous.subarray(0, shared));
    full.set(suffix, shared);
    terms.push({ term: decoder.decode(full), docs: [], weights: [] });
    previous = full;
  }
  const sizes = terms.map(() => input.varint());
  terms.forEach((entry, i) => {
    const size = sizes[i]!;
    let doc = -1;
    for (let j = 0; j < size; j++) {
      doc += input.varint() + 1;
      entry.docs.push(doc);
    }
    entry.weights = Array.from(input.slice(size));
  });
  return terms;
}

/** Bytes a term will take in a shard (an estimate that ignores front coding), for partitioning. */
export function encodedSize(term: ShardTerm): number {
  let size = encoder.encode(term.term).length + 3;
  let last = -1;
  for (const doc of term.docs) {
    const gap = doc - last - 1;
    size += gap < 0x80 ? 1 : gap < 0x4000 ? 2 : 3;
    last = doc;
  }
  return size + term.weights.length;
}

export { quantize };
