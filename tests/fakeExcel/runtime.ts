/**
 * Excel's proxy model: request contexts, client objects, the queue of operations applied in
 * order at `context.sync()`, `load`, `ClientResult`, null objects, requirement-set gating,
 * counters and failure injection.
 *
 * Semantics follow office.js (see README.md): setting a property stores the value locally and
 * queues a "set"; reading a property throws PropertyNotLoaded unless it was loaded (and synced)
 * or set locally; `*OrNullObject` proxies report `isNullObject` after the sync; operations on
 * null objects are ignored; loads of a batch that fails are not delivered; operations before
 * the failing one stay applied.
 */
import { ErrorCodes, FakeRichApiError, apiNotFound, defaultMessage, propertyNotLoaded } from "./errors";
import { API_SETS } from "./generated";
import type { WorkbookModel } from "./model";

export const NULL = Symbol("NullObject");
export type Entity = unknown;

export interface FakeStats {
  /** Excel.run calls. */
  runs: number;
  /** context.sync() calls made by the add-in (Excel.run's own final sync is not counted). */
  syncs: number;
  /** Batches actually sent to the host (non-empty queues), including Excel.run's final flush. */
  roundTrips: number;
  /** Operations applied (instantiations, property sets, method calls, loads). */
  ops: number;
  opsByKind: Record<string, number>;
  /** Number of operations in each round trip, in order. */
  opsPerSync: number[];
  /** Each write of values, formulas or numberFormat to a range counts 1 (rows.add with values too). */
  rangesWritten: number;
  /** Cells touched by those writes (null entries excluded). */
  cellsWritten: number;
  /** Property sets on format objects (font, fill, alignment, borders, widths…). */
  formatWrites: number;
  loads: number;
  calculations: number;
  failedSyncs: number;
  /** Operations queued on a context after its Excel.run finished (a missing `await`). */
  opsAfterRun: number;
  /** Operations still queued when an Excel.run batch rejected (never sent). */
  unsentOps: number;
}

export function emptyStats(): FakeStats {
  return {
    runs: 0, syncs: 0, roundTrips: 0, ops: 0, opsByKind: {}, opsPerSync: [], rangesWritten: 0, cellsWritten: 0,
    formatWrites: 0, loads: 0, calculations: 0, failedSyncs: 0, opsAfterRun: 0, unsentOps: 0,
  };
}

/** Which operation to fail: the n-th from now (0 = the next one), or the first matching a kind. */
export type FailureTrigger =
  | number
  | string
  | RegExp
  | { op: string | RegExp | ((kind: string, statement: string) => boolean); occurrence?: number };

export interface FailureSpec {
  trigger: FailureTrigger;
  remaining: number;
  code: string;
  message?: string;
}

export interface Host {
  model: WorkbookModel;
  stats: FakeStats;
  isSupported(set: string): boolean;
  failure: FailureSpec | null;
  events: Array<{ target: string; event: string; handler: (args: unknown) => unknown }>;
}

export interface Op {
  kind: string;
  statement: string;
  mutates: boolean;
  late?: boolean;
  /** Applies the operation; may return a commit step run once the whole batch succeeded. */
  run(): void | (() => void);
}

/** The FailureSpec matches this operation? */
function triggered(f: FailureSpec, op: Op): boolean {
  const t = f.trigger;
  if (typeof t === "number") {
    if (f.remaining === 0) return true;
    f.remaining--;
    return false;
  }
  let match: boolean;
  if (typeof t === "string") match = op.kind === t || op.kind === `${t}=`;
  else if (t instanceof RegExp) match = t.test(op.kind);
  else if (typeof t.op === "string") match = op.kind === t.op || op.kind === `${t.op}=`;
  else if (t.op instanceof RegExp) match = t.op.test(op.kind);
  else match = t.op(op.kind, op.statement);
  if (!match) return false;
  if (f.remaining > 0) {
    f.remaining--;
    return false;
  }
  return true;
}

export class FakeRequestContext {
  _host: Host;
  _queue: Op[] = [];
  _closed = false;
  _autoRun = false;
  readonly workbook: any;
  readonly application: any;
  readonly trackedObjects = {
    add: (_o: unknown) => undefined,
    remove: (_o: unknown) => undefined,
  };
  readonly debugInfo = {};
  readonly runtime: any;

  constructor(host: Host, makeWorkbook: (ctx: FakeRequestContext) => any) {
    this._host = host;
    this.workbook = makeWorkbook(this);
    this.application = this.workbook.application;
    this.runtime = { enableEvents: true, load: () => this.runtime };
  }

