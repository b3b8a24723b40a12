/**
 * The workbook side of Excel's ProcessQuery protocol: takes the JSON request Microsoft's
 * Office.js client posts at each `context.sync()` (object paths + actions) and answers as Excel
 * does (results by action id, PascalCase property names, `_Items`, `Error` with ActionIndex).
 *
 * Each action is carried out by the fake host's object classes (tests/fakeExcel/api.ts), which
 * hold Excel's per-object rules over the workbook model; the client-side proxy behaviour (load,
 * PropertyNotLoaded, null objects, tracked objects, debugInfo) is the real library's.
 * No Node imports: bundled for the browser too.
 */
import * as api from "../fakeExcel/api";
import { ErrorCodes, FakeRichApiError } from "../fakeExcel/errors";
import { ClientObject, ClientResult, CollectionObject, FakeRequestContext, Host, NULL, Op, applyOps } from "../fakeExcel/runtime";

export interface WirePath {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: WireArguments;
}

export interface WireArguments {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: unknown[];
}

export interface WireAction {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: WireArguments;
  QueryInfo?: { Select?: string[]; Expand?: string[]; Top?: number; Skip?: number };
}

export interface WireRequest {
  Actions: WireAction[];
  ObjectPaths: Record<string, WirePath>;
  AutoKeepReference?: boolean;
}

export interface WireError {
  Code: string;
  Message: string;
  HttpStatusCode: number;
  ActionIndex: number;
  Location: string;
}

export interface WireResponse {
  Results: Array<{ ActionId: number; Value: unknown }>;
  Error?: WireError;
}

/** Object-path types and action types of the protocol (RichApi). */
export const PathType = { root: 1, newObject: 2, method: 3, property: 4, indexer: 5, referenceId: 6, nullObject: 7 } as const;
export const ActionType = {
  instantiate: 1, query: 2, method: 3, setProperty: 4, trace: 5, recursiveQuery: 6, queryAsJson: 7, ensureUnchanged: 8, update: 9,
} as const;

/** Wire names are the JavaScript names with the first letter upper-cased (checked against the library's metadata in the tests). */
export const toWire = (name: string): string => (name.startsWith("_") ? name : name[0].toUpperCase() + name.slice(1));
export const fromWire = (name: string): string => (name.startsWith("_") ? name : name[0].toLowerCase() + name.slice(1));

/** Property sets the library sends under another name (its customization code: Worksheet_ShowGridlines_Set…). */
const SET_ALIASES: Record<string, Record<string, string>> = {
  Worksheet: { Gridlines: "showGridlines", Headings: "showHeadings" },
};

type ClientClass = new (...a: any[]) => ClientObject;

interface Reference {
  Cls: ClientClass;
  entity: unknown;
}

/** `Excel.createWorkbook` arrives as Application.CreateWorkbook(base64).Open(). */
class WorkbookCreated extends ClientObject {
  get _className() {
    return "WorkbookCreated";
  }
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export interface ServerHooks {
  /** Excel.createWorkbook(base64) reached the host. */
  createWorkbook(base64: string): void;
}

export class ExcelServer {
  /** `_KeepReference` table: reference id → the object it stands for. */
  readonly references = new Map<string, Reference>();
  private nextReference = 1;
  /** Actions answered so far, over all requests. */
  actionsSeen = 0;
  /** An injected failure: the action with this absolute number (see actionsSeen) fails before it is applied. */
  failure: { at: number; code: string; message: string } | null = null;

  constructor(private host: Host, private hooks: ServerHooks) {}

  process(request: WireRequest): WireResponse {
    const run = new RequestRun(this, this.host, request);
    return run.execute();
  }

  /** Counts the action about to be applied; throws the injected failure when its turn has come. */
  injectFailure(): void {
    const n = this.actionsSeen++;
    const f = this.failure;
    if (f && n === f.at) {
      this.failure = null;
      throw new FakeRichApiError(f.code, f.message, { injected: true });
    }
  }

  keep(Cls: ClientClass, entity: unknown): string {
    const id = `{excelhost-ref-${this.nextReference++}}`;
    this.references.set(id, { Cls, entity });
    return id;
  }

