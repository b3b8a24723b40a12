/**
 * What the plan sheet does not hold (title, issuing body, decision, group titles, body
 * indicators), kept with the document in Office's document settings (Common API, every Excel
 * version) and in memory for this session. Missing meta is rebuilt from the sheets as far as
 * possible (group titles are then empty).
 */
import type { Group, Indicator, Plan } from "../../core/plan";

export interface PlanMeta {
  title: string;
  unit: string;
  commune: string;
  district?: string;
  province: string;
  year: number;
  decision?: Plan["decision"];
  groups: Group[];
  indicators: Indicator[];
}

const KEY = "cchc.planMeta";
let memory: PlanMeta | null = null;

interface SettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: unknown }) => void): void;
}

function docSettings(): SettingsLike | null {
  const office = (globalThis as { Office?: { context?: { document?: { settings?: SettingsLike } } } }).Office;
  const s = office?.context?.document?.settings;
  return s && typeof s.get === "function" && typeof s.set === "function" ? s : null;
}

export async function saveMeta(meta: PlanMeta): Promise<void> {
  memory = meta;
  const s = docSettings();
  if (!s) return;
  try {
    s.set(KEY, JSON.stringify(meta));
    await new Promise<void>((resolve) => {
      try {
        s.saveAsync(() => resolve());
      } catch {
        resolve();
      }
    });
  } catch {
    /* the meta is a convenience: the sheets hold everything that matters */
  }
}

export async function loadMeta(): Promise<PlanMeta | null> {
  const s = docSettings();
  if (s) {
    try {
      const raw = s.get(KEY);
      if (typeof raw === "string" && raw) return JSON.parse(raw) as PlanMeta;
    } catch {
      /* fall through */
    }
  }
  return memory;
}
