import { StarMethodFileError } from 'src/modules/analytics/star-rating/star-rating.errors';

type JsonObject = Record<string, unknown>;

/**
 * Walks an untrusted JSON value and fails with the file name and the dotted path of the first
 * field that is missing or of the wrong kind.
 */
export class JsonReader {
  constructor(
    private readonly fileName: string,
    private readonly value: unknown,
    private readonly path: string = '',
  ) {}

  fail(problem: string): never {
    throw new StarMethodFileError(this.fileName, this.path ? `${this.path}: ${problem}` : problem);
  }

  field(key: string): JsonReader {
    const object = this.object();
    if (!(key in object)) new JsonReader(this.fileName, undefined, this.childPath(key)).fail('is missing');
    return new JsonReader(this.fileName, object[key], this.childPath(key));
  }

  optionalField(key: string): JsonReader | undefined {
    const object = this.object();
    return key in object ? this.field(key) : undefined;
  }

  entries(): [string, JsonReader][] {
    return Object.keys(this.object()).map((key) => [key, this.field(key)]);
  }

  items(): JsonReader[] {
    if (!Array.isArray(this.value)) this.fail('must be an array');
    const list: readonly unknown[] = this.value;
    return list.map((item, index) => new JsonReader(this.fileName, item, `${this.path}[${index}]`));
  }

  string(): string {
    if (typeof this.value !== 'string' || this.value.trim() === '') this.fail('must be a non-empty string');
    return this.value;
  }

  boolean(): boolean {
    if (typeof this.value !== 'boolean') this.fail('must be true or false');
    return this.value;
  }

  number(): number {
    if (typeof this.value !== 'number' || !Number.isFinite(this.value)) this.fail('must be a finite number');
    return this.value;
  }

  integer(min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): number {
    const value = this.number();
    if (!Number.isInteger(value) || value < min || value > max) this.fail(`must be a whole number from ${min} to ${max}`);
    return value;
  }

  /** A decimal with at most six places, as integer millionths. */
  millionths(): number {
    const value = this.number();
    const scaled = Math.round(value * 1_000_000);
    if (Math.abs(scaled - value * 1_000_000) > 1e-6) this.fail('must have at most 6 decimal places');
    return scaled;
  }

  stringList(): string[] {
    const list = this.items().map((item) => item.string());
    if (new Set(list).size !== list.length) this.fail('must not repeat an entry');
    return list;
  }

  private object(): JsonObject {
    if (typeof this.value !== 'object' || this.value === null || Array.isArray(this.value)) this.fail('must be an object');
    return this.value as JsonObject;
  }

  private childPath(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }
}