  createWorkbook(base64: unknown): void {
    if (base64 !== null && base64 !== undefined && (typeof base64 !== "string" || !BASE64.test(base64))) {
      throw new FakeRichApiError(ErrorCodes.invalidArgument, undefined, { detail: "createWorkbook expects a base64 string" });
    }
    this.hooks.createWorkbook(typeof base64 === "string" ? base64 : "");
  }
}

function fail(code: string, message?: string): never {
  throw new FakeRichApiError(code, message);
}

/** One request: its object paths become fake-host proxies, applied one action at a time. */
class RequestRun {
  private ctx: FakeRequestContext;
  private proxies = new Map<number, ClientObject>();
  private kept = new Map<number, string>();

  constructor(private server: ExcelServer, private host: Host, private request: WireRequest) {
    this.ctx = new FakeRequestContext(host, api.createWorkbookProxy);
  }

  execute(): WireResponse {
    const results: WireResponse["Results"] = [];
    const actions = this.request.Actions ?? [];
    for (let i = 0; i < actions.length; i++) {
      const action = actions[i];
      try {
        this.server.injectFailure();
        const value = this.action(action);
        if (value !== NO_RESULT) results.push({ ActionId: action.Id, Value: value });
      } catch (e) {
        return { Results: results, Error: this.wireError(e, i, action) };
      }
    }
    return { Results: results };
  }

  private wireError(e: unknown, index: number, action: WireAction): WireError {
    const location = this.location(action);
    if (e instanceof FakeRichApiError) {
      return { Code: e.code, Message: e.message, HttpStatusCode: e.httpStatusCode, ActionIndex: index, Location: location };
    }
    // A defect of the simulator, not an Excel error: say so loudly.
    const text = e instanceof Error ? `${e.message}\n${e.stack ?? ""}` : String(e);
    return { Code: ErrorCodes.generalException, Message: `excelHost internal error: ${text}`, HttpStatusCode: 500, ActionIndex: index, Location: location };
  }

  private location(action: WireAction): string {
    const p = this.proxies.get(action.ObjectPathId);
    const cls = p ? p._className : "";
    return action.Name ? `${cls}.${fromWire(action.Name)}` : cls;
  }

  /** Applies what the proxies queued (one action's worth) and delivers loads and results. */
  private apply(): void {
    const queue: Op[] = this.ctx._queue;
    this.ctx._queue = [];
    const commits: Array<() => void> = [];
    applyOps(this.host, queue, commits);
    for (const c of commits) c();
  }

  private action(action: WireAction): unknown {
    switch (action.ActionType) {
      case ActionType.instantiate: {
        const p = this.path(action.ObjectPathId);
        this.apply();
        return this.identity(action.ObjectPathId, p);
      }
      case ActionType.query: {
        const p = this.path(action.ObjectPathId);
        p.load(this.loadSpec(action.QueryInfo));
        this.apply();
        return this.serialize(p);
      }
      case ActionType.method:
        return this.method(action);
      case ActionType.setProperty: {
        const p = this.path(action.ObjectPathId);
        const [value] = this.args(action.ArgumentInfo);
        const name = SET_ALIASES[p._className]?.[action.Name] ?? fromWire(action.Name);
        if (!p._props()[name]?.set) fail(ErrorCodes.invalidArgument, `The property '${name}' cannot be set on ${p._className}.`);
        (p as any)[name] = value;
        this.apply();
        return NO_RESULT;
      }
      case ActionType.trace:
        return NO_RESULT;
      default:
        return fail(ErrorCodes.notImplemented, `excelHost does not implement action type ${action.ActionType}.`);
    }
  }

