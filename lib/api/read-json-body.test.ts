import { describe, expect, it } from "vitest";
import { readJsonBody } from "./read-json-body";

const LIMIT = 1024;

function streamOf(chunks: Uint8Array[], pulled: { count: number }): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream(
    {
      pull(controller) {
        pulled.count += 1;
        if (index < chunks.length) controller.enqueue(chunks[index++]!);
        else controller.close();
      },
      // no read-ahead: a pull happens only when the reader asks
    },
    { highWaterMark: 0 },
  );
}

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request("http://test/", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("readJsonBody", () => {
  it("parses JSON, and reads an empty body as {}", async () => {
    expect(await readJsonBody(post(JSON.stringify({ a: "é" })), LIMIT)).toEqual({ a: "é" });
    expect(await readJsonBody(post(null), LIMIT)).toEqual({});
    expect(await readJsonBody(post("  "), LIMIT)).toEqual({});
  });

  it("refuses a declared Content-Length above the limit without reading the body", async () => {
    const pulled = { count: 0 };
    const request = post(streamOf([new Uint8Array(10)], pulled), { "content-length": String(LIMIT + 1) });
    await expect(readJsonBody(request, LIMIT)).rejects.toMatchObject({ code: "payload_too_large" });
    expect(pulled.count).toBe(0);
  });

  it("stops a chunked body as soon as it passes the limit", async () => {
    const pulled = { count: 0 };
    const chunks = Array.from({ length: 100 }, () => new Uint8Array(300).fill(32));
    await expect(readJsonBody(post(streamOf(chunks, pulled)), LIMIT)).rejects.toMatchObject({
      code: "payload_too_large",
      message: expect.stringContaining("1024 bytes"),
    });
    expect(pulled.count).toBeLessThan(10);
  });

  it("accepts a body of exactly the limit, and answers 422 for bad JSON and bad UTF-8", async () => {
    const exact = JSON.stringify({ pad: "x".repeat(LIMIT - 10) });
    expect(exact.length).toBe(LIMIT);
    expect(await readJsonBody(post(exact), LIMIT)).toEqual({ pad: "x".repeat(LIMIT - 10) });
    await expect(readJsonBody(post("{not json"), LIMIT)).rejects.toMatchObject({ code: "validation", fields: [{ path: "body" }] });
    await expect(readJsonBody(post(new Uint8Array([0x7b, 0xff, 0x7d])), LIMIT)).rejects.toMatchObject({
      code: "validation",
      message: expect.stringContaining("UTF-8"),
    });
  });
});