  _enqueue(op: Op): void {
    if (this._closed) {
      op.late = true;
      this._host.stats.opsAfterRun++;
    }
    this._queue.push(op);
  }

  /** Sends the queued operations: applies them in order and delivers loads and results. */
  async sync<T>(passThroughValue?: T): Promise<T> {
    if (!this._autoRun) this._host.stats.syncs++;
    return this._flush(passThroughValue);
  }

  async _flush<T>(passThroughValue?: T): Promise<T> {
    const host = this._host;
    const queue = this._queue;
    this._queue = [];
    await Promise.resolve();
    if (queue.length === 0) return passThroughValue as T;
    host.stats.roundTrips++;
    host.stats.opsPerSync.push(queue.length);
    const commits: Array<() => void> = [];
    applyOps(host, queue, commits);
    for (const c of commits) c();
    return passThroughValue as T;
  }
}

/**
 * Applies queued operations in order (counting them, injecting the pending failure); the commit
 * steps (load deliveries) are collected for the caller to run once the batch succeeded. The first
 * failing operation throws; the ones before it stay applied.
 */
export function applyOps(host: Host, queue: Op[], commits: Array<() => void>): void {
  for (let i = 0; i < queue.length; i++) {
    const op = queue[i];
    host.stats.ops++;
    host.stats.opsByKind[op.kind] = (host.stats.opsByKind[op.kind] ?? 0) + 1;
    try {
      if (op.late) {
        throw new FakeRichApiError(ErrorCodes.invalidObjectPath, defaultMessage("InvalidObjectPath", op.statement), {
          detail: "the object was used after its Excel.run batch had finished",
        });
      }
      if (host.failure && triggered(host.failure, op)) {
        const f = host.failure;
        host.failure = null;
        throw new FakeRichApiError(f.code, f.message ?? defaultMessage(f.code), { injected: true });
      }
      if (op.mutates) host.model.touch();
      const commit = op.run();
      if (op.mutates) host.model.touch();
      if (commit) commits.push(commit);
    } catch (e) {
      host.stats.failedSyncs++;
      if (e instanceof FakeRichApiError) {
        const around = queue.slice(Math.max(0, i - 2), i + 3).map((o) => (o === op ? `>>>>> ${o.statement} <<<<<` : o.statement));
        Object.assign(e.debugInfo, {
          errorLocation: op.kind.replace(/=$/, ""),
          statement: op.statement,
          surroundingStatements: around,
          fullStatements: queue.map((o) => o.statement),
        });
      }
      throw e;
    }
  }
}

export class ClientResult<T> {
  private _loaded = false;
  private _value: T | undefined;

  get value(): T {
    if (!this._loaded) {
      throw new FakeRichApiError(ErrorCodes.valueNotLoaded, defaultMessage("ValueNotLoaded"), { errorLocation: "clientResult.value" });
    }
    return this._value as T;
  }

  _set(v: T): void {
    this._value = v;
    this._loaded = true;
  }
}

export interface PropDef {
  get?: (e: any, proxy: ClientObject) => unknown;
  set?: (e: any, value: any, proxy: ClientObject) => void;
  /** Not returned by a parameter-less load(). */
  noDefaultLoad?: boolean;
  /** Counts as a format write in stats. */
  format?: boolean;
}

export interface LoadSpec {
  all: boolean;
  props: Set<string>;
  navs: Map<string, LoadSpec>;
  top?: number;
  skip?: number;
}

function newSpec(): LoadSpec {
  return { all: false, props: new Set(), navs: new Map() };
}

type Kind = "root" | "method" | "nav" | "bound";

/** Clones an argument as office.js serialises it (JSON), keeping proxies as references. */
export function cloneArg(v: unknown): unknown {
  if (v instanceof ClientObject) return v;
  if (Array.isArray(v)) return v.map((x) => {
    const c = cloneArg(x);
    return c === undefined ? null : c;
  });
  if (v instanceof Date) return v.toJSON();
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const c = cloneArg(x);
      if (c !== undefined) out[k] = c;
    }
    return out;
  }
  return v;
}

function show(v: unknown): string {
  if (v instanceof ClientObject) return v._className;
  if (Array.isArray(v) && v.length > 4) return Array.isArray(v[0]) ? `[${v.length}x${(v[0] as unknown[]).length} array]` : `[${v.length} items]`;
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 80 ? `${s.slice(0, 77)}...` : s;
  } catch {
    return String(v);
  }
}