  private method(action: WireAction): unknown {
    const name = action.Name;
    const args = this.args(action.ArgumentInfo);
    if (name === "_KeepReference") {
      const p = this.path(action.ObjectPathId);
      this.apply();
      const e = p._resolve();
      if (e !== NULL) this.kept.set(action.ObjectPathId, this.server.keep(p.constructor as ClientClass, e));
      return NO_RESULT;
    }
    if (name === "_RemoveReference") {
      this.server.references.delete(String(args[0]));
      return NO_RESULT;
    }
    const p = this.path(action.ObjectPathId);
    if (p instanceof WorkbookCreated && name === "Open") return null;
    if (p instanceof api.Range && name === "_ValidateArraySize") {
      // Sent before the client splits a large values/formulas array into 1,500-cell chunks.
      this.apply();
      const e = p._resolve() as { rect: { r1: number; r2: number; c1: number; c2: number } } | typeof NULL;
      if (e === NULL) return null;
      const [rows, cols] = args as number[];
      if (rows !== e.rect.r2 - e.rect.r1 + 1 || cols !== e.rect.c2 - e.rect.c1 + 1) {
        fail(ErrorCodes.invalidArgument, "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
      }
      return null;
    }
    const member = fromWire(name);
    const fn = (p as any)[member];
    if (typeof fn !== "function") fail(ErrorCodes.apiNotFound, `excelHost: ${p._className}.${member} is not implemented.`);
    const out = fn.apply(p, args);
    this.apply();
    if (out instanceof ClientResult) return wireValue(out.value);
    return null;
  }

  /** An Instantiate result: null for a null object, the id or reference id that identifies it. */
  private identity(pathId: number, p: ClientObject): unknown {
    const e = p instanceof WorkbookCreated ? p._bound : p._resolve();
    if (e === NULL) return null;
    const out: Record<string, unknown> = {};
    const ref = this.kept.get(pathId);
    if (ref) out._ReferenceId = ref;
    const id = idOf(p, e);
    if (id !== undefined) out.Id = id;
    return out;
  }

  private loadSpec(q: WireAction["QueryInfo"]): unknown {
    if (!q || (!q.Select && !q.Expand)) {
      return q && (q.Top !== undefined || q.Skip !== undefined) ? { $all: true, $top: q.Top, $skip: q.Skip } : undefined;
    }
    const spec: Record<string, unknown> = {};
    if (q.Select) spec.select = q.Select.join(",");
    if (q.Expand) spec.expand = q.Expand.join(",");
    if (q.Top !== undefined) spec.$top = q.Top;
    if (q.Skip !== undefined) spec.$skip = q.Skip;
    return spec;
  }

  /** The loaded state of a proxy as Excel sends it: PascalCase names, `_Items` for collections. */
  private serialize(p: ClientObject): unknown {
    if (p._isNull) return null;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(p._loaded)) out[toWire(k)] = wireValue(v);
    const e = p._bound !== undefined ? p._bound : undefined;
    if (e !== undefined && e !== NULL && !("Id" in out)) {
      const id = idOf(p, e);
      if (id !== undefined) out.Id = id;
    }
    for (const [name, child] of p._navCache) {
      if (child._isNull === undefined && Object.keys(child._loaded).length === 0 && !(child instanceof CollectionObject && child._items)) continue;
      out[toWire(name)] = this.serialize(child);
    }
    if (p instanceof CollectionObject && p._items) {
      out._Items = p._items.map((item) => this.serialize(item));
      p._items = undefined;
    }
    p._loaded = Object.create(null);
    return out;
  }

  private args(info: WireArguments | undefined): unknown[] {
    const args = info?.Arguments ?? [];
    const refs = info?.ReferencedObjectPathIds;
    return refs ? this.withObjects(args, refs) : args;
  }

  private withObjects(args: unknown[], refs: unknown[]): unknown[] {
    return args.map((a, i) => {
      const r = refs[i];
      if (Array.isArray(r) && Array.isArray(a)) return this.withObjects(a, r);
      if (typeof r === "number" && r !== 0) return this.path(r);
      return a;
    });
  }

  /** The fake-host proxy for an object path (built once per request, parents first). */
  private path(id: number): ClientObject {
    const known = this.proxies.get(id);
    if (known) return known;
    const info = this.request.ObjectPaths?.[String(id)];
    if (!info) return fail(ErrorCodes.invalidObjectPath, `excelHost: the request has no object path ${id}.`);
    const p = this.build(info);
    this.proxies.set(id, p);
    return p;
  }

