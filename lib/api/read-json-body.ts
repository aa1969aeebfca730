// Reads a request's JSON body without ever holding more than the configured limit in memory: a declared
// Content-Length above it is refused before a byte is read, and a chunked body (no Content-Length) is
// counted while it streams and abandoned as soon as it passes the limit.
import { AppError } from "./app-error";

function tooLarge(limit: number): AppError {
  return new AppError(
    "payload_too_large",
    `The request body is larger than ${limit} bytes, the most this API accepts. Send less (e.g. shorter notes).`,
  );
}

/** Refuses a request whose declared Content-Length is above `limit` (cheap: nothing is read). */
export function assertDeclaredLengthWithin(request: Request, limit: number): void {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit) throw tooLarge(limit);
}

async function readBytes(request: Request, limit: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

const invalid = (message: string) => new AppError("validation", message, { fields: [{ path: "body", message }] });

/** The parsed JSON body ({} when empty); 413 above `limit` bytes, 422 when it is not UTF-8 JSON. */
export async function readJsonBody(request: Request, limit: number): Promise<unknown> {
  assertDeclaredLengthWithin(request, limit);
  const bytes = await readBytes(request, limit);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalid("The request body is not valid UTF-8 text.");
  }
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw invalid("The request body is not valid JSON.");
  }
}