export abstract class ClientObject {
  static props: Record<string, PropDef> = {};
  static navs: string[] = [];
  _ctx: FakeRequestContext;
  _parent: ClientObject | null;
  _kind: Kind;
  _compute: ((parentEntity: any) => Entity | undefined) | null;
  _orNull: boolean;
  _bound: Entity | undefined;
  _label: string;
  _isNull: boolean | undefined;
  _loaded: Record<string, unknown> = Object.create(null);
  _navCache = new Map<string, ClientObject>();
  _mutating = false;

  constructor(ctx: FakeRequestContext, parent: ClientObject | null, kind: Kind, compute: ((e: any) => Entity | undefined) | null, orNull = false, label = "") {
    this._ctx = ctx;
    this._parent = parent;
    this._kind = kind;
    this._compute = compute;
    this._orNull = orNull;
    this._label = label;
  }

  abstract get _className(): string;

  get context(): FakeRequestContext {
    return this._ctx;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded(this._className, "isNullObject");
    return this._isNull;
  }

  get _host(): Host {
    return this._ctx._host;
  }

  get _model(): WorkbookModel {
    return this._ctx._host.model;
  }

  /** A path for statements in debugInfo, e.g. worksheets.getItem("Plan").getRange("A1"). */
  get _path(): string {
    const p = this._parent ? this._parent._path : "workbook";
    return this._label ? `${p}.${this._label}` : p;
  }

  // -------------------------------------------------------------- resolution

  _resolve(): Entity | typeof NULL {
    let e: Entity | typeof NULL;
    switch (this._kind) {
      case "root":
      case "bound":
        e = this._bound as Entity;
        break;
      case "method":
        if (this._bound === undefined && this._mutating) {
          throw new FakeRichApiError(ErrorCodes.invalidObjectPath, defaultMessage("InvalidObjectPath", this._path), {
            detail: "the operation that creates this object was never applied (its batch failed earlier)",
          });
        }
        e = this._bound !== undefined ? this._bound : this._instantiate();
        break;
      default: {
        const p = this._parent!._resolve();
        e = p === NULL ? NULL : this._compute!(p);
        if (e === undefined) throw new FakeRichApiError(ErrorCodes.itemNotFound, undefined, { statement: this._path });
        this._isNull = e === NULL;
      }
    }
    if (e !== NULL && isDeleted(e)) {
      throw new FakeRichApiError(ErrorCodes.itemNotFound, defaultMessage("ItemNotFound"), { detail: "the object has been deleted", statement: this._path });
    }
    return e;
  }

  _instantiate(): Entity | typeof NULL {
    const p = this._parent!._resolve();
    let e: Entity | typeof NULL;
    if (p === NULL) e = NULL;
    else {
      try {
        e = this._compute!(p);
      } catch (err) {
        if (this._orNull && err instanceof FakeRichApiError && err.code === ErrorCodes.itemNotFound) e = NULL;
        else throw err;
      }
      if (e === undefined || e === NULL) {
        if (!this._orNull) throw new FakeRichApiError(ErrorCodes.itemNotFound, undefined, { statement: this._path });
        e = NULL;
      }
    }
    this._bound = e;
    this._isNull = e === NULL;
    return e;
  }

  /** Resolves an argument that may be a proxy of the same context. */
  _arg(v: unknown): unknown {
    if (v instanceof ClientObject) {
      if (v._ctx !== this._ctx) throw new FakeRichApiError(ErrorCodes.invalidRequestContext, defaultMessage("InvalidRequestContext"));
      const e = v._resolve();
      if (e === NULL) throw new FakeRichApiError(ErrorCodes.invalidArgument, undefined, { detail: "a null object was passed as an argument" });
      return e;
    }
    return v;
  }

  // -------------------------------------------------------------- requirement sets

  _requireApi(member: string): void {
    const key = `${this._className}.${member}`;
    const set = API_SETS[key];
    if (set && !this._host.isSupported(set)) throw apiNotFound(key, set);
  }

  _apiSupported(member: string): boolean {
    const set = API_SETS[`${this._className}.${member}`];
    return !set || this._host.isSupported(set);
  }

  // -------------------------------------------------------------- queueing helpers

