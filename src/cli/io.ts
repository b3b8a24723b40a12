/** The command line's only contact with the file system and the terminal. */
import * as fs from "fs";
import * as path from "path";

export interface Io {
  out(text: string): void;
  err(text: string): void;
  readFile(file: string): Uint8Array;
  /** The file's bytes, or null when there is no such file. */
  readFileIfExists(file: string): Uint8Array | null;
  writeFile(file: string, bytes: Uint8Array | string): void;
}

export const nodeIo: Io = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  readFile: (file) => new Uint8Array(fs.readFileSync(file)),
  readFileIfExists: (file) => (fs.existsSync(file) ? new Uint8Array(fs.readFileSync(file)) : null),
  writeFile: (file, bytes) => {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    // Write beside the target, then rename: a failed run never leaves half a workbook.
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, file);
  },
};
