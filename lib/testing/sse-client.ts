// A reader of server-sent events for tests and benchmarks: parses a text/event-stream body into frames as
// they arrive, with the time each arrived, so a test can wait for a frame and measure how late it came.
export type SseFrame = { id?: string; event: string; data: unknown; at: number };

export type SseReader = {
  frames: SseFrame[];
  comments: string[];
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  waitFor: (predicate: (frame: SseFrame) => boolean, options: { timeoutMs: number; what: string }) => Promise<SseFrame>;
  close: () => Promise<void>;
};

function parse(block: string, at: number): SseFrame | string | null {
  const fields: Record<string, string> = {};
  for (const line of block.split("\n")) {
    if (line.startsWith(":")) return line.slice(1).trim();
    const colon = line.indexOf(":");
    if (colon > 0) fields[line.slice(0, colon)] = line.slice(colon + 1).trimStart();
  }
  if (fields.data === undefined) return null;
  return { id: fields.id, event: fields.event ?? "message", data: JSON.parse(fields.data) as unknown, at };
}

export function readSse(body: ReadableStream<Uint8Array>): SseReader {
  const frames: SseFrame[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let finished = false;
  const ended = (async () => {
    let buffer = "";
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
        const parsed = parse(buffer.slice(0, end), performance.now());
        buffer = buffer.slice(end + 2);
        if (typeof parsed === "string") comments.push(parsed);
        else if (parsed) frames.push(parsed);
      }
      waiters.forEach((wake) => wake());
    }
    finished = true;
    waiters.forEach((wake) => wake());
  })();
  return {
    frames,
    comments,
    ended,
    waitFor: (predicate, { timeoutMs, what }) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = frames.find(predicate);
          if (found) return done(() => resolve(found));
          if (finished) done(() => reject(new Error(`the stream ended before ${what}`)));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`${what} did not arrive within ${timeoutMs} ms`))), timeoutMs);
        const done = (settle: () => void) => (clearTimeout(timer), waiters.delete(check), settle());
        waiters.add(check);
        check();
      }),
    close: async () => {
      await reader.cancel().catch(() => undefined);
      await ended;
    },
  };
}
