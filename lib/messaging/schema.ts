/**
 * A tiny payload-schema helper for the verbs a seller page may call (see README.md, "Schemas").
 * A schema checks a structured-cloned payload and returns a fresh value holding only the declared
 * fields; anything else (a wrong type, a missing field, text too long, an unknown key such as
 * `__proto__` or `constructor`) is refused with the field's path, before any handler runs.
 * Some checks depend on who sent the message: `ownPlatform()` and `ownOrigin()` bind a field to the
 * sending page's own console (the browser's URL of the sender, never the page's word).
 */
import type { Platform } from '../sites/types';

/** What a schema may know about the sender. Unset for extension pages. */
export interface SchemaContext {
  /** The console platform of the sending page (built-in adapter, else 'taught'); null: none. */
  pagePlatform?: Platform | null;
  /** The sending page's origin. */
  pageOrigin?: string | null;
}

export interface Schema<T> {
  /** Returns the checked value or throws a SchemaError naming `path`. */
  parse(value: unknown, path: string, ctx: SchemaContext): T;
  /** object(): the field may be absent (undefined). */
  readonly optional?: boolean;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

/** A payload field that does not fit its schema. */
export class SchemaError extends Error {
  override name = 'SchemaError';
  constructor(
    readonly path: string,
    readonly expected: string,
  ) {
    super(`${path}: ${expected}`);
  }
}

const fail = (path: string, expected: string): never => {
  throw new SchemaError(path, expected);
};

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export const PLATFORM_IDS: readonly Platform[] = ['demo', 'taobao', 'jd', 'pdd', 'douyin', 'kuaishou', 'taught'];

export interface TextOptions {
  max: number;
  /** At least this many characters after trimming (default 0). */
  min?: number;
  pattern?: RegExp;
}

export const s = {
  /** A string of at most `max` characters (and `min` non-blank ones, and `pattern` if given). */
  text(o: TextOptions): Schema<string> {
    const what = `expected text of at most ${o.max} characters${o.min ? ' (not empty)' : ''}`;
    return {
      parse(v, path) {
        if (typeof v !== 'string' || v.length > o.max) return fail(path, what);
        if (o.min && v.trim().length < o.min) return fail(path, what);
        if (o.pattern && !o.pattern.test(v)) return fail(path, `expected text matching ${o.pattern}`);
        return v;
      },
    };
  },
  /** A finite number (optionally an integer within bounds). */
  number(o: { int?: boolean; min?: number; max?: number } = {}): Schema<number> {
    const what = `expected ${o.int ? 'an integer' : 'a number'}${o.min !== undefined ? ` ≥ ${o.min}` : ''}${o.max !== undefined ? ` ≤ ${o.max}` : ''}`;
    return {
      parse(v, path) {
        if (typeof v !== 'number' || !Number.isFinite(v) || (o.int && !Number.isInteger(v))) return fail(path, what);
        if ((o.min !== undefined && v < o.min) || (o.max !== undefined && v > o.max)) return fail(path, what);
        return v;
      },
    };
  },
  boolean(): Schema<boolean> {
    return { parse: (v, path) => (typeof v === 'boolean' ? v : fail(path, 'expected true or false')) };
  },
  /** One of a fixed list of strings (or other primitives). */
  oneOf<const T extends string | number | boolean>(values: readonly T[]): Schema<T> {
    const what = values.length <= 8 ? `expected one of ${values.map((x) => JSON.stringify(x)).join(', ')}` : `expected one of ${values.length} known values`;
    return { parse: (v, path) => ((values as readonly unknown[]).includes(v) ? (v as T) : fail(path, what)) };
  },
  /** A list of at most `max` items, each checked by `item`. */
  array<T>(item: Schema<T>, o: { max: number }): Schema<T[]> {
    return {
      parse(v, path, ctx) {
        if (!Array.isArray(v)) return fail(path, 'expected a list');
        if (v.length > o.max) return fail(path, `expected at most ${o.max} items`);
        return v.map((x, i) => item.parse(x, `${path}[${i}]`, ctx));
      },
    };
  },
  /**
   * An object with exactly these fields (optional ones may be absent). Unknown keys are refused,
   * so `__proto__`, `constructor` and friends never reach a handler; the result is a new object.
   */
  object<Shape extends Record<string, Schema<unknown>>>(shape: Shape): Schema<ObjectOf<Shape>> {
    return {
      parse(v, path, ctx) {
        if (!isPlainObject(v)) return fail(path, 'expected an object');
        for (const k of Object.keys(v)) if (!Object.hasOwn(shape, k)) fail(`${path}.${k}`, 'unknown field');
        const out: Record<string, unknown> = {};
        for (const [k, field] of Object.entries(shape)) {
          const x = v[k];
          if (x === undefined && !field.optional) fail(`${path}.${k}`, 'required');
          // An optional field may still supply a value when absent (ownPlatform's page default).
          const value = field.parse(x, `${path}.${k}`, ctx);
          if (value !== undefined) out[k] = value;
        }
        return out as ObjectOf<Shape>;
      },
    };
  },
  /** Objects told apart by a string field (`kind`, `action` …), each with its own fields. */
  variants<K extends string, M extends Record<string, Schema<Record<string, unknown>>>>(key: K, byTag: M): Schema<Infer<M[keyof M]>> {
    const tags = Object.keys(byTag);
    return {
      parse(v, path, ctx) {
        if (!isPlainObject(v)) return fail(path, 'expected an object');
        const tag = v[key];
        if (typeof tag !== 'string' || !Object.hasOwn(byTag, tag)) return fail(`${path}.${key}`, `expected one of ${tags.join(', ')}`);
        return byTag[tag]!.parse(v, path, ctx) as Infer<M[keyof M]>;
      },
    };
  },
  optional<T>(inner: Schema<T>): Schema<T | undefined> {
    return { optional: true, parse: (v, path, ctx) => (v === undefined ? undefined : inner.parse(v, path, ctx)) };
  },
  nullable<T>(inner: Schema<T>): Schema<T | null> {
    return { optional: inner.optional, parse: (v, path, ctx) => (v === null ? null : inner.parse(v, path, ctx)) };
  },
  /** No payload at all (undefined or null). */
  none(): Schema<void> {
    return { optional: true, parse: (v, path) => (v === undefined || v === null ? undefined : fail(path, 'expected no payload')) };
  },
  /** A custom check for a field; `check` returns the value or throws a SchemaError via `fail`. */
  custom<T>(check: (v: unknown, path: string, ctx: SchemaContext) => T): Schema<T> {
    return { parse: check };
  },
  /**
   * A console platform. From a seller page it must be the page's own (a page cannot act on another
   * console's data). `{ optional: true }`: may be absent; from a page it then becomes the page's own.
   */
  ownPlatform(o: { optional?: boolean } = {}): Schema<Platform> {
    return {
      optional: o.optional,
      parse(v, path, ctx) {
        if (v === undefined && o.optional) return (ctx.pagePlatform ?? undefined) as Platform;
        if (!(PLATFORM_IDS as readonly unknown[]).includes(v)) return fail(path, `expected one of ${PLATFORM_IDS.join(', ')}`);
        if (ctx.pagePlatform !== undefined && v !== ctx.pagePlatform) return fail(path, `a page may only use its own console (${ctx.pagePlatform ?? 'none'})`);
        return v as Platform;
      },
    };
  },
  /** An http(s) origin; from a seller page it must be the page's own. */
  ownOrigin(): Schema<string> {
    return {
      parse(v, path, ctx) {
        if (typeof v !== 'string' || v.length > 2000) return fail(path, 'expected an origin');
        let origin: string;
        try {
          const u = new URL(v);
          if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('scheme');
          origin = u.origin;
        } catch {
          return fail(path, 'expected an http(s) origin');
        }
        if (origin !== v) return fail(path, 'expected an origin');
        if (ctx.pageOrigin !== undefined && origin !== ctx.pageOrigin) return fail(path, 'a page may only use its own site');
        return origin;
      },
    };
  },
};

/** The value an object schema produces: optional fields may be absent. */
export type ObjectOf<Shape extends Record<string, Schema<unknown>>> = {
  [K in keyof Shape as Shape[K] extends { optional: true } ? never : K]: Infer<Shape[K]>;
} & {
  [K in keyof Shape as Shape[K] extends { optional: true } ? K : never]?: Infer<Shape[K]>;
};

export { fail as schemaFail };

/** The page schemas of a protocol: verb → what a seller page may send. */
export type PageSchemas<P> = { [V in keyof P]?: Schema<unknown> };