  private build(info: WirePath): ClientObject {
    switch (info.ObjectPathType) {
      case PathType.root:
        return this.ctx.workbook;
      case PathType.property: {
        const parent = this.path(info.ParentObjectPathId!);
        const name = fromWire(info.Name);
        const child = (parent as any)[name];
        if (!(child instanceof ClientObject)) fail(ErrorCodes.apiNotFound, `excelHost: ${parent._className}.${name} is not implemented.`);
        return child;
      }
      case PathType.method: {
        const parent = this.path(info.ParentObjectPathId!);
        const args = this.args(info.ArgumentInfo);
        if (parent instanceof api.Application && info.Name === "CreateWorkbook") {
          this.server.createWorkbook(args[0]);
          return bound(this.ctx, WorkbookCreated, {});
        }
        if (info.Name === "GetItemAt" && parent instanceof CollectionObject && typeof (parent as any).getItemAt !== "function") {
          return itemAt(parent, Number(args[0]));
        }
        const member = fromWire(info.Name);
        const fn = (parent as any)[member];
        if (typeof fn !== "function") fail(ErrorCodes.apiNotFound, `excelHost: ${parent._className}.${member} is not implemented.`);
        const child = fn.apply(parent, args);
        if (!(child instanceof ClientObject)) fail(ErrorCodes.invalidArgument, `excelHost: ${parent._className}.${member} does not return an object.`);
        return child;
      }
      case PathType.indexer: {
        const parent = this.path(info.ParentObjectPathId!);
        const [key] = this.args(info.ArgumentInfo);
        if (!(parent instanceof CollectionObject)) fail(ErrorCodes.invalidArgument, `excelHost: ${parent._className} has no indexer.`);
        return byKey(parent, key);
      }
      case PathType.referenceId: {
        const ref = this.server.references.get(info.Name);
        if (!ref) fail(ErrorCodes.invalidObjectPath, `The object path '${info.Name}' isn't working for what you're trying to do. If you're using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object's lifetime.`);
        return bound(this.ctx, ref.Cls, ref.entity);
      }
      case PathType.nullObject:
        return bound(this.ctx, api.Range, NULL);
      default:
        return fail(ErrorCodes.notImplemented, `excelHost does not implement object path type ${info.ObjectPathType}.`);
    }
  }
}

const NO_RESULT = Symbol("no result");

function bound(ctx: FakeRequestContext, Cls: ClientClass, entity: unknown): ClientObject {
  const p = new Cls(ctx, null, "bound", null, false, "");
  p._bound = entity;
  p._isNull = entity === NULL;
  return p;
}

/** The id Excel reports for objects that have one (worksheets, tables, columns…), when the version supports it. */
function idOf(p: ClientObject, e: unknown): unknown {
  const def = p._props().id;
  if (!def?.get || !p._apiSupported("id")) return undefined;
  try {
    return def.get(e, p);
  } catch {
    return undefined;
  }
}

/** `collection[key]`: an item by its id when the items have ids, else the collection's getItem. */
function byKey(parent: CollectionObject<ClientObject>, key: unknown): ClientObject {
  const Cls = parent._itemClass() as ClientClass;
  const hasId = !!(Cls as unknown as typeof ClientObject).props?.id;
  const getItem = (parent as any).getItem;
  if (!hasId) {
    if (typeof getItem !== "function") fail(ErrorCodes.apiNotFound, `excelHost: ${parent._className} has no indexer.`);
    return getItem.call(parent, key);
  }
  // Resolved in the batch like getItem: by id first, then by the collection's own getItem rule.
  const child = new Cls(parent._ctx, parent, "method", (pe: unknown) => {
    const probe = new Cls(parent._ctx, parent, "bound", null, false, "");
    const match = parent._entities(pe).find((ent) => {
      probe._bound = ent;
      return idOf(probe, ent) === key;
    });
    if (match !== undefined) return match;
    if (typeof getItem !== "function") return undefined;
    const viaGetItem = getItem.call(parent, key) as ClientObject;
    parent._ctx._queue.pop();
    return viaGetItem._compute!(pe);
  }, false, `getItem(${JSON.stringify(key)})`);
  parent._ctx._enqueue({ kind: `${parent._className}.getItem`, statement: child._path, mutates: false, run: () => void child._instantiate() });
  return child;
}

/** `collection.getItemAt(i)` for collections the fake host gives no such method. */
function itemAt(parent: CollectionObject<ClientObject>, index: number): ClientObject {
  const Cls = parent._itemClass() as ClientClass;
  const child = new Cls(parent._ctx, parent, "method", (pe: unknown) => parent._entities(pe)[index], false, `getItemAt(${index})`);
  parent._ctx._enqueue({ kind: `${parent._className}.getItemAt`, statement: child._path, mutates: false, run: () => void child._instantiate() });
  return child;
}

/** Values as JSON carries them (the client parses the body). */
function wireValue(v: unknown): unknown {
  return v === undefined ? null : v;
}
