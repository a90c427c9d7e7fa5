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

/** Maps strings to small integer codes, keeping the strings in first-seen order. */
export class StringDictionary {
  private readonly codes = new Map<string, number>();
  readonly values: string[] = [];

  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.codes.set(value, code);
      this.values.push(value);
    }
    return code;
  }
}