  /** A method call applied at sync (ignored on null objects). */
  _invoke(member: string, args: unknown[], run: (e: any) => void, opts: { format?: boolean } = {}): void {
    this._requireApi(member);
    const cloned = args.map(cloneArg);
    this._ctx._enqueue({
      kind: `${this._className}.${member}`,
      statement: `${this._path}.${member}(${cloned.map(show).join(", ")})`,
      mutates: true,
      run: () => {
        const e = this._resolve();
        if (e === NULL) return;
        if (opts.format) this._host.stats.formatWrites++;
        run(e);
      },
    });
  }

  /** A method returning a primitive: a ClientResult readable after sync. */
  _result<T>(member: string, args: unknown[], run: (e: any) => T, mutates = false): ClientResult<T> {
    this._requireApi(member);
    const result = new ClientResult<T>();
    const cloned = args.map(cloneArg);
    this._ctx._enqueue({
      kind: `${this._className}.${member}`,
      statement: `${this._path}.${member}(${cloned.map(show).join(", ")})`,
      mutates,
      run: () => {
        const e = this._resolve();
        const v = e === NULL ? (null as T) : run(e);
        return () => result._set(v);
      },
    });
    return result;
  }

  /** A method returning an object: queued as an instantiation, resolved in order at sync. */
  _method<C extends ClientObject>(
    Cls: new (ctx: FakeRequestContext, parent: ClientObject | null, kind: Kind, compute: ((e: any) => Entity | undefined) | null, orNull?: boolean, label?: string) => C,
    member: string,
    args: unknown[],
    compute: (e: any) => Entity | undefined,
    orNull = false,
    mutates = false,
  ): C {
    this._requireApi(member);
    const cloned = args.map(cloneArg);
    const child = new Cls(this._ctx, this, "method", compute, orNull, `${member}(${cloned.map(show).join(", ")})`);
    child._mutating = mutates;
    this._ctx._enqueue({
      kind: `${this._className}.${member}`,
      statement: child._path,
      mutates,
      run: () => {
        child._instantiate();
      },
    });
    return child;
  }

  /** A navigation property: a cached child proxy resolved through this one, no operation. */
  _nav<C extends ClientObject>(
    Cls: new (ctx: FakeRequestContext, parent: ClientObject | null, kind: Kind, compute: ((e: any) => Entity | undefined) | null, orNull?: boolean, label?: string) => C,
    member: string,
    compute: (e: any) => Entity | undefined = (e) => e,
  ): C {
    this._requireApi(member);
    let c = this._navCache.get(member);
    if (!c) {
      c = new Cls(this._ctx, this, "nav", compute, false, member);
      this._navCache.set(member, c);
    }
    return c as C;
  }

  /** A proxy already bound to an entity (collection items). */
  _bind<C extends ClientObject>(
    Cls: new (ctx: FakeRequestContext, parent: ClientObject | null, kind: Kind, compute: ((e: any) => Entity | undefined) | null, orNull?: boolean, label?: string) => C,
    entity: Entity,
    label: string,
  ): C {
    const c = new Cls(this._ctx, this, "bound", null, false, label);
    c._bound = entity;
    c._isNull = false;
    return c;
  }

  // -------------------------------------------------------------- load / set / toJSON

  _props(): Record<string, PropDef> {
    return (this.constructor as typeof ClientObject).props;
  }

  _navNames(): string[] {
    return (this.constructor as typeof ClientObject).navs;
  }

  _parseLoad(spec: unknown): LoadSpec {
    const s = newSpec();
    const addPath = (path: string) => {
      const parts = path.split("/").map((p) => p.trim()).filter(Boolean);
      if (parts.length === 0) return;
      this._addPath(s, parts);
    };
    if (spec === undefined || spec === null) s.all = true;
    else if (typeof spec === "string") spec.split(",").forEach(addPath);
    else if (Array.isArray(spec)) spec.forEach((p) => String(p).split(",").forEach(addPath));
    else if (typeof spec === "object") this._addObject(s, spec as Record<string, unknown>);
    return s;
  }

  _addPath(s: LoadSpec, parts: string[]): void {
    const [head, ...rest] = parts;
    if (this._navNames().includes(head)) {
      const sub = s.navs.get(head) ?? newSpec();
      s.navs.set(head, sub);
      if (rest.length === 0) sub.all = true;
      else (this as any)[head]._addPath(sub, rest);
    } else s.props.add(head);
  }

