/**
 * The one rule for a person's sheet that carries a name the product needs (docs/hosts.md): on every
 * host it is renamed aside — "Kế hoạch" → "Kế hoạch (cũ)" — never overwritten or deleted, and the
 * person is told. Excel compares sheet names case-insensitively, and so does this.
 */
import type { Message } from "../core/message";

export const sheetKey = (name: string) => name.toLocaleLowerCase("vi");

/** "Kế hoạch" → "Kế hoạch (cũ)", "Kế hoạch (cũ 2)"…, at most 31 characters, not taken (keys of sheetKey). */
export function asideName(name: string, taken: Set<string>): string {
  for (let n = 1; n < 1000; n++) {
    const suffix = n === 1 ? " (cũ)" : ` (cũ ${n})`;
    const candidate = name.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(sheetKey(candidate))) return candidate;
  }
  throw new Error(`no free name for ${name}`);
}

export function renamedAsideMessage(from: string, to: string): Message {
  return {
    vi: `Trang tính "${from}" của bạn trùng tên với trang tính của phần bổ trợ nên đã được đổi tên thành "${to}" (không bị xóa).`,
    en: `Your sheet "${from}" had the name of one of the add-in's sheets; it was renamed "${to}" (not deleted).`,
  };
}
