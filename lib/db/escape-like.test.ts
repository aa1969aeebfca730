import { describe, expect, it } from "vitest";
import { escapeLike } from "./escape-like";

describe("escapeLike", () => {
  it("escapes the LIKE wildcards and the escape character, and nothing else", () => {
    expect(escapeLike("100%")).toBe("100\\%");
    expect(escapeLike("db_migrate")).toBe("db\\_migrate");
    expect(escapeLike("C:\\temp_%")).toBe("C:\\\\temp\\_\\%");
    expect(escapeLike("plain text [a-z]* 1.2.3")).toBe("plain text [a-z]* 1.2.3");
  });
});