  _addObject(s: LoadSpec, o: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(o)) {
      if (k === "$all") s.all = s.all || v === true;
      else if (k === "$top") s.top = Number(v);
      else if (k === "$skip") s.skip = Number(v);
      else if (k === "select") String(v).split(",").map((x) => x.trim()).filter(Boolean).forEach((p) => this._addPath(s, p.split("/")));
      else if (k === "expand") String(v).split(",").map((x) => x.trim()).filter(Boolean).forEach((p) => this._addPath(s, p.split("/")));
      else if (this._navNames().includes(k)) {
        const sub = s.navs.get(k) ?? newSpec();
        s.navs.set(k, sub);
        if (v === true) sub.all = true;
        else if (v && typeof v === "object") (this as any)[k]._addObject(sub, v as Record<string, unknown>);
      } else if (v) s.props.add(k);
    }
  }

  load(spec?: unknown): this {
    const parsed = this._parseLoad(spec);
    this._ctx._enqueue({
      kind: `${this._className}.load`,
      statement: `${this._path}.load(${show(spec ?? "")})`,
      mutates: false,
      run: () => {
        this._host.stats.loads++;
        return this._applyLoad(parsed);
      },
    });
    return this;
  }

  /** Reads the requested properties now (at their place in the batch); delivers them on commit. */
  _applyLoad(spec: LoadSpec): () => void {
    const e = this._resolve();
    if (e === NULL) {
      return () => {
        this._isNull = true;
      };
    }
    const defs = this._props();
    const names = spec.all ? Object.keys(defs).filter((k) => !defs[k].noDefaultLoad && this._apiSupported(k)) : [];
    for (const p of spec.props) if (!names.includes(p)) names.push(p);
    const values: Record<string, unknown> = {};
    for (const p of names) {
      const def = defs[p];
      if (!def || !def.get) {
        throw new FakeRichApiError(ErrorCodes.invalidArgument, `The property '${p}' does not exist on ${this._className}.`, { detail: `unknown property ${p}` });
      }
      this._requireLoadable(p);
      values[p] = snapshotValue(def.get(e, this));
    }
    const subs: Array<() => void> = [];
    for (const [nav, sub] of spec.navs) subs.push((this as any)[nav]._applyLoad(sub));
    return () => {
      this._isNull = false;
      Object.assign(this._loaded, values);
      subs.forEach((c) => c());
    };
  }

  _requireLoadable(p: string): void {
    const key = `${this._className}.${p}`;
    const set = API_SETS[key];
    if (set && !this._host.isSupported(set)) throw apiNotFound(key, set);
  }

  /** Sets several properties at once, like office.js's `set()`. */
  set(properties: Record<string, unknown>): void {
    if (properties instanceof ClientObject) properties = properties.toJSON() as Record<string, unknown>;
    for (const [k, v] of Object.entries(properties ?? {})) {
      if (this._navNames().includes(k)) (this as any)[k].set(v);
      else if (this._props()[k]?.set) (this as any)[k] = v;
      else throw new FakeRichApiError(ErrorCodes.invalidArgument, `The property '${k}' cannot be set on ${this._className}.`);
    }
  }

  /** Loaded properties as a plain object (navigation collections as arrays of items, as office.js does). */
  toJSON(): unknown {
    const out: Record<string, unknown> = { ...this._loaded };
    for (const [name, child] of this._navCache) {
      if (child instanceof CollectionObject) {
        if (child._items !== undefined) out[name] = (child.toJSON() as { items: unknown[] }).items;
        continue;
      }
      const j = child.toJSON() as Record<string, unknown>;
      if (j && Object.keys(j).length) out[name] = j;
    }
    return out;
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}

/** Entities are plain records; any part of one that was deleted (a sheet, a table…) invalidates it. */
function isDeleted(e: unknown): boolean {
  if (!e || typeof e !== "object") return false;
  const o = e as Record<string, unknown>;
  if (o.deleted === true) return true;
  if (o.constructor !== Object) return false;
  for (const v of Object.values(o)) if (v && typeof v === "object" && (v as { deleted?: unknown }).deleted === true) return true;
  return false;
}

function snapshotValue(v: unknown): unknown {
  return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
}

