/** Reading a workbook through any host into the model (the one way back, src/layout/readBack.ts). */
import { readBack, type ReadOptions, type WorkbookRead } from "../layout/readBack";
import type { WorkbookPort } from "./port";

export async function readWorkbook(port: Pick<WorkbookPort, "read">, options: ReadOptions = {}): Promise<WorkbookRead> {
  return readBack(await port.read(), options);
}
