type TypedArray = Float64Array | Int32Array | Uint32Array | Uint16Array;
type TypedArrayConstructor<T extends TypedArray> = { new (length: number): T };

/** A typed array that doubles its capacity as values are pushed. */
export class GrowableArray<T extends TypedArray> {
  private data: T;
  length = 0;

  constructor(private readonly ctor: TypedArrayConstructor<T>, initialCapacity = 1024) {
    this.data = new ctor(initialCapacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new this.ctor(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** A right-sized copy of the values pushed so far. */
  toArray(): T {
    return this.data.slice(0, this.length) as T;
  }
}

/**
 * A copy of a string that does not keep alive the text it was cut from. V8 holds a
 * substring of 13 characters or more as a slice of its parent, so one Crime ID or street
 * name kept from each 8 MB piece of a CSV keeps every piece: reading a 1 GB file peaked at
 * 3.4 GB. A JSON round trip is the cheapest way found to a new string of exactly the
 * text (1.3 GB; the usual (' ' + s).slice(1) keeps a slice of a copy: 1.7 GB).
 */
export function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** Maps strings to small integer codes, keeping the strings in first-seen order. */
export class StringDictionary {
  private readonly codes = new Map<string, number>();
  readonly values: string[] = [];

  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      const kept = detached(value);
      this.codes.set(kept, code);
      this.values.push(kept);
    }
    return code;
  }
}
