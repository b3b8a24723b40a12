/**
 * The product's one error type: a stable code for programs and tests, and a message in Vietnamese
 * and English that says what happened and what to do next.
 */
import type { Message } from "./message";

export class CchcError extends Error {
  readonly messageVi: string;
  readonly messageEn: string;

  constructor(readonly code: string, message: Message) {
    super(`${message.vi} / ${message.en}`);
    this.name = "CchcError";
    this.messageVi = message.vi;
    this.messageEn = message.en;
    Object.setPrototypeOf(this, new.target.prototype);
  }
}