/** Defines getters/setters for a class's scalar properties (office.js semantics). */
export function defineProps(Cls: typeof ClientObject & { prototype: ClientObject }, props: Record<string, PropDef>): void {
  Cls.props = props;
  for (const [name, def] of Object.entries(props)) {
    Object.defineProperty(Cls.prototype, name, {
      configurable: true,
      enumerable: true,
      get(this: ClientObject) {
        if (!(name in this._loaded)) {
          if (this._isNull) return undefined;
          throw propertyNotLoaded(this._className, name);
        }
        this._requireLoadable(name);
        return this._loaded[name];
      },
      ...(def.set
        ? {
            set(this: ClientObject, value: unknown) {
              this._loaded[name] = value;
              const cloned = cloneArg(value);
              const owner = this;
              this._ctx._enqueue({
                kind: `${this._className}.${name}=`,
                statement: `${this._path}.${name} = ${show(cloned)}`,
                mutates: true,
                run: () => {
                  const e = owner._resolve();
                  if (e === NULL) return;
                  owner._requireLoadable(name);
                  if (def.format) owner._host.stats.formatWrites++;
                  def.set!(e, cloned, owner);
                },
              });
            },
          }
        : {}),
    });
  }
}

/** A collection proxy: `items` after load, items bound to entities. */
export abstract class CollectionObject<T extends ClientObject> extends ClientObject {
  _items: T[] | undefined;

  abstract _itemClass(): new (ctx: FakeRequestContext, parent: ClientObject | null, kind: Kind, compute: ((e: any) => Entity | undefined) | null, orNull?: boolean, label?: string) => T;
  abstract _entities(e: any): Entity[];
  _itemLabel(_entity: Entity, index: number): string {
    return `getItemAt(${index})`;
  }

  get items(): T[] {
    if (this._items === undefined) {
      if (this._isNull) return [];
      throw propertyNotLoaded(this._className, "items");
    }
    return this._items;
  }

  _addPath(s: LoadSpec, parts: string[]): void {
    const [head, ...rest] = parts;
    if (head === "items") {
      if (rest.length === 0) s.all = true;
      else this._addItemPath(s, rest);
      return;
    }
    if (this._props()[head]) {
      s.props.add(head);
      return;
    }
    this._addItemPath(s, parts);
  }

  _addItemPath(s: LoadSpec, parts: string[]): void {
    const item = this._prototypeItem();
    const sub = s.navs.get("items") ?? newSpec();
    s.navs.set("items", sub);
    item._addPath(sub, parts);
  }

  _addObject(s: LoadSpec, o: Record<string, unknown>): void {
    const rest: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) {
      if (k === "$top") s.top = Number(v);
      else if (k === "$skip") s.skip = Number(v);
      else if (k === "$all") {
        const sub = s.navs.get("items") ?? newSpec();
        sub.all = true;
        s.navs.set("items", sub);
      } else rest[k] = v;
    }
    if (Object.keys(rest).length) {
      const sub = s.navs.get("items") ?? newSpec();
      s.navs.set("items", sub);
      this._prototypeItem()._addObject(sub, rest);
    }
  }

  _prototypeItem(): T {
    const Cls = this._itemClass();
    return new Cls(this._ctx, this, "bound", null, false, "");
  }

  _parseLoad(spec: unknown): LoadSpec {
    const s = super._parseLoad(spec);
    if (spec === undefined || spec === null) {
      s.all = false;
      const sub = newSpec();
      sub.all = true;
      s.navs.set("items", sub);
    }
    if (!s.navs.has("items")) s.navs.set("items", { ...newSpec(), all: s.props.size === 0 });
    return s;
  }

  _applyLoad(spec: LoadSpec): () => void {
    const e = this._resolve();
    if (e === NULL) {
      return () => {
        this._isNull = true;
        this._items = [];
      };
    }
    const defs = this._props();
    const values: Record<string, unknown> = {};
    for (const p of spec.props) {
      const def = defs[p];
      if (!def || !def.get) throw new FakeRichApiError(ErrorCodes.invalidArgument, `The property '${p}' does not exist on ${this._className}.`);
      this._requireLoadable(p);
      values[p] = snapshotValue(def.get(e, this));
    }
    let ents = this._entities(e);
    if (spec.skip) ents = ents.slice(spec.skip);
    if (spec.top !== undefined) ents = ents.slice(0, spec.top);
    const Cls = this._itemClass();
    const itemSpec = spec.navs.get("items") ?? { ...newSpec(), all: true };
    const items = ents.map((ent, i) => this._bind(Cls, ent, this._itemLabel(ent, i + (spec.skip ?? 0))));
    const commits = items.map((it) => it._applyLoad(itemSpec));
    return () => {
      this._isNull = false;
      Object.assign(this._loaded, values);
      commits.forEach((c) => c());
      this._items = items;
    };
  }

  toJSON(): unknown {
    return { ...this._loaded, items: (this._items ?? []).map((i) => i.toJSON()) };
  }
}

export { FakeRichApiError };
